import { cookies } from "next/headers";
import Link from "next/link";
import { CreateBinForm } from "@/components/create-bin-form";
import { aliasesAllowed } from "@/core/ids";
import { getDatabase } from "@/db/client";
import { createIsGated } from "@/lib/api/create-gate";
import { binsForCookies } from "@/lib/bin-access";
import { config } from "@/lib/config";

// Rendered per request from the database; never prerendered, so `next build` opens no database.
export const dynamic = "force-dynamic";

const FEATURES = [
  [
    "Exact capture",
    "Any method and sub-path; headers in order with repeats; the raw body bytes, binary included.",
  ],
  ["Live", "Requests stream into the dashboard the moment they are stored. No reloads, no polling."],
  ["Yours", "Self-hosted, one process, an embedded database by default, or your own PostgreSQL."],
] as const;

export default async function Home() {
  const { db } = await getDatabase();
  const bins = await binsForCookies(db, (await cookies()).getAll());

  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col gap-12 px-6 py-16">
      <header className="flex items-center gap-2 text-lg font-semibold tracking-tight">
        <span className="grid h-7 w-7 place-items-center rounded-md bg-indigo-600 text-sm text-white">H</span>
        Hookscope
      </header>
      <section className="flex flex-col gap-6">
        <div>
          <h1 className="text-4xl font-semibold tracking-tight">Inspect webhooks as they arrive.</h1>
          <p className="mt-3 max-w-xl text-zinc-600 dark:text-zinc-400">
            Create a bin, paste its capture URL into Stripe, GitHub, Slack or any sender, and watch every
            delivery land here exactly as it was sent.
          </p>
        </div>
        <CreateBinForm gated={createIsGated()} aliases={aliasesAllowed(config())} />
      </section>

      <section>
        <h2 className="mb-3 text-sm font-semibold text-zinc-500">Your bins</h2>
        {bins.length === 0 ? (
          <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500 dark:border-zinc-700">
            Bins you create in this browser appear here.
          </p>
        ) : (
          <ul
            className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
            data-testid="bin-list"
          >
            {bins.map((bin) => (
              <li key={bin.id}>
                <Link
                  href={`/bins/${bin.id}`}
                  className="flex items-center gap-4 px-4 py-3 transition hover:bg-zinc-50 dark:hover:bg-zinc-900"
                >
                  <span className="font-medium">{bin.name ?? "Untitled bin"}</span>
                  <code className="truncate font-mono text-xs text-zinc-500">{bin.id}</code>
                  <span className="ml-auto shrink-0 text-xs text-zinc-500">
                    created {bin.createdAt.toISOString().slice(0, 10)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="grid gap-4 sm:grid-cols-3">
        {FEATURES.map(([title, text]) => (
          <div key={title} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
            <h3 className="text-sm font-semibold">{title}</h3>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
          </div>
        ))}
      </section>
    </main>
  );
}
