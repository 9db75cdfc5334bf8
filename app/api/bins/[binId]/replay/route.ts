import type { NextRequest } from "next/server";
import { openSecrets } from "@/core/bins/secrets";
import { readBinSettings } from "@/core/bins/settings";
import { sendOptionsFrom } from "@/core/replay/send-options";
import { toReplayJson } from "@/core/replay/serialize";
import { getRequest } from "@/db/queries/requests";
import { ResignError, replayStored } from "@/db/replay";
import { authorizeBin } from "@/lib/api/auth";
import { ApiError, apiRoute, parseJsonBody } from "@/lib/api/errors";
import { bulkReplaySchema } from "@/lib/api/schemas";
import { config } from "@/lib/config";

type Context = { params: Promise<{ binId: string }> };

// POST /api/bins/:binId/replay {ids, url, appendPath?, resign?}: replays several requests, one after the
// other, in the order they were captured.
export const POST = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin } = await authorizeBin(request, (await context.params).binId);
  const input = await parseJsonBody(request, bulkReplaySchema);
  const ids = [...new Set(input.ids)].sort((a, b) => a - b);
  const stored = await Promise.all(ids.map((id) => getRequest(database.db, { binId: bin.id, id })));
  const missing = ids.filter((_, index) => !stored[index]);
  if (missing.length > 0)
    throw new ApiError(404, "not_found", `This bin has no request with id ${missing.join(", ")}.`);
  const signing = {
    id: bin.id,
    settings: readBinSettings(bin.settings),
    secrets: openSecrets(bin.secretsSealed, database.secretKey),
  };
  const replays = [];
  for (const request of stored) {
    if (!request) continue;
    const row = await replayStored(database.db, {
      bin: signing,
      stored: request,
      options: { url: input.url, appendPath: input.appendPath, resign: input.resign },
      send: sendOptionsFrom(config()),
    }).catch((error: unknown) => {
      if (error instanceof ResignError)
        throw new ApiError(400, "cannot_resign", `Cannot re-sign: ${error.message}.`);
      throw error;
    });
    replays.push(toReplayJson(row));
  }
  return Response.json({ replays }, { status: 201 });
});
