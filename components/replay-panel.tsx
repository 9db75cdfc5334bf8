"use client";

import { useCallback, useEffect, useState } from "react";
import type { ReplayJson } from "@/core/replay/serialize";
import type { RequestDetail } from "@/core/requests/types";
import { Checkbox } from "./checkbox";
import { StatusBadge } from "./method-badge";

/** The last replay target, remembered in this browser for the next replay. */
export const REPLAY_TARGET_KEY = "hookscope.replayTarget";
const input =
  "rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-900";

function ReplayResult({ replay }: { replay: ReplayJson }) {
  return (
    <div
      className="space-y-2 rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"
      data-testid="replay-result"
    >
      <div className="flex flex-wrap items-center gap-3">
        {replay.status === null ? (
          <span className="font-medium text-rose-600 dark:text-rose-400">no answer</span>
        ) : (
          <StatusBadge status={replay.status} />
        )}
        <span className="font-mono text-xs">
          {replay.method} {replay.url}
        </span>
        <span className="ml-auto text-xs text-zinc-500">
          {replay.trigger === "forward" ? `forwarded, try ${replay.attempt} · ` : ""}
          {replay.durationMs} ms · {new Date(replay.createdAt).toLocaleTimeString()}
        </span>
      </div>
      {replay.redirects.length > 0 && (
        <ol className="space-y-0.5 font-mono text-xs text-zinc-500" data-testid="replay-redirects">
          {replay.redirects.map((hop, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: hops repeat (a loop) and never reorder
            <li key={index}>
              ↳ {hop.status} to {hop.url}
            </li>
          ))}
        </ol>
      )}
      {replay.error && <p className="text-rose-700 dark:text-rose-300">{replay.error}</p>}
      {replay.status !== null && (
        <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-900">
          {replay.body ?? `[${Math.round((replay.bodyBase64.length * 3) / 4)} bytes of binary data]`}
          {replay.bodyTruncated ? "\n… (truncated at 64 KB)" : ""}
        </pre>
      )}
    </div>
  );
}

/** Send this request again to a target (the user's dev server), edited or not, and see what it answered. */
export function ReplayPanel({ binId, detail }: { binId: string; detail: RequestDetail }) {
  const [url, setUrl] = useState("");
  const [appendPath, setAppendPath] = useState(true);
  const [method, setMethod] = useState(detail.method);
  const [editBody, setEditBody] = useState(false);
  const [resign, setResign] = useState(false);
  const [followRedirects, setFollowRedirects] = useState(false);
  const [body, setBody] = useState(detail.bodyText ?? "");
  const [history, setHistory] = useState<ReplayJson[]>([]);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const base = `/api/bins/${encodeURIComponent(binId)}/requests/${detail.id}`;

  useEffect(
    () => setUrl(window.localStorage.getItem(REPLAY_TARGET_KEY) ?? "http://localhost:4000/webhooks"),
    [],
  );

  const load = useCallback(async () => {
    const response = await fetch(`${base}/replays`);
    if (response.ok) setHistory(((await response.json()) as { replays: ReplayJson[] }).replays);
  }, [base]);
  useEffect(() => void load(), [load]);

  async function send() {
    setSending(true);
    setProblem(null);
    window.localStorage.setItem(REPLAY_TARGET_KEY, url);
    try {
      const response = await fetch(`${base}/replay`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          url,
          appendPath,
          method,
          resign,
          followRedirects,
          ...(editBody ? { body } : {}),
        }),
      });
      const payload = (await response.json()) as ReplayJson & { error?: unknown };
      if (!response.ok) {
        const error = payload.error as { message?: string } | undefined;
        setProblem(error?.message ?? `The server answered ${response.status}.`);
        return;
      }
      setHistory((current) => [payload, ...current]);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="space-y-4" data-testid="replay-panel">
      <div className="flex flex-wrap gap-2">
        <input
          aria-label="Replay method"
          className={`${input} w-24 font-mono`}
          value={method}
          onChange={(event) => setMethod(event.target.value.toUpperCase())}
        />
        <input
          aria-label="Replay target URL"
          data-testid="replay-url"
          className={`${input} min-w-0 flex-1 font-mono`}
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          placeholder="http://localhost:4000/webhooks"
        />
        <button
          type="button"
          onClick={send}
          disabled={sending || !url}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
        >
          {sending ? "Sending…" : "Replay"}
        </button>
      </div>
      <div className="flex flex-wrap gap-4 text-sm text-zinc-600 dark:text-zinc-400">
        <Checkbox checked={appendPath} onChange={setAppendPath}>
          Append the captured path and query
        </Checkbox>
        <Checkbox
          checked={followRedirects}
          onChange={setFollowRedirects}
          title="Up to 5; each new address is checked like the first"
        >
          Follow redirects
        </Checkbox>
        {detail.signature?.scheme && (
          <Checkbox checked={resign} onChange={setResign} title="For receivers that refuse old timestamps">
            Re-sign with the bin's secret and a fresh timestamp
          </Checkbox>
        )}
        {detail.bodyText !== null && (
          <Checkbox checked={editBody} onChange={setEditBody}>
            Edit the body
          </Checkbox>
        )}
      </div>
      {editBody && (
        <textarea
          aria-label="Replay body"
          className={`${input} w-full font-mono text-xs`}
          rows={8}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
      )}
      <p className="text-xs text-zinc-500">
        The original headers are sent (less Host, Content-Length and other per-connection ones) with the exact
        body bytes. A redirect is the answer unless you ask to follow it (as providers do not); answers are
        kept below.
      </p>
      {problem && <p className="text-sm text-rose-600">{problem}</p>}
      {history.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">History</h3>
          {history.map((replay) => (
            <ReplayResult key={replay.id} replay={replay} />
          ))}
        </div>
      )}
    </div>
  );
}
