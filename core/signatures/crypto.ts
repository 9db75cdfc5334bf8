import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export type HmacAlgorithm = "sha1" | "sha256" | "sha512";

export function hmac(
  algorithm: HmacAlgorithm,
  key: string | Buffer,
  content: string | Buffer | (string | Buffer)[],
  encoding: "hex" | "base64",
): string {
  const mac = createHmac(algorithm, key);
  for (const part of Array.isArray(content) ? content : [content]) mac.update(part);
  return mac.digest(encoding);
}

export function sha256Hex(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

/**
 * Compares two signatures in constant time. Both are hashed first so that strings of different
 * lengths take the same path and their length is not revealed either.
 */
export function safeEqual(a: string, b: string): boolean {
  const left = createHash("sha256").update(a).digest();
  const right = createHash("sha256").update(b).digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}

/** True when any received signature equals the expected one; every candidate is compared. */
export function anyEqual(expected: string, received: readonly string[]): boolean {
  let found = false;
  for (const candidate of received) found = safeEqual(expected, candidate) || found;
  return found;
}

/**
 * The check of every scheme that signs the raw body alone (GitHub, Shopify, Typeform, Bitbucket,
 * Intercom, Linear): one HMAC, compared with each received signature.
 */
export function bodyHmacCheck(algorithm: HmacAlgorithm, encoding: "hex" | "base64") {
  return (request: { body: Buffer }, parsed: { received: string[] }, secret: string) => {
    const expected = hmac(algorithm, secret, request.body, encoding);
    return {
      matches: anyEqual(expected, parsed.received),
      expected,
      signedContent: request.body.toString("utf8"),
    };
  };
}
