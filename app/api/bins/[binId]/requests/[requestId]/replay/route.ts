import type { NextRequest } from "next/server";
import { buildReplay } from "@/core/replay/build-replay";
import { sendReplay } from "@/core/replay/send-replay";
import { toReplayJson } from "@/core/replay/serialize";
import { insertReplay } from "@/db/queries/replays";
import { getRequest } from "@/db/queries/requests";
import { authorizeBin } from "@/lib/api/auth";
import { ApiError, apiRoute, parseJsonBody, parseWith } from "@/lib/api/errors";
import { replaySchema, requestIdSchema } from "@/lib/api/schemas";
import { config } from "@/lib/config";

type Context = { params: Promise<{ binId: string; requestId: string }> };

// POST /api/bins/:binId/requests/:requestId/replay {url, method?, headers?, body?|bodyBase64?, appendPath?}:
// sends the stored request to the target and keeps what it answered.
export const POST = apiRoute(async (request: NextRequest, context: Context) => {
  const params = await context.params;
  const { database, bin } = await authorizeBin(request, params.binId);
  const id = parseWith(requestIdSchema, params.requestId, "request id");
  const input = await parseJsonBody(request, replaySchema);
  const stored = await getRequest(database.db, { binId: bin.id, id });
  if (!stored) throw new ApiError(404, "not_found", "This bin has no request with that id.");
  const { REPLAY_TIMEOUT_MS, REPLAY_BLOCK_PRIVATE, PUBLIC_URL } = config();
  const replay = buildReplay(stored, {
    url: input.url,
    method: input.method,
    headers: input.headers,
    body:
      input.bodyBase64 !== undefined
        ? Buffer.from(input.bodyBase64, "base64")
        : input.body !== undefined
          ? Buffer.from(input.body, "utf8")
          : undefined,
    appendPath: input.appendPath,
  });
  const result = await sendReplay(replay, {
    timeoutMs: REPLAY_TIMEOUT_MS,
    blockPrivate: REPLAY_BLOCK_PRIVATE ? REPLAY_BLOCK_PRIVATE === "true" : Boolean(PUBLIC_URL),
  });
  const row = await insertReplay(database.db, {
    requestId: stored.id,
    binId: bin.id,
    method: replay.method,
    url: replay.url,
    requestHeaders: replay.headers,
    status: result.status,
    responseHeaders: result.headers,
    responseBody: result.body,
    bodyTruncated: result.bodyTruncated,
    durationMs: result.durationMs,
    error: result.error,
  });
  return Response.json(toReplayJson(row), { status: 201 });
});
