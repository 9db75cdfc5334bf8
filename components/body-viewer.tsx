"use client";

import { useMemo, useState } from "react";
import { viewBody } from "@/core/body/decode-body";
import { hexDump } from "@/core/body/hex-dump";
import type { DecodedBodyView } from "@/core/requests/types";
import { JsonTree } from "./json-tree";
import { MultipartView } from "./multipart-view";
import { PairTable } from "./pair-table";

const HEX_LIMIT = 64 * 1024;

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function HexView({ bytes }: { bytes: Uint8Array }) {
  const lines = useMemo(() => hexDump(bytes, HEX_LIMIT), [bytes]);
  return (
    <div data-testid="hex-view" className="overflow-x-auto font-mono text-[13px] leading-6">
      {lines.map((line) => (
        <div key={line.offset} className="flex gap-4 whitespace-pre">
          <span className="text-zinc-400">{line.offset}</span>
          <span className="w-[47ch]">{line.hex}</span>
          <span className="text-zinc-500">{line.ascii}</span>
        </div>
      ))}
      {bytes.length > HEX_LIMIT && (
        <p className="mt-2 text-zinc-500">
          Showing the first 64 KB of {bytes.length.toLocaleString()} bytes.
        </p>
      )}
    </div>
  );
}

function TextView({ text }: { text: string }) {
  return (
    <pre
      data-testid="body-text"
      className="whitespace-pre-wrap break-all font-mono text-[13px] leading-6 text-zinc-800 dark:text-zinc-200"
    >
      {text}
    </pre>
  );
}

interface BodyViewerProps {
  bodyBase64: string;
  bodyText: string | null;
  contentType: string | null;
  bodySize: number;
  bodyTooLarge: boolean;
  decoded: DecodedBodyView | null;
}

function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
      {children}
    </p>
  );
}

/**
 * Shows a body the way its content type suggests, with the raw bytes one click away. A compressed
 * body (Content-Encoding) is shown decoded, and "As sent" shows the bytes on the wire.
 */
export function BodyViewer(props: BodyViewerProps) {
  const { bodyTooLarge, bodySize, contentType, decoded } = props;
  const [raw, setRaw] = useState(false);
  const [asSent, setAsSent] = useState(false);
  const readable = decoded && "bodyBase64" in decoded && !asSent ? decoded : null;
  const bodyText = readable ? readable.bodyText : props.bodyText;
  const bodyBase64 = readable ? readable.bodyBase64 : props.bodyBase64;
  const size = readable ? readable.size : bodySize;
  // Bytes still compressed are binary, whatever the content type says.
  const stillEncoded = decoded !== null && !readable;
  const view = useMemo(
    () => (stillEncoded ? viewBody(null, null, size) : viewBody(contentType, bodyText, size)),
    [stillEncoded, contentType, bodyText, size],
  );
  const bytes = useMemo(() => decodeBase64(bodyBase64), [bodyBase64]);

  if (bodyTooLarge) {
    return (
      <Notice>
        The body ({bodySize.toLocaleString()} bytes) was over the size limit, so Hookscope answered 413 and
        kept only the method, path and headers.
      </Notice>
    );
  }
  if (view.kind === "empty") return <p className="text-sm text-zinc-500">No body.</p>;

  const asBytes = bodyText === null ? <HexView bytes={bytes} /> : <TextView text={bodyText} />;
  const formatted = (() => {
    switch (view.kind) {
      case "multipart":
        return <MultipartView bytes={bytes} contentType={contentType ?? ""} fallback={asBytes} />;
      case "json":
        return <JsonTree value={view.value} />;
      case "form":
        return <PairTable pairs={view.fields} empty="No fields." testId="form-fields" />;
      case "text":
        return <TextView text={view.text} />;
      case "binary":
        return <HexView bytes={bytes} />;
    }
  })();

  const kindLabel = {
    json: "JSON",
    form: "Form",
    text: view.kind === "text" ? view.language.toUpperCase() : "",
    multipart: "Multipart",
    binary: "Binary",
  }[view.kind];

  const toggle =
    "rounded px-2 py-0.5 font-medium text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800";
  return (
    <div>
      {decoded && "error" in decoded && <Notice>{decoded.error}</Notice>}
      <div className="mb-3 flex items-center gap-2 text-xs">
        <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
          {kindLabel}
        </span>
        {decoded && (
          <span
            data-testid="content-encoding"
            className="rounded bg-sky-100 px-1.5 py-0.5 font-medium text-sky-800 dark:bg-sky-950 dark:text-sky-200"
          >
            {readable ? `${decoded.encoding}, decoded` : decoded.encoding}
          </span>
        )}
        <span className="text-zinc-500">
          {readable
            ? `${size.toLocaleString()} bytes (${bodySize.toLocaleString()} as sent)`
            : `${bodySize.toLocaleString()} bytes`}
        </span>
        {decoded && "bodyBase64" in decoded && (
          <button type="button" className={`ml-auto ${toggle}`} onClick={() => setAsSent(!asSent)}>
            {asSent ? "Decoded" : "As sent"}
          </button>
        )}
        {view.kind !== "binary" && (
          <button
            type="button"
            className={decoded && "bodyBase64" in decoded ? toggle : `ml-auto ${toggle}`}
            onClick={() => setRaw(!raw)}
          >
            {raw ? "Formatted" : "Raw"}
          </button>
        )}
      </div>
      {raw ? asBytes : formatted}
    </div>
  );
}
