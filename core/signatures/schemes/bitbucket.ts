import { bodyHmacCheck } from "../crypto";
import { hasHeader, header } from "../request-parts";
import type { SignatureScheme, SignedRequest } from "../types";

/** GitHub's X-Hub-Signature (sha1=) always comes beside X-GitHub-Event and X-Hub-Signature-256. */
const fromGitHub = (request: SignedRequest) =>
  hasHeader(request, "x-github-event") || hasHeader(request, "x-hub-signature-256");

/**
 * Bitbucket (Cloud and Data Center): `X-Hub-Signature: sha256=<hex>`, an HMAC-SHA256 of the raw body.
 * The header name is GitHub's, but the `sha256=` prefix and the absence of X-GitHub-Event tell them apart.
 */
export const bitbucket: SignatureScheme = {
  id: "bitbucket",
  name: "Bitbucket",
  signs: "an HMAC-SHA256 of the raw body",
  detect: (request) => /^sha256=/i.test(header(request, "x-hub-signature") ?? "") && !fromGitHub(request),
  parse(request) {
    const value = header(request, "x-hub-signature");
    if (!value)
      return {
        problem: "missing",
        reason: "No X-Hub-Signature header: the webhook was sent without a secret.",
      };
    const hex = value.match(/^sha256=([0-9a-fA-F]{64})$/)?.[1];
    if (!hex) {
      const other = /^sha1=/i.test(value)
        ? " (a sha1= value is GitHub's or Intercom's, not Bitbucket's)"
        : "";
      return { problem: "invalid", reason: `X-Hub-Signature is not of the form "sha256=<64 hex>"${other}.` };
    }
    return { received: [hex.toLowerCase()], source: "X-Hub-Signature" };
  },
  check: bodyHmacCheck("sha256", "hex"),
};
