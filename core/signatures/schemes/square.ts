import { anyEqual, hmac } from "../crypto";
import { header } from "../request-parts";
import type { SignatureScheme } from "../types";

/**
 * Square: `x-square-hmacsha256-signature: <base64>`, an HMAC-SHA256 of the notification URL followed by
 * the raw body. The URL must be the one configured in the subscription, which is the public URL called.
 */
export const square: SignatureScheme = {
  id: "square",
  name: "Square",
  signs: "an HMAC-SHA256 (base64) of the notification URL followed by the raw body",
  detect: (request) => header(request, "x-square-hmacsha256-signature") !== undefined,
  parse(request) {
    const value = header(request, "x-square-hmacsha256-signature");
    if (value) {
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value))
        return { problem: "invalid", reason: "x-square-hmacsha256-signature is not a base64 digest." };
      return { received: [value], source: `x-square-hmacsha256-signature (for ${request.url})` };
    }
    // The spec says not to rely on the legacy SHA-1 header, so it is named rather than checked.
    const legacy = header(request, "x-square-signature") !== undefined;
    return {
      problem: "missing",
      reason: legacy
        ? "Only the legacy x-square-signature (HMAC-SHA1) header is present; Hookscope checks x-square-hmacsha256-signature, which current Square subscriptions send."
        : "No x-square-hmacsha256-signature header.",
    };
  },
  check(request, parsed, secret) {
    const expected = hmac("sha256", secret, [request.url, request.body], "base64");
    return {
      matches: anyEqual(expected, parsed.received),
      expected,
      signedContent: request.url + request.body.toString("utf8"),
    };
  },
};
