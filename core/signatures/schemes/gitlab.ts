import { safeEqual } from "../crypto";
import { header } from "../request-parts";
import type { SignatureScheme } from "../types";

/** GitLab: nothing is signed; `X-Gitlab-Token` carries the secret itself, compared in constant time. */
export const gitlab: SignatureScheme = {
  id: "gitlab",
  name: "GitLab",
  signs: "the X-Gitlab-Token value compared with the secret",
  detect: (request) => header(request, "x-gitlab-token") !== undefined,
  parse(request) {
    const value = header(request, "x-gitlab-token");
    if (!value)
      return { problem: "missing", reason: "No X-Gitlab-Token header: the webhook has no secret token." };
    return { received: [value], source: "X-Gitlab-Token" };
  },
  check(_request, parsed, secret) {
    return { matches: parsed.received.some((token) => safeEqual(token, secret)), signedContent: "" };
  },
};
