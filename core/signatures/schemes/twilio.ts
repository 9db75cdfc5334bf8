import { mediaType } from "../../body/decode-body";
import { headerValue } from "../../capture/header-pairs";
import { anyEqual, hmac, safeEqual, sha256Hex } from "../crypto";
import { header } from "../request-parts";
import type { SignatureScheme, SignedRequest } from "../types";

/** POST parameters sorted by name, each name followed by its value; repeated names give each distinct value, sorted. */
function sortedParams(body: string): string {
  const values = new Map<string, Set<string>>();
  for (const [name, value] of new URLSearchParams(body))
    values.set(name, (values.get(name) ?? new Set()).add(value));
  return [...values.keys()]
    .sort()
    .map((name) =>
      [...(values.get(name) ?? [])]
        .sort()
        .map((value) => name + value)
        .join(""),
    )
    .join("");
}

/** Twilio accepts the URL with or without the scheme's default port, since its own back ends differ. */
function urlVariants(url: string): string[] {
  try {
    const parsed = new URL(url);
    const defaultPort = parsed.protocol === "https:" ? "443" : "80";
    if (parsed.port) return [url];
    const withPort = `${parsed.protocol}//${parsed.hostname}:${defaultPort}${parsed.pathname}${parsed.search}`;
    return [url, withPort];
  } catch {
    return [url];
  }
}

function isForm(request: SignedRequest): boolean {
  return mediaType(headerValue(request.headers, "content-type")) === "application/x-www-form-urlencoded";
}

/**
 * Twilio: `X-Twilio-Signature`, a base64 HMAC-SHA1 of the full public URL followed by the sorted
 * form parameters; JSON bodies are covered instead by a `bodySHA256` query parameter.
 */
export const twilio: SignatureScheme = {
  id: "twilio",
  name: "Twilio",
  signs: "an HMAC-SHA1 of the public URL and the sorted form parameters",
  detect: (request) => header(request, "x-twilio-signature") !== undefined,
  parse(request) {
    const value = header(request, "x-twilio-signature");
    if (!value) return { problem: "missing", reason: "No X-Twilio-Signature header." };
    return { received: [value], source: `X-Twilio-Signature (for ${request.url})` };
  },
  check(request, parsed, secret) {
    const bodyHash = new URLSearchParams(request.query).get("bodySHA256");
    const params = isForm(request) && bodyHash === null ? sortedParams(request.body.toString("utf8")) : "";
    const bodyMatches = bodyHash === null || safeEqual(bodyHash.toLowerCase(), sha256Hex(request.body));
    let matches = false;
    let first: { expected: string; signedContent: string } | undefined;
    for (const url of urlVariants(request.url)) {
      const signedContent = url + params;
      const expected = hmac("sha1", secret, signedContent, "base64");
      first ??= { expected, signedContent };
      matches = anyEqual(expected, parsed.received) || matches;
    }
    return {
      matches: matches && bodyMatches,
      expected: first?.expected,
      signedContent: first?.signedContent ?? "",
    };
  },
};
