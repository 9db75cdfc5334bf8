import { anyEqual, hmac } from "../crypto";
import { header } from "../request-parts";
import type { SignatureScheme } from "../types";

/**
 * Stripe: `Stripe-Signature: t=<ts>,v1=<hex>[,v1=<hex>…]`, an HMAC-SHA256 of `<t>.<body>` keyed with
 * the whole `whsec_…` string (not base64-decoded). Several v1 entries appear while a secret rolls.
 */
export const stripe: SignatureScheme = {
  id: "stripe",
  name: "Stripe",
  signs: 'an HMAC-SHA256 of "<t>.<body>"',
  toleranceSeconds: 300,
  detect: (request) => header(request, "stripe-signature") !== undefined,
  parse(request) {
    const value = header(request, "stripe-signature");
    if (!value) return { problem: "missing", reason: "No Stripe-Signature header." };
    let timestamp: number | undefined;
    const received: string[] = [];
    for (const part of value.split(",")) {
      const [key, ...rest] = part.trim().split("=");
      const item = rest.join("=");
      if (key === "t" && /^\d+$/.test(item)) timestamp = Number(item);
      if (key === "v1" && item) received.push(item.toLowerCase());
    }
    if (timestamp === undefined)
      return { problem: "invalid", reason: "Stripe-Signature has no t= timestamp." };
    if (received.length === 0)
      return { problem: "invalid", reason: "Stripe-Signature has no v1= signature." };
    return { received, timestamp, source: "Stripe-Signature" };
  },
  check(request, parsed, secret) {
    const prefix = `${parsed.timestamp}.`;
    const expected = hmac("sha256", secret, [prefix, request.body], "hex");
    return {
      matches: anyEqual(expected, parsed.received),
      expected,
      signedContent: prefix + request.body.toString("utf8"),
    };
  },
};
