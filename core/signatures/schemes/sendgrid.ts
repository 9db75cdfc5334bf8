import { createPublicKey, type KeyObject, verify } from "node:crypto";
import { header, parseUnixSeconds } from "../request-parts";
import type { SignatureScheme } from "../types";

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The verification key as SendGrid shows it (base64 of a DER SPKI), or as PEM; null unless it is a P-256 key. */
export function sendgridPublicKey(value: string): KeyObject | null {
  try {
    const key = value.startsWith("-----BEGIN")
      ? createPublicKey(value)
      : BASE64.test(value)
        ? createPublicKey({ key: Buffer.from(value, "base64"), format: "der", type: "spki" })
        : null;
    if (key?.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") return null;
    return key;
  } catch {
    return null;
  }
}

/** Why a configured SendGrid key cannot be used, or null when it has the right form. */
export function sendgridKeyProblem(value: string): string | null {
  return sendgridPublicKey(value)
    ? null
    : "A SendGrid key is the Event Webhook's verification key (Mail Settings → Signed Event Webhook): the base64 of an ECDSA P-256 public key.";
}

/**
 * SendGrid's signed Event Webhook: `X-Twilio-Email-Event-Webhook-Signature`, a base64 DER ECDSA P-256
 * signature (SHA-256) of timestamp ‖ body. The bin's "secret" is SendGrid's public verification key.
 */
export const sendgrid: SignatureScheme = {
  keyKind: "public key",
  keyProblem: sendgridKeyProblem,
  id: "sendgrid",
  name: "SendGrid",
  signs: 'an ECDSA P-256 signature of "<timestamp><body>"',
  // The SDK enforces no window; five minutes, as for other signed timestamps.
  toleranceSeconds: 300,
  detect: (request) => header(request, "x-twilio-email-event-webhook-signature") !== undefined,
  parse(request) {
    const value = header(request, "x-twilio-email-event-webhook-signature");
    if (!value) return { problem: "missing", reason: "No X-Twilio-Email-Event-Webhook-Signature header." };
    const rawTimestamp = header(request, "x-twilio-email-event-webhook-timestamp");
    if (!rawTimestamp) {
      return {
        problem: "missing",
        reason:
          "X-Twilio-Email-Event-Webhook-Signature needs X-Twilio-Email-Event-Webhook-Timestamp beside it.",
      };
    }
    const timestamp = parseUnixSeconds(rawTimestamp);
    if (timestamp === undefined) {
      return {
        problem: "invalid",
        reason: "X-Twilio-Email-Event-Webhook-Timestamp is not a number of seconds since 1970.",
      };
    }
    if (!BASE64.test(value)) {
      return { problem: "invalid", reason: "X-Twilio-Email-Event-Webhook-Signature is not a base64 value." };
    }
    return {
      received: [value],
      timestamp,
      source: "X-Twilio-Email-Event-Webhook-Signature",
      extra: { rawTimestamp },
    };
  },
  check(request, parsed, secret) {
    const rawTimestamp = parsed.extra?.rawTimestamp ?? "";
    const data = Buffer.concat([Buffer.from(rawTimestamp, "utf8"), request.body]);
    const key = sendgridPublicKey(secret);
    const matches =
      key !== null &&
      parsed.received.some((signature) => {
        try {
          return verify("sha256", data, { key, dsaEncoding: "der" }, Buffer.from(signature, "base64"));
        } catch {
          return false;
        }
      });
    return { matches, signedContent: rawTimestamp + request.body.toString("utf8") };
  },
};
