import type { NextRequest } from "next/server";
import { authorizeBin } from "@/lib/api/auth";
import { binEventStream } from "@/lib/api/bin-event-stream";
import { apiRoute, parseWith } from "@/lib/api/errors";
import { lastEventIdSchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ binId: string }> };

// GET /api/bins/:binId/events: text/event-stream of `request` events. A reconnecting client's
// Last-Event-ID (or ?lastEventId= on a first connection) replays what it missed.
export const GET = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin } = await authorizeBin(request, (await context.params).binId);
  const lastEventId = parseWith(
    lastEventIdSchema,
    request.headers.get("last-event-id") ?? request.nextUrl.searchParams.get("lastEventId") ?? undefined,
    "Last-Event-ID",
  );
  return binEventStream({ database, binId: bin.id, lastEventId, signal: request.signal });
});
