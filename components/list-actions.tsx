"use client";

import { useRef, useState } from "react";

const linkClass = "text-indigo-600 hover:underline dark:text-indigo-400";

/** Export the filtered list (HAR or JSON, by the server) and import a file into the bin. */
export function ListActions({
  binId,
  filterQuery,
  canImport,
}: {
  binId: string;
  filterQuery: string;
  canImport: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const exportUrl = (format: string) =>
    `/api/bins/${encodeURIComponent(binId)}/export?format=${format}${filterQuery ? `&${filterQuery}` : ""}`;

  async function importFile(file: File) {
    setMessage({ text: `Importing ${file.name}…`, error: false });
    const response = await fetch(`/api/bins/${encodeURIComponent(binId)}/import`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: file,
    });
    const answer = (await response.json().catch(() => ({}))) as {
      imported?: number;
      error?: { message?: string };
    };
    setMessage(
      response.ok
        ? { text: `Imported ${answer.imported} request${answer.imported === 1 ? "" : "s"}.`, error: false }
        : { text: answer.error?.message ?? `The server answered ${response.status}.`, error: true },
    );
  }

  return (
    <div className="flex flex-wrap items-center gap-3 text-xs text-zinc-500">
      <span>Export</span>
      <a href={exportUrl("har")} download className={linkClass} data-testid="export-har">
        HAR
      </a>
      <a href={exportUrl("json")} download className={linkClass} data-testid="export-json">
        JSON
      </a>
      {canImport && (
        <button
          type="button"
          className={linkClass}
          onClick={() => input.current?.click()}
          data-testid="import-button"
        >
          Import…
        </button>
      )}
      <input
        ref={input}
        type="file"
        accept=".har,.json,application/json"
        className="hidden"
        data-testid="import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) void importFile(file);
        }}
      />
      {message && (
        <span role="status" data-testid="import-message" className={message.error ? "text-rose-600" : ""}>
          {message.text}
        </span>
      )}
    </div>
  );
}
