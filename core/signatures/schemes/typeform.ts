import { bodyHmacCheck } from "../crypto";
import { header } from "../request-parts";
import type { SignatureScheme } from "../types";

/** Typeform: `Typeform-Signature: sha256=<base64>` (base64 despite the GitHub-like prefix) over the raw body. */
export const typeform: SignatureScheme = {
  id: "typeform",
  name: "Typeform",
  signs: "an HMAC-SHA256 (base64) of the raw body",
  detect: (request) => header(request, "typeform-signature") !== undefined,
  parse(request) {
    const value = header(request, "typeform-signature");
    if (!value) return { problem: "missing", reason: "No Typeform-Signature header." };
    const digest = value.match(/^sha256=([A-Za-z0-9+/]+={0,2})$/)?.[1];
    if (!digest)
      return { problem: "invalid", reason: 'Typeform-Signature is not of the form "sha256=<base64>".' };
    return { received: [digest], source: "Typeform-Signature" };
  },
  check: bodyHmacCheck("sha256", "base64"),
};
