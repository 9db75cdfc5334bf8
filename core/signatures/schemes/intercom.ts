import { bodyHmacCheck } from "../crypto";
import { hasHeader, header } from "../request-parts";
import type { SignatureScheme, SignedRequest } from "../types";

/** GitHub sends `X-Hub-Signature: sha1=` too, always beside X-GitHub-Event and X-Hub-Signature-256. */
const fromGitHub = (request: SignedRequest) =>
  hasHeader(request, "x-github-event") || hasHeader(request, "x-hub-signature-256");

/** Intercom: `X-Hub-Signature: sha1=<hex>`, an HMAC-SHA1 of the raw body keyed with the app's client secret. */
export const intercom: SignatureScheme = {
  id: "intercom",
  name: "Intercom",
  signs: "an HMAC-SHA1 of the raw body",
  detect: (request) => /^sha1=/i.test(header(request, "x-hub-signature") ?? "") && !fromGitHub(request),
  parse(request) {
    const value = header(request, "x-hub-signature");
    if (!value) return { problem: "missing", reason: "No X-Hub-Signature header." };
    const hex = value.match(/^sha1=([0-9a-fA-F]{40})$/)?.[1];
    if (!hex) {
      const other = /^sha256=/i.test(value) ? " (a sha256= value is Bitbucket's, not Intercom's)" : "";
      return { problem: "invalid", reason: `X-Hub-Signature is not of the form "sha1=<40 hex>"${other}.` };
    }
    return { received: [hex.toLowerCase()], source: "X-Hub-Signature" };
  },
  check: bodyHmacCheck("sha1", "hex"),
};
