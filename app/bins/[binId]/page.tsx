import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import Link from "next/link";
import { BinDashboard } from "@/components/bin-dashboard";
import { UnlockBinForm } from "@/components/unlock-bin-form";
import { openSecrets } from "@/core/bins/secrets";
import { toBinJson } from "@/core/bins/serialize";
import { requestFilterParamsSchema } from "@/core/requests/filter";
import { toRequestSummary } from "@/core/requests/serialize";
import { SCHEMES } from "@/core/signatures/schemes";
import { getDatabase } from "@/db/client";
import { listRequestSummaries } from "@/db/queries/requests";
import { forViewer } from "@/lib/api/bin-json";
import { captureOrigin, publicOrigin } from "@/lib/api/origin";
import { authorizedBin, binCookieName, sharedBin, viewerCookieName } from "@/lib/bin-access";

// Rendered per request from the database; never prerendered, so `next build` opens no database.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Bin", referrer: "no-referrer" };

const FIRST_PAGE = 100;

interface BinPageProps {
  params: Promise<{ binId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function BinPage({ params, searchParams }: BinPageProps) {
  const { binId } = await params;
  // A link with a filter that no longer parses opens the whole bin rather than an error page.
  const parsedFilter = requestFilterParamsSchema.safeParse(await searchParams);
  const filter = parsedFilter.success ? parsedFilter.data : {};
  const jar = await cookies();
  const token = jar.get(binCookieName(binId))?.value;
  const database = await getDatabase();
  const { db } = database;
  const owned = await authorizedBin(db, binId, token);
  const shared = owned ? null : await sharedBin(db, binId, jar.get(viewerCookieName(binId))?.value);
  const bin = owned ?? shared?.bin;

  if (!bin) {
    return (
      <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-6">
        <div>
          <Link href="/" className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">
            ← Hookscope
          </Link>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight">This bin is locked</h1>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Only the browser that created a bin can open it. If it is yours, paste its API token.
          </p>
        </div>
        <UnlockBinForm binId={binId} />
      </main>
    );
  }

  const onlyRequest = shared?.share.requestId ?? undefined;
  const rows = await listRequestSummaries(database, {
    binId: bin.id,
    limit: FIRST_PAGE,
    filter,
    only: onlyRequest,
  });
  const requestHeaders = await headers();
  const json = toBinJson(
    bin,
    publicOrigin(requestHeaders),
    openSecrets(bin.secretsSealed, database.secretKey),
    captureOrigin(requestHeaders),
  );
  return (
    <BinDashboard
      bin={owned ? json : forViewer(json)}
      token={owned ? (token ?? "") : ""}
      access={owned ? "owner" : onlyRequest === undefined ? "viewer" : "request"}
      initialRequests={rows.map(toRequestSummary)}
      initialFilter={filter}
      schemes={SCHEMES.map(({ id, name }) => ({ id, name }))}
    />
  );
}
