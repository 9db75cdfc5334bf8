"use client";

import { useMemo, useState } from "react";
import { viewBody } from "@/core/body/decode-body";
import { hexDump } from "@/core/body/hex-dump";
import { JsonTree } from "./json-tree";
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
}

/** Shows a body the way its content type suggests, with the raw bytes one click away. */
export function BodyViewer({ bodyBase64, bodyText, contentType, bodySize, bodyTooLarge }: BodyViewerProps) {
  const [raw, setRaw] = useState(false);
  const view = useMemo(() => viewBody(contentType, bodyText, bodySize), [contentType, bodyText, bodySize]);
  const bytes = useMemo(() => decodeBase64(bodyBase64), [bodyBase64]);

  if (bodyTooLarge) {
    return (
      <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
        The body ({bodySize.toLocaleString()} bytes) was over the size limit, so Hookscope answered 413 and
        kept only the method, path and headers.
      </p>
    );
  }
  if (view.kind === "empty") return <p className="text-sm text-zinc-500">No body.</p>;

  const formatted = (() => {
    switch (view.kind) {
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
    binary: "Binary",
  }[view.kind];

  return (
    <div>
      <div className="mb-3 flex items-center gap-2 text-xs">
        <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
          {kindLabel}
        </span>
        <span className="text-zinc-500">{bodySize.toLocaleString()} bytes</span>
        {view.kind !== "binary" && (
          <button
            type="button"
            className="ml-auto rounded px-2 py-0.5 font-medium text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            onClick={() => setRaw(!raw)}
          >
            {raw ? "Formatted" : "Raw"}
          </button>
        )}
      </div>
      {raw ? <TextView text={bodyText ?? ""} /> : formatted}
    </div>
  );
}
