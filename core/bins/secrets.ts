import { maskSecret, seal, unseal } from "../secrets/seal";
import type { Secret } from "../signatures/types";

export interface BinSecrets {
  current?: string;
  previous?: string;
}

/** Secrets in the order to try them. Null when they cannot be unsealed with this key. */
export function openSecrets(sealed: string | null, key: Buffer | null): Secret[] | null {
  if (!sealed) return [];
  if (!key) return null;
  let secrets: BinSecrets;
  try {
    secrets = JSON.parse(unseal(sealed, key)) as BinSecrets;
  } catch {
    return null;
  }
  const list: Secret[] = [];
  if (secrets.current) list.push({ label: "current", value: secrets.current });
  if (secrets.previous) list.push({ label: "previous", value: secrets.previous });
  return list;
}

export function sealSecrets(secrets: BinSecrets, key: Buffer): string | null {
  return secrets.current || secrets.previous ? seal(JSON.stringify(secrets), key) : null;
}

/** Applies a PATCH: undefined keeps a secret, null removes it, a string replaces it. */
export function patchSecrets(
  existing: readonly Secret[],
  patch: { secret?: string | null; previousSecret?: string | null },
): BinSecrets {
  const next: BinSecrets = {
    current: existing.find((secret) => secret.label === "current")?.value,
    previous: existing.find((secret) => secret.label === "previous")?.value,
  };
  if (patch.secret !== undefined) next.current = patch.secret ?? undefined;
  if (patch.previousSecret !== undefined) next.previous = patch.previousSecret ?? undefined;
  return next;
}

/** What the API may show of a bin's secrets: whether they are set, and a masked hint. */
export function secretHints(secrets: readonly Secret[] | null) {
  const hint = (label: Secret["label"]) => {
    const value = secrets?.find((secret) => secret.label === label)?.value;
    return value ? maskSecret(value) : null;
  };
  return {
    secretHint: hint("current"),
    previousSecretHint: hint("previous"),
    secretsReadable: secrets !== null,
  };
}
