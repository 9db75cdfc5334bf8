"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { BinJson } from "@/core/bins/serialize";
import { CopyButton } from "./copy-button";
import { SharePanel } from "./share-panel";
import { StreamIndicator } from "./stream-indicator";
import type { StreamState } from "./use-bin-events";

/** The owner; a share link's viewer (read-only); or a viewer of one shared request. */
export type DashboardAccess = "owner" | "viewer" | "request";

interface BinHeaderProps {
  bin: BinJson;
  token: string;
  access: DashboardAccess;
  streamState: StreamState;
  count: number;
  hasMore: boolean;
  onOpenSettings: () => void;
  onCleared: () => void;
}

export function BinHeader({
  bin,
  token,
  access,
  streamState,
  count,
  hasMore,
  onOpenSettings,
  onCleared,
}: BinHeaderProps) {
  const router = useRouter();
  const [panel, setPanel] = useState<"token" | "share" | null>(null);
  const owner = access === "owner";
  const toggle = (name: "token" | "share") => setPanel(panel === name ? null : name);
  const [shownToken, setShownToken] = useState(token);

  async function rotate() {
    if (
      !window.confirm("Make a new token? The current one stops working at once (this browser keeps access).")
    ) {
      return;
    }
    const response = await fetch(`/api/bins/${bin.id}/token`, { method: "POST" });
    if (response.ok) setShownToken(((await response.json()) as { token: string }).token);
  }

  async function clear() {
    if (!window.confirm("Delete every request in this bin? The bin and its settings stay.")) return;
    const response = await fetch(`/api/bins/${bin.id}/requests`, { method: "DELETE" });
    if (response.ok) onCleared();
  }

  async function remove() {
    if (!window.confirm("Delete this bin and every request it captured? This cannot be undone.")) return;
    const response = await fetch(`/api/bins/${bin.id}`, { method: "DELETE" });
    if (response.ok) router.push("/");
  }

  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span className="grid h-6 w-6 place-items-center rounded-md bg-indigo-600 text-xs text-white">
            H
          </span>
          Hookscope
        </Link>
        <span className="text-zinc-300 dark:text-zinc-700">/</span>
        <h1 className="max-w-[16rem] truncate text-sm font-medium" data-testid="bin-name">
          {bin.name ?? "Untitled bin"}
        </h1>
        <div className="order-last flex min-w-0 basis-full items-center gap-2 rounded-md border border-zinc-200 bg-zinc-50 py-1 pr-1 pl-3 2xl:order-none 2xl:basis-auto 2xl:flex-1 dark:border-zinc-800 dark:bg-zinc-900">
          <code className="min-w-0 flex-1 truncate font-mono text-[13px]" data-testid="capture-url">
            {bin.captureUrl}
          </code>
          <CopyButton text={bin.captureUrl} label="Copy URL" />
        </div>
        {/* Status and actions wrap as one group, so a narrow window never splits them over two rows. */}
        <div className="ml-auto flex flex-wrap items-center justify-end gap-x-4 gap-y-1">
          {!owner && (
            <span
              className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
              data-testid="read-only"
            >
              Read-only {access === "request" ? "request" : "share"}
            </span>
          )}
          {access !== "request" && <StreamIndicator state={streamState} />}
          <span className="text-xs text-zinc-500" data-testid="request-count">
            {count}
            {hasMore ? "+" : ""} {count === 1 ? "request" : "requests"}
          </span>
          {owner && (
            <>
              <button
                type="button"
                onClick={onOpenSettings}
                data-testid="open-settings"
                className="inline-flex items-center gap-1.5 text-xs font-medium text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
                title={
                  bin.signing.secretHint
                    ? `Secret set (${bin.signing.secretHint})`
                    : "No secret: signatures are not checked"
                }
              >
                <span
                  className={`h-1.5 w-1.5 rounded-full ${bin.signing.secretHint ? "bg-emerald-500" : "bg-zinc-400"}`}
                />
                {bin.signing.secretHint ? "Secret set" : "No secret"} · Settings
              </button>
              <button
                type="button"
                onClick={() => toggle("token")}
                className="text-xs font-medium text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
              >
                API token
              </button>
              <button
                type="button"
                onClick={() => toggle("share")}
                data-testid="open-share"
                className="text-xs font-medium text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
              >
                Share
              </button>
              {bin.refusedCount > 0 && (
                <span
                  className="text-xs text-amber-700 dark:text-amber-400"
                  title="Refused by the bin's rate limit (not stored)"
                >
                  {bin.refusedCount} refused
                </span>
              )}
              <button
                type="button"
                onClick={clear}
                className="text-xs font-medium text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
              >
                Clear
              </button>
              <button
                type="button"
                onClick={remove}
                className="text-xs font-medium text-rose-600 hover:text-rose-800 dark:text-rose-400"
              >
                Delete
              </button>
            </>
          )}
        </div>
      </div>
      {panel === "share" && <SharePanel binId={bin.id} />}
      {panel === "token" && (
        <div className="flex flex-wrap items-center gap-2 border-t border-zinc-200 px-4 py-2 text-xs dark:border-zinc-800">
          <span className="text-zinc-500">Send as</span>
          <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono dark:bg-zinc-800">
            Authorization: Bearer {shownToken}
          </code>
          <CopyButton text={shownToken} label="Copy token" />
          <span className="text-zinc-500">Anyone holding it can read this bin.</span>
          <button
            type="button"
            data-testid="rotate-token"
            onClick={rotate}
            className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
          >
            Rotate token
          </button>
        </div>
      )}
    </header>
  );
}
