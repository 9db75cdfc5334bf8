import type { NextRequest } from "next/server";
import { toRequestSummary } from "@/core/requests/serialize";
import { clearBin, listRequestSummaries } from "@/db/queries/requests";
import { authorizeBin } from "@/lib/api/auth";
import { apiRoute, parseWith } from "@/lib/api/errors";
import { filterFromQuery } from "@/lib/api/request-filter";
import { listRequestsQuerySchema } from "@/lib/api/schemas";

type Context = { params: Promise<{ binId: string }> };

// GET /api/bins/:binId/requests?limit=&before=&<filter>: newest first; nextCursor is the next `before`.
// The filter: method=POST,PUT verdict=invalid duplicates=hide|only status=4xx,201 since= until= q=.
export const GET = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin, access } = await authorizeBin(request, (await context.params).binId, { read: true });
  const query = parseWith(
    listRequestsQuerySchema,
    Object.fromEntries(request.nextUrl.searchParams),
    "query parameters",
  );
  const rows = await listRequestSummaries(database, {
    binId: bin.id,
    only: access.role === "viewer" ? (access.requestId ?? undefined) : undefined,
    limit: query.limit,
    before: query.before,
    filter: filterFromQuery(request),
  });
  const last = rows.at(-1);
  return Response.json({
    requests: rows.map(toRequestSummary),
    nextCursor: rows.length === query.limit && last ? String(last.id) : null,
  });
});

// DELETE /api/bins/:binId/requests: clears the bin (every request, and the numbering of deliveries).
export const DELETE = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin } = await authorizeBin(request, (await context.params).binId);
  return Response.json({ deleted: await clearBin(database.db, bin.id) });
});
