"use client";

import { useState } from "react";
import { curlCommand } from "@/core/export/curl";
import { fetchCode } from "@/core/export/fetch-code";
import { toHar } from "@/core/export/har";
import { toJsonExport } from "@/core/export/json-export";
import { rawHttpMessage } from "@/core/requests/raw-message";
import type { RequestDetail } from "@/core/requests/types";
import { copyText } from "./copy-button";

/** Saves text as a file through a temporary link: no server round trip for what the page already holds. */
export function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

const itemClass =
  "block w-full px-3 py-1.5 text-left text-xs text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800";

/** Copy a request as curl, fetch or raw HTTP, or download it as JSON or HAR. */
export function ExportMenu({
  detail,
  origin,
  binName,
  onShare,
}: {
  detail: RequestDetail;
  origin: string;
  binName: string | null;
  /** Makes a read-only link to this request and returns its URL (owners only). */
  onShare?: () => Promise<string>;
}) {
  const [done, setDone] = useState<string | null>(null);
  const act = async (label: string, action: () => void | Promise<void>) => {
    await action();
    setDone(label);
    setTimeout(() => setDone(null), 1_200);
  };
  const filename = `hookscope-request-${detail.id}`;
  const items: { label: string; testId: string; run: () => void | Promise<void> }[] = [
    { label: "Copy as curl", testId: "copy-curl", run: () => copyText(curlCommand(detail, { origin })) },
    { label: "Copy as fetch", testId: "copy-fetch", run: () => copyText(fetchCode(detail, { origin })) },
    { label: "Copy raw HTTP", testId: "copy-raw", run: () => copyText(rawHttpMessage(detail)) },
    {
      label: "Download JSON",
      testId: "download-json",
      run: () =>
        download(
          JSON.stringify(toJsonExport([detail], { bin: { id: detail.binId, name: binName } }), null, 2),
          `${filename}.json`,
        ),
    },
    {
      label: "Download HAR",
      testId: "download-har",
      run: () =>
        download(
          JSON.stringify(
            toHar([detail], { origin, creator: { name: "Hookscope", version: "web" } }),
            null,
            2,
          ),
          `${filename}.har`,
        ),
    },
  ];
  if (onShare) {
    items.push({
      label: "Copy share link",
      testId: "share-request",
      run: async () => copyText(await onShare()),
    });
  }
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        data-testid="copy-curl-button"
        onClick={() => act("Copied", () => copyText(curlCommand(detail, { origin })))}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs font-medium text-zinc-700 shadow-sm hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        {done ?? "Copy as curl"}
      </button>
      <details className="relative" data-testid="export-menu">
        <summary className="cursor-pointer list-none rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs font-medium text-zinc-700 shadow-sm hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800">
          More ▾
        </summary>
        <div className="absolute right-0 z-20 mt-1 w-40 overflow-hidden rounded-md border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {items.map((item) => (
            <button
              key={item.testId}
              type="button"
              data-testid={item.testId}
              className={itemClass}
              onClick={(event) => {
                event.currentTarget.closest("details")?.removeAttribute("open");
                void act(item.label.startsWith("Copy") ? "Copied" : "Saved", item.run);
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      </details>
    </div>
  );
}
