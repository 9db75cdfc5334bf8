import { bodyHmacCheck } from "../crypto";
import { hasHeader, header } from "../request-parts";
import type { SignatureScheme } from "../types";

const modernCheck = bodyHmacCheck("sha256", "hex");
const legacyCheck = bodyHmacCheck("sha1", "hex");

/** GitHub: `X-Hub-Signature-256: sha256=<hex>` over the raw body; legacy `X-Hub-Signature: sha1=<hex>`. */
export const github: SignatureScheme = {
  id: "github",
  name: "GitHub",
  signs: "an HMAC-SHA256 of the raw body",
  detect: (request) =>
    hasHeader(request, "x-hub-signature-256") ||
    (hasHeader(request, "x-github-event") && hasHeader(request, "x-hub-signature")),
  parse(request) {
    const modern = header(request, "x-hub-signature-256");
    const legacy = header(request, "x-hub-signature");
    if (modern) {
      const hex = modern.match(/^sha256=([0-9a-fA-F]+)$/)?.[1];
      if (!hex)
        return { problem: "invalid", reason: 'X-Hub-Signature-256 is not of the form "sha256=<hex>".' };
      return { received: [hex.toLowerCase()], source: "X-Hub-Signature-256", extra: { algorithm: "sha256" } };
    }
    if (legacy) {
      const hex = legacy.match(/^sha1=([0-9a-fA-F]+)$/)?.[1];
      if (!hex) return { problem: "invalid", reason: 'X-Hub-Signature is not of the form "sha1=<hex>".' };
      return {
        received: [hex.toLowerCase()],
        source: "X-Hub-Signature (legacy SHA-1)",
        extra: { algorithm: "sha1" },
      };
    }
    return {
      problem: "missing",
      reason: "No X-Hub-Signature-256 header: the webhook was sent without a secret.",
    };
  },
  check(request, parsed, secret) {
    return (parsed.extra?.algorithm === "sha1" ? legacyCheck : modernCheck)(request, parsed, secret);
  },
};
