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
 * Compares two strings in constant time when one is a secret of unknown length (a token compared
 * with the bin's secret). Both are hashed first so that strings of different lengths take the same
 * path and the secret's length is not revealed either.
 */
export function safeEqual(a: string, b: string): boolean {
  const left = createHash("sha256").update(a).digest();
  const right = createHash("sha256").update(b).digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}

/**
 * Compares a computed signature with a received one in constant time. An expected signature's length
 * follows from its algorithm and encoding, which are public, so a length mismatch may return early;
 * this runs on every capture, where hashing both sides cost more than the HMAC itself.
 */
function signatureEqual(expected: string, received: string): boolean {
  if (expected.length !== received.length) return false;
  const left = Buffer.from(expected);
  const right = Buffer.from(received);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** True when any received signature equals the expected one; every candidate is compared. */
export function anyEqual(expected: string, received: readonly string[]): boolean {
  let found = false;
  for (const candidate of received) found = signatureEqual(expected, candidate) || found;
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
