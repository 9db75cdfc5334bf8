import { header, parseUnixSeconds } from "../request-parts";
import type { SignatureScheme, SignedRequest } from "../types";
import { ed25519PublicKey, ed25519Verify } from "./discord";

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function entries(request: SignedRequest): string[] {
  return (header(request, "webhook-signature") ?? "").split(" ").filter(Boolean);
}

/** The raw Ed25519 key of a `whpk_` public key (the prefix is optional), or null when it is not one. */
function publicKeyBytes(value: string): Buffer | null {
  const encoded = value.startsWith("whpk_") ? value.slice("whpk_".length) : value;
  if (!BASE64.test(encoded)) return null;
  const raw = Buffer.from(encoded, "base64");
  return raw.length === 32 ? raw : null;
}

/** Why a configured key cannot be used, or null when it has the right form. */
export function standardWebhooksPublicKeyProblem(value: string): string | null {
  if (value.startsWith("whsk_")) {
    return "This is the sender's whsk_ secret key; the bin needs the matching whpk_ public key.";
  }
  const raw = publicKeyBytes(value);
  return raw && ed25519PublicKey(raw)
    ? null
    : "An asymmetric Standard Webhooks key is whpk_ followed by the base64 of a 32-byte Ed25519 public key.";
}

/**
 * Standard Webhooks, asymmetric: `webhook-signature: v1a,<base64>` entries, Ed25519 signatures of
 * `<id>.<timestamp>.<body>`, checked with the sender's `whpk_` public key. Detected only when no
 * symmetric `v1,` entry is present, since those belong to the HMAC scheme.
 */
export const standardWebhooksV1a: SignatureScheme = {
  keyKind: "public key",
  keyProblem: standardWebhooksPublicKeyProblem,
  id: "standard-webhooks-v1a",
  name: "Standard Webhooks (Ed25519)",
  signs: 'an Ed25519 signature of "<id>.<timestamp>.<body>"',
  toleranceSeconds: 300,
  detect(request) {
    const list = entries(request);
    return list.some((entry) => entry.startsWith("v1a,")) && !list.some((entry) => entry.startsWith("v1,"));
  },
  parse(request) {
    if (!header(request, "webhook-signature"))
      return { problem: "missing", reason: "No webhook-signature header." };
    const messageId = header(request, "webhook-id");
    const timestamp = parseUnixSeconds(header(request, "webhook-timestamp"));
    if (!messageId || timestamp === undefined) {
      return {
        problem: "missing",
        reason: "webhook-signature needs webhook-id and a numeric webhook-timestamp beside it.",
      };
    }
    const received = entries(request)
      .filter((entry) => entry.startsWith("v1a,"))
      .map((entry) => entry.slice("v1a,".length));
    if (received.length === 0) {
      return { problem: "invalid", reason: 'webhook-signature has no "v1a,<base64>" entry.' };
    }
    return { received, timestamp, source: "webhook-signature", extra: { messageId } };
  },
  check(request, parsed, secret) {
    const prefix = `${parsed.extra?.messageId}.${parsed.timestamp}.`;
    const data = Buffer.concat([Buffer.from(prefix, "utf8"), request.body]);
    const raw = publicKeyBytes(secret);
    const key = raw ? ed25519PublicKey(raw) : null;
    const matches =
      key !== null &&
      parsed.received.some(
        (signature) => BASE64.test(signature) && ed25519Verify(key, data, Buffer.from(signature, "base64")),
      );
    return { matches, signedContent: prefix + request.body.toString("utf8") };
  },
};
