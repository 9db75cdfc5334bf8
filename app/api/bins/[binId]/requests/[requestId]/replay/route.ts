import type { NextRequest } from "next/server";
import { openSecrets } from "@/core/bins/secrets";
import { readBinSettings } from "@/core/bins/settings";
import { sendOptionsFrom } from "@/core/replay/send-options";
import { toReplayJson } from "@/core/replay/serialize";
import { getRequest } from "@/db/queries/requests";
import { ResignError, replayStored } from "@/db/replay";
import { authorizeBin } from "@/lib/api/auth";
import { ApiError, apiRoute, parseJsonBody, parseWith } from "@/lib/api/errors";
import { replaySchema, requestIdSchema } from "@/lib/api/schemas";
import { config } from "@/lib/config";

type Context = { params: Promise<{ binId: string; requestId: string }> };

// POST /api/bins/:binId/requests/:requestId/replay {url, method?, headers?, body?|bodyBase64?, appendPath?, resign?}:
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
  const row = await replayStored(database.db, {
    bin: {
      id: bin.id,
      settings: readBinSettings(bin.settings),
      secrets: openSecrets(bin.secretsSealed, database.secretKey),
    },
    stored,
    options: { ...input, body },
    send: sendOptionsFrom(config()),
  }).catch((error: unknown) => {
    if (error instanceof ResignError)
      throw new ApiError(400, "cannot_resign", `Cannot re-sign: ${error.message}.`);
    throw error;
  });
  return Response.json(toReplayJson(row), { status: 201 });
});
