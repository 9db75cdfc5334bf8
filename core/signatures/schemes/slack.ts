import { anyEqual, hmac } from "../crypto";
import { header, parseUnixSeconds } from "../request-parts";
import type { SignatureScheme } from "../types";

/** Slack: `X-Slack-Signature: v0=<hex>` over `v0:<X-Slack-Request-Timestamp>:<body>`. */
export const slack: SignatureScheme = {
  id: "slack",
  name: "Slack",
  signs: 'an HMAC-SHA256 of "v0:<timestamp>:<body>"',
  toleranceSeconds: 300,
  detect: (request) => header(request, "x-slack-signature") !== undefined,
  parse(request) {
    const value = header(request, "x-slack-signature");
    if (!value) return { problem: "missing", reason: "No X-Slack-Signature header." };
    const timestamp = parseUnixSeconds(header(request, "x-slack-request-timestamp"));
    if (timestamp === undefined) {
      return {
        problem: "missing",
        reason: "No valid X-Slack-Request-Timestamp header beside X-Slack-Signature.",
      };
    }
    const hex = value.match(/^v0=([0-9a-fA-F]+)$/)?.[1];
    if (!hex) return { problem: "invalid", reason: 'X-Slack-Signature is not of the form "v0=<hex>".' };
    return { received: [hex.toLowerCase()], timestamp, source: "X-Slack-Signature" };
  },
  check(request, parsed, secret) {
    const prefix = `v0:${parsed.timestamp}:`;
    const expected = hmac("sha256", secret, [prefix, request.body], "hex");
    return {
      matches: anyEqual(expected, parsed.received),
      expected,
      signedContent: prefix + request.body.toString("utf8"),
    };
  },
};
