"use client";

import { useEffect, useState } from "react";
import { type MultipartPart, multipartParts } from "@/core/body/multipart";
import { CopyButton } from "./copy-button";

function PartValue({ part }: { part: MultipartPart }) {
  if (part.text === null) {
    return <span className="text-zinc-500">binary, {part.size.toLocaleString()} bytes</span>;
  }
  return <span className="whitespace-pre-wrap break-all">{part.text}</span>;
}

/**
 * A multipart/form-data body as its fields and files. Parsing is asynchronous (the browser's own
 * FormData parser), so the parts appear a moment after the request opens.
 */
export function MultipartView({
  bytes,
  contentType,
  fallback,
}: {
  bytes: Uint8Array;
  contentType: string;
  /** Shown when the body is not the multipart its content type claims. */
  fallback: React.ReactNode;
}) {
  const [parts, setParts] = useState<MultipartPart[] | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    setParts(undefined);
    multipartParts(bytes, contentType).then((parsed) => {
      if (current) setParts(parsed);
    });
    return () => {
      current = false;
    };
  }, [bytes, contentType]);

  if (parts === undefined) return <p className="text-sm text-zinc-500">Reading the parts…</p>;
  if (parts === null) {
    return (
      <div>
        <p className="mb-3 text-sm text-amber-800 dark:text-amber-300">
          The body does not parse as multipart/form-data with the boundary its Content-Type names; it is shown
          as sent.
        </p>
        {fallback}
      </div>
    );
  }
  if (parts.length === 0) return <p className="text-sm text-zinc-500">No parts.</p>;
  return (
    <table className="w-full table-fixed text-left text-[13px]" data-testid="multipart-parts">
      <tbody>
        {parts.map((part, index) => (
          <tr
            // biome-ignore lint/suspicious/noArrayIndexKey: parts may share a name and never reorder
            key={index}
            className="group border-b border-zinc-100 align-top dark:border-zinc-800/70"
          >
            <td className="w-56 py-1.5 pr-4 font-mono font-medium text-zinc-600 dark:text-zinc-400">
              {part.name}
              {part.filename !== null && (
                <div className="font-normal text-xs text-zinc-500">
                  file “{part.filename}”{part.contentType ? ` · ${part.contentType}` : ""}
                </div>
              )}
            </td>
            <td className="py-1.5 font-mono">
              <PartValue part={part} />
            </td>
            <td className="w-16 py-1 text-right opacity-0 transition group-hover:opacity-100 group-focus-within:opacity-100">
              {part.text !== null && <CopyButton text={part.text} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
