import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM: secrets at rest are unreadable without the key, and tampering is detected. */
export function seal(plaintext: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64")}`;
}

/** Throws when the key is wrong or the value was altered. */
export function unseal(sealed: string, key: Buffer): string {
  const [version, payload] = sealed.split(":");
  if (version !== VERSION || !payload) throw new Error("unknown sealed-secret format");
  const raw = Buffer.from(payload, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    "utf8",
  );
}

/** A hint that lets the owner recognise a secret without revealing it: `whse…3f9c` (or `••••` when short). */
export function maskSecret(secret: string): string {
  if (secret.length < 12) return "••••";
  return `${secret.slice(0, 4)}…${secret.slice(-4)}`;
}
