import type { NextRequest } from "next/server";
import { getRequest } from "@/db/queries/requests";
import { authorizeBin } from "@/lib/api/auth";
import { ApiError, apiRoute, parseJsonBody, parseWith } from "@/lib/api/errors";
import { replayForApi } from "@/lib/api/replay";
import { replaySchema, requestIdSchema } from "@/lib/api/schemas";

type Context = { params: Promise<{ binId: string; requestId: string }> };

// POST /api/bins/:binId/requests/:requestId/replay {url, method?, headers?, body?|bodyBase64?, appendPath?, resign?, followRedirects?}:
// sends the stored request to the target and keeps what it answered.
export const POST = apiRoute(async (request: NextRequest, context: Context) => {
  const params = await context.params;
  const { database, bin } = await authorizeBin(request, params.binId);
  const id = parseWith(requestIdSchema, params.requestId, "request id");
  const input = await parseJsonBody(request, replaySchema);
  const stored = await getRequest(database.db, { binId: bin.id, id });
  if (!stored) throw new ApiError(404, "not_found", "This bin has no request with that id.");
  const body =
    input.bodyBase64 !== undefined
      ? Buffer.from(input.bodyBase64, "base64")
      : input.body !== undefined
        ? Buffer.from(input.body, "utf8")
        : undefined;
  return Response.json(await replayForApi(database, bin, stored, { ...input, body }), { status: 201 });
});
