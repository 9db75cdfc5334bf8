import { anyEqual, hmac } from "../crypto";
import { header, parseUnixSeconds } from "../request-parts";
import type { SignatureScheme } from "../types";

/** `whsec_` secrets (and unprefixed ones) are base64 of the key bytes, as the reference libraries read them. */
export function standardWebhooksKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
}

function standardWebhooksScheme(id: string, name: string, prefix: "webhook" | "svix"): SignatureScheme {
  const names = { id: `${prefix}-id`, timestamp: `${prefix}-timestamp`, signature: `${prefix}-signature` };
  return {
    id,
    name,
    signs: 'an HMAC-SHA256 of "<id>.<timestamp>.<body>"',
    toleranceSeconds: 300,
    detect: (request) => header(request, names.signature) !== undefined,
    parse(request) {
      const signature = header(request, names.signature);
      if (!signature) return { problem: "missing", reason: `No ${names.signature} header.` };
      const messageId = header(request, names.id);
      const timestamp = parseUnixSeconds(header(request, names.timestamp));
      if (!messageId || timestamp === undefined) {
        return {
          problem: "missing",
          reason: `${names.signature} needs ${names.id} and a numeric ${names.timestamp} beside it.`,
        };
      }
      // A space-separated list during key rotation; only symmetric v1 entries are HMACs.
      const received = signature
        .split(" ")
        .filter((entry) => entry.startsWith("v1,"))
        .map((entry) => entry.slice(3));
      if (received.length === 0)
        return { problem: "invalid", reason: `${names.signature} has no "v1,<base64>" entry.` };
      return { received, timestamp, source: names.signature, extra: { messageId } };
    },
    check(request, parsed, secret) {
      const prefixText = `${parsed.extra?.messageId}.${parsed.timestamp}.`;
      const expected = hmac("sha256", standardWebhooksKey(secret), [prefixText, request.body], "base64");
      return {
        matches: anyEqual(expected, parsed.received),
        expected,
        signedContent: prefixText + request.body.toString("utf8"),
      };
    },
  };
}

/** Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`). */
export const standardWebhooks = standardWebhooksScheme("standard-webhooks", "Standard Webhooks", "webhook");
/** Svix (Clerk, Resend, …): the same scheme under `svix-*` header names. */
export const svix = standardWebhooksScheme("svix", "Svix", "svix");
