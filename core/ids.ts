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

/** A name chosen for a bin (`acme-staging`): lower-case, readable in a URL, and never mistaken for a path. */
export const BIN_ALIAS_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/;

/** Whether bins may take a chosen name: as configured, else only where the instance is not public. */
export function aliasesAllowed(config: {
  ALLOW_BIN_ALIASES?: "true" | "false";
  PUBLIC_URL?: string;
}): boolean {
  return config.ALLOW_BIN_ALIASES ? config.ALLOW_BIN_ALIASES === "true" : config.PUBLIC_URL === undefined;
}
