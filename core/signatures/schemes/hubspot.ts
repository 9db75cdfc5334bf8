import { anyEqual, hmac } from "../crypto";
import { header } from "../request-parts";
import type { SignatureScheme } from "../types";

// HubSpot's request-validation docs: decode exactly these escapes in the URI before signing.
const DECODED_ESCAPES: Record<string, string> = {
  "3A": ":",
  "2F": "/",
  "3F": "?",
  "40": "@",
  "21": "!",
  "24": "$",
  "27": "'",
  "28": "(",
  "29": ")",
  "2A": "*",
  "2C": ",",
  "3B": ";",
};

export function hubspotUri(url: string): string {
  return url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (sequence, code: string) => {
    return DECODED_ESCAPES[code.toUpperCase()] ?? sequence;
  });
}

/**
 * HubSpot v3: `X-HubSpot-Signature-v3`, a base64 HMAC-SHA256 of method ‖ URI ‖ body ‖ timestamp, the
 * timestamp being `X-HubSpot-Request-Timestamp` in milliseconds. The legacy v1/v2 hashes are not checked.
 */
export const hubspot: SignatureScheme = {
  id: "hubspot",
  name: "HubSpot",
  signs: 'an HMAC-SHA256 of "<method><URL><body><timestamp in ms>"',
  toleranceSeconds: 300,
  detect: (request) => header(request, "x-hubspot-signature-v3") !== undefined,
  parse(request) {
    const value = header(request, "x-hubspot-signature-v3");
    if (!value) {
      const legacy = header(request, "x-hubspot-signature") !== undefined;
      return {
        problem: "missing",
        reason: legacy
          ? "Only the legacy X-HubSpot-Signature (v1/v2) is present; Hookscope checks X-HubSpot-Signature-v3."
          : "No X-HubSpot-Signature-v3 header.",
      };
    }
    const rawTimestamp = header(request, "x-hubspot-request-timestamp");
    if (!rawTimestamp) {
      return {
        problem: "missing",
        reason: "X-HubSpot-Signature-v3 needs X-HubSpot-Request-Timestamp beside it.",
      };
    }
    if (!/^\d{1,15}$/.test(rawTimestamp)) {
      return {
        problem: "invalid",
        reason: "X-HubSpot-Request-Timestamp is not a number of milliseconds since 1970.",
      };
    }
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
      return { problem: "invalid", reason: "X-HubSpot-Signature-v3 is not a base64 value." };
    }
    return {
      received: [value],
      timestamp: Number(rawTimestamp) / 1000,
      source: "X-HubSpot-Signature-v3",
      extra: { rawTimestamp },
    };
  },
  check(request, parsed, secret) {
    const rawTimestamp = parsed.extra?.rawTimestamp ?? "";
    const sign = (uri: string) =>
      hmac("sha256", secret, [request.method + uri, request.body, rawTimestamp], "base64");
    const decoded = hubspotUri(request.url);
    const expected = sign(decoded);
    // The official SDKs sign the URL they are given verbatim, so a sender built on them may skip the decoding.
    const verbatim = decoded === request.url ? expected : sign(request.url);
    const decodedMatches = anyEqual(expected, parsed.received);
    const verbatimMatches = anyEqual(verbatim, parsed.received);
    return {
      matches: decodedMatches || verbatimMatches,
      expected,
      signedContent: request.method + decoded + request.body.toString("utf8") + rawTimestamp,
    };
  },
};
