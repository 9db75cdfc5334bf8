"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Opens a bin in this browser with its token, e.g. one created on another machine or by a teammate. */
export function UnlockBinForm({ binId }: { binId: string }) {
  const router = useRouter();
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function unlock(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    const response = await fetch(`/api/bins/${encodeURIComponent(binId)}/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: token.trim() }),
    });
    if (response.ok) router.refresh();
    else setError("That token does not open this bin.");
  }

  return (
    <form onSubmit={unlock} className="flex flex-col gap-3">
      <input
        value={token}
        onChange={(event) => setToken(event.target.value)}
        placeholder="hs_…"
        aria-label="Bin token"
        className="rounded-lg border border-zinc-300 bg-white px-3 py-2.5 font-mono text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button
        type="submit"
        className="rounded-lg bg-indigo-600 px-5 py-2.5 text-sm font-semibold text-white hover:bg-indigo-500"
      >
        Open bin
      </button>
      {error && <p className="text-sm text-rose-600">{error}</p>}
    </form>
  );
}
