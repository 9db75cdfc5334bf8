import type { NextRequest } from "next/server";
import { assertWholeBin, authorizeBin } from "@/lib/api/auth";
import { binEventStream } from "@/lib/api/bin-event-stream";
import { apiRoute, parseWith } from "@/lib/api/errors";
import { filterFromQuery } from "@/lib/api/request-filter";
import { lastEventIdSchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ binId: string }> };

// GET /api/bins/:binId/events?<filter>: text/event-stream of the `request` events passing the filter. A reconnecting client's
// Last-Event-ID (or ?lastEventId= on a first connection) replays what it missed.
export const GET = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin, access } = await authorizeBin(request, (await context.params).binId, { read: true });
  assertWholeBin(access);
  const lastEventId = parseWith(
    lastEventIdSchema,
    request.headers.get("last-event-id") ?? request.nextUrl.searchParams.get("lastEventId") ?? undefined,
    "Last-Event-ID",
  );
  const filter = filterFromQuery(request);
  return binEventStream({ database, binId: bin.id, lastEventId, filter, signal: request.signal });
});
