"use client";

import { useEffect, useState } from "react";
import { Checkbox } from "./checkbox";
import { REPLAY_TARGET_KEY } from "./replay-panel";

interface ReplayOutcome {
  status: number | null;
  error: string | null;
}

/** What to do with the requests ticked in the list: compare two, or replay them all in order. */
export function SelectionBar({
  binId,
  ids,
  onCompare,
  onClear,
}: {
  binId: string;
  ids: string[];
  onCompare: () => void;
  onClear: () => void;
}) {
  const [url, setUrl] = useState("");
  const [appendPath, setAppendPath] = useState(false);
  const [resign, setResign] = useState(false);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  useEffect(
    () => setUrl(window.localStorage.getItem(REPLAY_TARGET_KEY) ?? "http://localhost:4000/webhooks"),
    [],
  );

  async function replay(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setResult(null);
    window.localStorage.setItem(REPLAY_TARGET_KEY, url);
    try {
      const response = await fetch(`/api/bins/${encodeURIComponent(binId)}/replay`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ids, url, appendPath, resign }),
      });
      const answer = (await response.json()) as { replays?: ReplayOutcome[]; error?: { message: string } };
      setResult(
        answer.replays
          ? `Replayed ${answer.replays.length}: ${answer.replays.map((r) => r.status ?? "no answer").join(", ")}`
          : (answer.error?.message ?? `The server answered ${response.status}.`),
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <div
      className="space-y-2 border-b border-zinc-200 bg-indigo-50/60 px-4 py-2 text-xs dark:border-zinc-800 dark:bg-indigo-950/30"
      data-testid="selection-bar"
    >
      <div className="flex items-center gap-3">
        <span className="font-medium">{ids.length} selected</span>
        {ids.length === 2 && (
          <button
            type="button"
            onClick={onCompare}
            className="text-indigo-600 hover:underline dark:text-indigo-400"
          >
            Compare
          </button>
        )}
        <button type="button" onClick={onClear} className="ml-auto text-zinc-500 hover:underline">
          Clear selection
        </button>
      </div>
      <form onSubmit={replay} className="flex flex-wrap items-center gap-2">
        <input
          type="url"
          required
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          aria-label="Replay the selected requests to"
          data-testid="bulk-replay-url"
          className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-2 py-1 font-mono dark:border-zinc-700 dark:bg-zinc-900"
        />
        <Checkbox checked={appendPath} onChange={setAppendPath} className="flex items-center gap-1">
          path
        </Checkbox>
        <Checkbox
          checked={resign}
          onChange={setResign}
          className="flex items-center gap-1"
          title="Sign again with the bin's secret and the current time"
        >
          re-sign
        </Checkbox>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-indigo-600 px-2.5 py-1 font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
        >
          {pending ? "Replaying…" : `Replay ${ids.length} in order`}
        </button>
      </form>
      {result && (
        <p role="status" data-testid="bulk-replay-result">
          {result}
        </p>
      )}
    </div>
  );
}
