import type { NextRequest } from "next/server";
import { toRequestDetail } from "@/core/requests/serialize";
import { getRequest, listRequestSummaries } from "@/db/queries/requests";
import { assertWholeBin, authorizeBin } from "@/lib/api/auth";
import { apiRoute, parseWith } from "@/lib/api/errors";
import { filterFromQuery } from "@/lib/api/request-filter";
import { waitForRequestQuerySchema } from "@/lib/api/schemas";
import { waitForRequest } from "@/lib/api/wait-for-request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ binId: string }> };

// GET /api/bins/:binId/requests/next?after=&timeout=30&<filter>: waits for the next matching
// request (200 with it) or answers 204 at the timeout. Without `after`, only requests arriving after
// the call count: "trigger the provider, then wait for the webhook" in a test.
export const GET = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin, access } = await authorizeBin(request, (await context.params).binId, { read: true });
  assertWholeBin(access);
  const query = parseWith(
    waitForRequestQuerySchema,
    Object.fromEntries(request.nextUrl.searchParams),
    "query parameters",
  );
  const filter = filterFromQuery(request);
  const after =
    query.after ?? (await listRequestSummaries(database, { binId: bin.id, limit: 1 }))[0]?.id ?? 0;
  const id = await waitForRequest({
    database,
    binId: bin.id,
    after,
    filter,
    timeoutMs: query.timeout * 1000,
    signal: request.signal,
  });
  const found = id ? await getRequest(database.db, { binId: bin.id, id: Number(id) }) : null;
  return found ? Response.json(toRequestDetail(found)) : new Response(null, { status: 204 });
});
