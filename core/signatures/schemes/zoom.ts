import { anyEqual, hmac } from "../crypto";
import { header, parseUnixSeconds } from "../request-parts";
import type { SignatureScheme } from "../types";

/** Zoom: `x-zm-signature: v0=<hex>` over `v0:<x-zm-request-timestamp>:<body>`, keyed with the app's Secret Token. */
export const zoom: SignatureScheme = {
  id: "zoom",
  name: "Zoom",
  signs: 'an HMAC-SHA256 of "v0:<timestamp>:<body>"',
  // Zoom documents no window; its samples check 5 minutes.
  toleranceSeconds: 300,
  detect: (request) => header(request, "x-zm-signature") !== undefined,
  parse(request) {
    const value = header(request, "x-zm-signature");
    if (!value) return { problem: "missing", reason: "No x-zm-signature header." };
    const rawTimestamp = header(request, "x-zm-request-timestamp");
    const timestamp = parseUnixSeconds(rawTimestamp);
    if (rawTimestamp === undefined || timestamp === undefined) {
      return { problem: "missing", reason: "No valid x-zm-request-timestamp header beside x-zm-signature." };
    }
    const hex = value.match(/^v0=([0-9a-fA-F]+)$/)?.[1];
    if (!hex) return { problem: "invalid", reason: 'x-zm-signature is not of the form "v0=<hex>".' };
    // The header text is what Zoom signed, so keep it as sent (leading zeros included).
    return { received: [hex.toLowerCase()], timestamp, source: "x-zm-signature", extra: { rawTimestamp } };
  },
  check(request, parsed, secret) {
    const prefix = `v0:${parsed.extra?.rawTimestamp ?? parsed.timestamp}:`;
    const expected = hmac("sha256", secret, [prefix, request.body], "hex");
    return {
      matches: anyEqual(expected, parsed.received),
      expected,
      signedContent: prefix + request.body.toString("utf8"),
    };
  },
};
