import type { NextRequest } from "next/server";
import { openSecrets } from "@/core/bins/secrets";
import { readBinSettings } from "@/core/bins/settings";
import { signatureVerdictFor } from "@/core/signatures/verdict-for";
import { reverifyRequests } from "@/db/queries/requests";
import { authorizeBin } from "@/lib/api/auth";
import { apiRoute } from "@/lib/api/errors";
import { captureOrigin } from "@/lib/api/origin";

// POST /api/bins/:binId/reverify: checks every stored request again with the bin's current secret and
// scheme (after fixing a wrong secret). Time windows still count from each request's receive time.
export const POST = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin } = await authorizeBin(request, (await context.params).binId);
  const signing = {
    settings: readBinSettings(bin.settings),
    secrets: openSecrets(bin.secretsSealed, database.secretKey),
  };
  const origin = captureOrigin(request.headers);
  const verdicts = await reverifyRequests(database.db, bin.id, (stored) =>
    stored.bodyTooLarge ? null : signatureVerdictFor(stored, signing, origin),
  );
  const checked = Object.values(verdicts).reduce((sum, count) => sum + count, 0);
  return Response.json({ checked, verdicts });
});

type Context = { params: Promise<{ binId: string }> };
