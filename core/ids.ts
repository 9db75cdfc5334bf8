import { randomBytes } from "node:crypto";

/** 128 random bits, URL-safe: a capture URL cannot be guessed or enumerated. */
export function newBinId(): string {
  return randomBytes(16).toString("base64url");
}

/** Bin ids Hookscope hands out, plus room for user-chosen aliases; anything else is not a bin. */
export const BIN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isBinId(value: string): boolean {
  return BIN_ID_PATTERN.test(value);
}
