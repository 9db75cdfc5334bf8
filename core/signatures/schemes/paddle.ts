import { anyEqual, hmac } from "../crypto";
import { header } from "../request-parts";
import type { SignatureScheme } from "../types";

/**
 * Paddle Billing: `Paddle-Signature: ts=<ts>;h1=<hex>[;h1=<hex>…]`, an HMAC-SHA256 of `<ts>:<body>` keyed
 * with the endpoint secret (`pdl_ntfset_…`) as-is. Any h1 may match (several appear while a secret rolls).
 */
export const paddle: SignatureScheme = {
  id: "paddle",
  name: "Paddle",
  signs: 'an HMAC-SHA256 of "<ts>:<body>"',
  // Paddle's docs tell manual verifiers to apply its SDK's 5 s window; the spec (§2, §3.8) keeps the vendor's own.
  toleranceSeconds: 5,
  detect: (request) => header(request, "paddle-signature") !== undefined,
  parse(request) {
    const value = header(request, "paddle-signature");
    if (!value) return { problem: "missing", reason: "No Paddle-Signature header." };
    let timestamp: number | undefined;
    const received: string[] = [];
    for (const part of value.split(";")) {
      const [key, item = ""] = part.trim().split("=", 2);
      if (key === "ts" && /^\d{1,12}$/.test(item)) timestamp = Number(item);
      if (key === "h1" && /^[0-9a-fA-F]+$/.test(item)) received.push(item.toLowerCase());
    }
    if (timestamp === undefined)
      return { problem: "invalid", reason: 'Paddle-Signature has no numeric "ts=" timestamp.' };
    if (received.length === 0)
      return { problem: "invalid", reason: 'Paddle-Signature has no "h1=<hex>" signature.' };
    return { received, timestamp, source: "Paddle-Signature" };
  },
  check(request, parsed, secret) {
    const prefix = `${parsed.timestamp}:`;
    const expected = hmac("sha256", secret, [prefix, request.body], "hex");
    return {
      matches: anyEqual(expected, parsed.received),
      expected,
      signedContent: prefix + request.body.toString("utf8"),
    };
  },
};
