import type { NextRequest } from "next/server";
import { applyBinPatch, type PatchOutcome } from "@/core/bins/apply-patch";
import { openSecrets } from "@/core/bins/secrets";
import { type BinJson, toBinJson } from "@/core/bins/serialize";
import type { DatabaseHandle } from "@/db/client";
import type { Bin } from "@/db/schema";
import { ApiError } from "./errors";
import { captureOrigin, publicOrigin } from "./origin";

/** A bin as the API shows it: URLs for this request's origin, secrets only as masked hints. */
export function binJson(bin: Bin, request: NextRequest, database: DatabaseHandle): BinJson {
  return toBinJson(
    bin,
    publicOrigin(request.headers),
    openSecrets(bin.secretsSealed, database.secretKey),
    captureOrigin(request.headers),
  );
}

/**
 * A bin as a share link shows it: no secret hints and no forwarding targets (their URLs may hold
 * credentials); the rest says how the bin answers, which the captured requests show anyway.
 */
export function forViewer(json: BinJson): BinJson {
  return {
    ...json,
    settings: { ...json.settings, forwarding: [] },
    signing: { ...json.signing, customScheme: null, secretHint: null, previousSecretHint: null },
  };
}

export function binPatchOrThrow(
  ...args: Parameters<typeof applyBinPatch>
): Extract<PatchOutcome, { ok: true }> {
  const outcome = applyBinPatch(...args);
  if (!outcome.ok) throw new ApiError(outcome.status, outcome.code, outcome.message);
  return outcome;
}
