import type { NextRequest } from "next/server";
import { toReplayJson } from "@/core/replay/serialize";
import { listReplays } from "@/db/queries/replays";
import { authorizeBin } from "@/lib/api/auth";
import { apiRoute, parseWith } from "@/lib/api/errors";
import { requestIdSchema } from "@/lib/api/schemas";

type Context = { params: Promise<{ binId: string; requestId: string }> };

// GET /api/bins/:binId/requests/:requestId/replays: the request's replay history, newest first.
export const GET = apiRoute(async (request: NextRequest, context: Context) => {
  const params = await context.params;
  const { database, bin } = await authorizeBin(request, params.binId);
  const requestId = parseWith(requestIdSchema, params.requestId, "request id");
  const rows = await listReplays(database.db, { binId: bin.id, requestId });
  return Response.json({ replays: rows.map(toReplayJson) });
});
