import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const PREFIX = "hs_";

/** 256 random bits. The prefix makes a leaked token easy to recognise in logs and secret scanners. */
export function newToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

// A fast hash is enough: tokens carry 256 bits of entropy, so there is nothing to brute-force.
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time comparison of a presented token with the stored hash. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/**
 * Whether a presented instance access code is the configured one. Both sides are hashed first, so
 * the comparison takes the same time whatever their lengths.
 */
export function accessCodeMatches(presented: string | undefined, configured: string): boolean {
  if (presented === undefined) return false;
  return timingSafeEqual(
    createHash("sha256").update(presented, "utf8").digest(),
    createHash("sha256").update(configured, "utf8").digest(),
  );
}
