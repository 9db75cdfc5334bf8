"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const ACCESS_CODE_KEY = "hookscope:access-code";

/** `gated`: the instance asks for an access code (HOOKSCOPE_CREATE_TOKEN); asked once, then remembered. */
export function CreateBinForm({ gated = false }: { gated?: boolean }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [accessCode, setAccessCode] = useState("");
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
        body: JSON.stringify({ name: name.trim() || null }),
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
