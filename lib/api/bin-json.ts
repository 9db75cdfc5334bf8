import type { NextRequest } from "next/server";
import { applyBinPatch, type PatchOutcome } from "@/core/bins/apply-patch";
import { openSecrets } from "@/core/bins/secrets";
import { type BinJson, toBinJson } from "@/core/bins/serialize";
import type { DatabaseHandle } from "@/db/client";
import type { Bin } from "@/db/schema";
import { ApiError } from "./errors";
import { publicOrigin } from "./origin";

/** A bin as the API shows it: URLs for this request's origin, secrets only as masked hints. */
export function binJson(bin: Bin, request: NextRequest, database: DatabaseHandle): BinJson {
  return toBinJson(bin, publicOrigin(request.headers), openSecrets(bin.secretsSealed, database.secretKey));
}

export function binPatchOrThrow(
  ...args: Parameters<typeof applyBinPatch>
): Extract<PatchOutcome, { ok: true }> {
  const outcome = applyBinPatch(...args);
  if (!outcome.ok) throw new ApiError(outcome.status, outcome.code, outcome.message);
  return outcome;
}
