"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

export function CreateBinForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/bins", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: name.trim() || null }),
      });
      const payload = (await response.json()) as { id?: string; error?: { message: string } };
      if (!response.ok || !payload.id)
        throw new Error(payload.error?.message ?? `The server answered ${response.status}.`);
      router.push(`/bins/${payload.id}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setPending(false);
    }
  }

  return (
    <form onSubmit={create} className="flex flex-col gap-3 sm:flex-row">
      <input
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={100}
        placeholder="Name (optional), e.g. Stripe staging"
        aria-label="Bin name"
        className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2.5 text-sm shadow-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-indigo-600 px-5 py-2.5 text-sm font-semibold text-white shadow-sm transition hover:bg-indigo-500 disabled:opacity-60"
      >
        {pending ? "Creating…" : "Create bin"}
      </button>
      {error && <p className="text-sm text-rose-600 sm:basis-full">{error}</p>}
    </form>
  );
}
