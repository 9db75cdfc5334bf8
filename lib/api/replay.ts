import { openSecrets } from "@/core/bins/secrets";
import { readBinSettings } from "@/core/bins/settings";
import type { ReplayOptions } from "@/core/replay/build-replay";
import { sendOptionsFrom } from "@/core/replay/send-options";
import { type ReplayJson, toReplayJson } from "@/core/replay/serialize";
import type { StoredRequest } from "@/core/requests/types";
import type { DatabaseHandle } from "@/db/client";
import { ResignError, replayStored } from "@/db/replay";
import type { Bin } from "@/db/schema";
import { config } from "@/lib/config";
import { ApiError } from "./errors";

/** A manual replay from the API: the bin's secrets and this instance's policy, errors as 400s. */
export async function replayForApi(
  database: DatabaseHandle,
  bin: Bin,
  stored: StoredRequest,
  options: ReplayOptions & { resign?: boolean; followRedirects?: boolean },
): Promise<ReplayJson> {
  const row = await replayStored(database.db, {
    bin: {
      id: bin.id,
      settings: readBinSettings(bin.settings),
      secrets: openSecrets(bin.secretsSealed, database.secretKey),
    },
    stored,
    options,
    send: sendOptionsFrom(config()),
  }).catch((error: unknown) => {
    if (error instanceof ResignError)
      throw new ApiError(400, "cannot_resign", `Cannot re-sign: ${error.message}.`);
    throw error;
  });
  return toReplayJson(row);
}
