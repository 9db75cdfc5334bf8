"use client";

import { useCallback, useEffect, useState } from "react";
import { CopyButton } from "./copy-button";

interface Share {
  id: string;
  requestId: string | null;
  label: string | null;
  createdAt: string;
}

/** The bin's read-only links: make one (its URL is shown once), see the live ones, revoke any. */
export function SharePanel({ binId }: { binId: string }) {
  const base = `/api/bins/${encodeURIComponent(binId)}/shares`;
  const [shares, setShares] = useState<Share[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const response = await fetch(base);
    if (response.ok) setShares(((await response.json()) as { shares: Share[] }).shares);
  }, [base]);
  useEffect(() => {
    void load();
  }, [load]);

  async function create() {
    setError(null);
    const response = await fetch(base, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ label: "whole bin" }),
    });
    if (!response.ok) return setError(`The server answered ${response.status}.`);
    setCreated(((await response.json()) as { url: string }).url);
    await load();
  }

  async function revoke(id: string) {
    const response = await fetch(`${base}/${id}`, { method: "DELETE" });
    if (response.ok) await load();
  }

  return (
    <div
      className="space-y-2 border-t border-zinc-200 px-4 py-2 text-xs dark:border-zinc-800"
      data-testid="share-panel"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-zinc-500">
          Share links show this bin read-only: no replay, no settings, no secrets.
        </span>
        <button
          type="button"
          onClick={create}
          data-testid="create-share"
          className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
        >
          Create a link
        </button>
        {error && <span className="text-rose-600">{error}</span>}
      </div>
      {created && (
        <div className="flex items-center gap-2">
          <code
            className="min-w-0 truncate rounded bg-zinc-100 px-1.5 py-0.5 font-mono dark:bg-zinc-800"
            data-testid="share-url"
          >
            {created}
          </code>
          <CopyButton text={created} label="Copy link" />
          <span className="text-zinc-500">Shown once: copy it now.</span>
        </div>
      )}
      {shares.length > 0 && (
        <ul className="space-y-1">
          {shares.map((share) => (
            <li key={share.id} className="flex items-center gap-3" data-testid="share-row">
              <span>{share.requestId ? `Request #${share.requestId}` : "Whole bin"}</span>
              <span className="text-zinc-500">{new Date(share.createdAt).toLocaleString()}</span>
              <button
                type="button"
                onClick={() => revoke(share.id)}
                className="font-medium text-rose-600 hover:underline dark:text-rose-400"
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
