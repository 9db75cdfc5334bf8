import type { NextRequest } from "next/server";
import { getRequest } from "@/db/queries/requests";
import { authorizeBin } from "@/lib/api/auth";
import { ApiError, apiRoute, parseJsonBody } from "@/lib/api/errors";
import { replayForApi } from "@/lib/api/replay";
import { bulkReplaySchema } from "@/lib/api/schemas";

type Context = { params: Promise<{ binId: string }> };

// POST /api/bins/:binId/replay {ids, url, appendPath?, resign?, followRedirects?}: replays several requests, one after the
// other, in the order they were captured.
export const POST = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin } = await authorizeBin(request, (await context.params).binId);
  const input = await parseJsonBody(request, bulkReplaySchema);
  const ids = [...new Set(input.ids)].sort((a, b) => a - b);
  const stored = await Promise.all(ids.map((id) => getRequest(database.db, { binId: bin.id, id })));
  const missing = ids.filter((_, index) => !stored[index]);
  if (missing.length > 0)
    throw new ApiError(404, "not_found", `This bin has no request with id ${missing.join(", ")}.`);
  const replays = [];
  for (const one of stored) {
    if (one) replays.push(await replayForApi(database, bin, one, input));
  }
  return Response.json({ replays }, { status: 201 });
});
