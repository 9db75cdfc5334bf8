import type { NextRequest } from "next/server";
import { openSecrets } from "@/core/bins/secrets";
import { readBinSettings } from "@/core/bins/settings";
import { buildReplay, type ReplayRequest } from "@/core/replay/build-replay";
import { resignHeaders } from "@/core/replay/resign";
import { sendReplay } from "@/core/replay/send-replay";
import { toReplayJson } from "@/core/replay/serialize";
import type { HeaderPair } from "@/core/requests/types";
import { insertReplay } from "@/db/queries/replays";
import { getRequest } from "@/db/queries/requests";
import type { Bin } from "@/db/schema";
import { authorizeBin } from "@/lib/api/auth";
import { ApiError, apiRoute, parseJsonBody, parseWith } from "@/lib/api/errors";
import { replaySchema, requestIdSchema } from "@/lib/api/schemas";
import { config } from "@/lib/config";

type Context = { params: Promise<{ binId: string; requestId: string }> };

function resignedHeaders(
  bin: Bin,
  secretKey: Buffer | null,
  detectedScheme: string | null,
  replay: ReplayRequest,
): HeaderPair[] {
  const secret = openSecrets(bin.secretsSealed, secretKey)?.[0]?.value;
  if (!secret) throw new ApiError(400, "cannot_resign", "Cannot re-sign: this bin has no readable secret.");
  const { signing } = readBinSettings(bin.settings);
  const result = resignHeaders({
    scheme: signing.scheme === "auto" ? detectedScheme : signing.scheme,
    custom: signing.custom,
    headers: replay.headers,
    body: replay.body,
    secret,
    now: Math.floor(Date.now() / 1000),
  });
  if ("error" in result) throw new ApiError(400, "cannot_resign", `Cannot re-sign: ${result.error}.`);
  return result.headers;
}

// POST /api/bins/:binId/requests/:requestId/replay {url, method?, headers?, body?|bodyBase64?, appendPath?, resign?}:
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
  if (input.resign)
    replay.headers = resignedHeaders(bin, database.secretKey, stored.signature?.scheme ?? null, replay);
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
