import { openSecrets, patchSecrets, sealSecrets } from "./secrets";
import {
  applySettingsPatch,
  type BinSettings,
  type BinSettingsPatch,
  readBinSettings,
  settingsProblem,
} from "./settings";

export type PatchOutcome =
  | { ok: true; settings: BinSettings; secretsSealed: string | null }
  | { ok: false; status: number; code: string; message: string };

/**
 * A bin's settings and sealed secrets after a create or update request. Secrets need the server's
 * key; a server without one refuses to store them rather than keeping them in the clear.
 */
export function applyBinPatch(
  current: { settings: unknown; secretsSealed: string | null },
  patch: BinSettingsPatch,
  secretKey: Buffer | null,
): PatchOutcome {
  const settings = applySettingsPatch(readBinSettings(current.settings), patch);
  const problem = settingsProblem(settings);
  if (problem)
    return { ok: false, status: 400, code: "invalid_request", message: `Invalid request body: ${problem}` };
  const touchesSecrets = patch.secret !== undefined || patch.previousSecret !== undefined;
  if (!touchesSecrets) return { ok: true, settings, secretsSealed: current.secretsSealed };
  if (!secretKey) {
    return {
      ok: false,
      status: 503,
      code: "secret_key_missing",
      message:
        "This server cannot store secrets: set HOOKSCOPE_SECRET_KEY (the same value on every instance) and restart it.",
    };
  }
  // Secrets sealed with another key cannot be read back; a new value simply replaces them.
  const existing = openSecrets(current.secretsSealed, secretKey) ?? [];
  return { ok: true, settings, secretsSealed: sealSecrets(patchSecrets(existing, patch), secretKey) };
}
