"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const ACCESS_CODE_KEY = "hookscope:access-code";

/** `gated`: the instance asks for an access code (HOOKSCOPE_CREATE_TOKEN); asked once, then remembered. */
export function CreateBinForm({ gated = false, aliases = false }: { gated?: boolean; aliases?: boolean }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [accessCode, setAccessCode] = useState("");
  const [alias, setAlias] = useState("");
  const [askCode, setAskCode] = useState(false);
  useEffect(() => {
    if (!gated) return;
    const remembered = window.localStorage.getItem(ACCESS_CODE_KEY);
    if (remembered) setAccessCode(remembered);
    else setAskCode(true);
  }, [gated]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/bins", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(accessCode ? { authorization: `Bearer ${accessCode}` } : {}),
        },
        body: JSON.stringify({ name: name.trim() || null, ...(alias.trim() ? { alias: alias.trim() } : {}) }),
      });
      const payload = (await response.json()) as { id?: string; error?: { code: string; message: string } };
      if (payload.error?.code === "access_code_required") {
        window.localStorage.removeItem(ACCESS_CODE_KEY);
        setAskCode(true);
      } else if (response.ok && accessCode) {
        window.localStorage.setItem(ACCESS_CODE_KEY, accessCode);
      }
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
      {aliases && (
        <label className="flex min-w-0 items-center rounded-lg border border-zinc-300 bg-white pl-3 text-sm shadow-sm focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/20 sm:w-48 dark:border-zinc-700 dark:bg-zinc-900">
          <span className="font-mono text-zinc-400">/h/</span>
          <input
            value={alias}
            onChange={(event) => setAlias(event.target.value.toLowerCase())}
            maxLength={64}
            placeholder="custom-name"
            aria-label="Custom URL (optional)"
            title="Optional: a fixed name for the capture URL, e.g. acme-staging"
            className="min-w-0 flex-1 bg-transparent py-2.5 pr-3 font-mono outline-none"
          />
        </label>
      )}
      {askCode && (
        <input
          type="password"
          value={accessCode}
          onChange={(event) => setAccessCode(event.target.value)}
          placeholder="Access code"
          aria-label="Access code"
          autoComplete="current-password"
          required
          className="min-w-0 rounded-lg border border-zinc-300 bg-white px-3 py-2.5 text-sm shadow-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 sm:w-40 dark:border-zinc-700 dark:bg-zinc-900"
        />
      )}
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
