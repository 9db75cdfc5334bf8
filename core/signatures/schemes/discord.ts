import { createPublicKey, type KeyObject, verify } from "node:crypto";
import { header, parseUnixSeconds } from "../request-parts";
import type { SignatureScheme } from "../types";

// DER SubjectPublicKeyInfo header for an Ed25519 key; the 32 raw key bytes follow it.
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const HEX_KEY = /^[0-9a-fA-F]{64}$/;

export function ed25519PublicKey(raw: Buffer): KeyObject | null {
  if (raw.length !== 32) return null;
  try {
    return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: "der", type: "spki" });
  } catch {
    return null;
  }
}

/** Never throws: a key or signature that cannot be used is simply no match. */
export function ed25519Verify(key: KeyObject, data: Buffer, signature: Buffer): boolean {
  if (signature.length !== 64) return false;
  try {
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}

/** Why a configured Discord key cannot be used, or null when it has the right form. */
export function discordKeyProblem(key: string): string | null {
  if (!HEX_KEY.test(key) || !ed25519PublicKey(Buffer.from(key, "hex"))) {
    return "A Discord key is the application's public key from the Developer Portal: 64 hex characters.";
  }
  return null;
}

/**
 * Discord: `X-Signature-Ed25519: <hex>`, an Ed25519 signature of timestamp ‖ body. The bin's "secret" is
 * the application's public key, so only Discord can sign and nothing can be recomputed here.
 */
export const discord: SignatureScheme = {
  keyKind: "public key",
  keyProblem: discordKeyProblem,
  id: "discord",
  name: "Discord",
  signs: 'an Ed25519 signature of "<timestamp><body>"',
  // Discord documents no window; five minutes, as for other signed timestamps.
  toleranceSeconds: 300,
  detect: (request) => header(request, "x-signature-ed25519") !== undefined,
  parse(request) {
    const value = header(request, "x-signature-ed25519");
    if (!value) return { problem: "missing", reason: "No X-Signature-Ed25519 header." };
    const rawTimestamp = header(request, "x-signature-timestamp");
    if (!rawTimestamp) {
      return { problem: "missing", reason: "X-Signature-Ed25519 needs X-Signature-Timestamp beside it." };
    }
    const timestamp = parseUnixSeconds(rawTimestamp);
    if (timestamp === undefined) {
      return { problem: "invalid", reason: "X-Signature-Timestamp is not a number of seconds since 1970." };
    }
    if (!/^[0-9a-fA-F]{128}$/.test(value)) {
      return { problem: "invalid", reason: "X-Signature-Ed25519 is not a 64-byte signature in hex." };
    }
    return {
      received: [value.toLowerCase()],
      timestamp,
      source: "X-Signature-Ed25519",
      extra: { rawTimestamp },
    };
  },
  check(request, parsed, secret) {
    const rawTimestamp = parsed.extra?.rawTimestamp ?? "";
    const data = Buffer.concat([Buffer.from(rawTimestamp, "utf8"), request.body]);
    const key = HEX_KEY.test(secret) ? ed25519PublicKey(Buffer.from(secret, "hex")) : null;
    const matches =
      key !== null && parsed.received.some((hex) => ed25519Verify(key, data, Buffer.from(hex, "hex")));
    return { matches, signedContent: rawTimestamp + request.body.toString("utf8") };
  },
};
