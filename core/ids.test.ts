import { describe, expect, it } from "vitest";
import { aliasesAllowed, BIN_ALIAS_PATTERN, BIN_ID_PATTERN, isBinId, newBinId } from "./ids";

describe("newBinId", () => {
  it("returns 22 URL-safe base64 characters", () => {
    expect(newBinId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("encodes exactly 128 bits", () => {
    expect(Buffer.from(newBinId(), "base64url")).toHaveLength(16);
  });

  it("is accepted by isBinId and BIN_ID_PATTERN", () => {
    const id = newBinId();
    expect(isBinId(id)).toBe(true);
    expect(BIN_ID_PATTERN.test(id)).toBe(true);
  });

  it("does not repeat over many calls", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newBinId()));
    expect(ids.size).toBe(10_000);
  });
});

describe("isBinId", () => {
  it.each([
    ["a single character", "a"],
    ["letters, digits, dash and underscore", "Ab9_-z"],
    ["an alias of 64 characters", "x".repeat(64)],
  ])("accepts %s", (_label, value) => {
    expect(isBinId(value)).toBe(true);
  });

  it.each([
    ["an empty string", ""],
    ["65 characters", "x".repeat(65)],
    ["a dot", "ab.c"],
    ["a slash", "ab/c"],
    ["a percent-encoded character", "ab%20c"],
    ["a space", "ab c"],
    ["a plus sign", "ab+c"],
    ["a non-ASCII letter", "café"],
    ["a trailing newline", "abc\n"],
  ])("rejects %s", (_label, value) => {
    expect(isBinId(value)).toBe(false);
  });
});

describe("bin aliases", () => {
  it.each(["acme-staging", "abc", "0-day", "a".repeat(64)])("accepts %s", (alias) => {
    expect(BIN_ALIAS_PATTERN.test(alias)).toBe(true);
    expect(isBinId(alias)).toBe(true);
  });

  it.each(["ab", "-lead", "Upper", "under_score", "dot.ted", "a".repeat(65), "sp ace", "é"])(
    "refuses %j",
    (alias) => {
      expect(BIN_ALIAS_PATTERN.test(alias)).toBe(false);
    },
  );

  it("are allowed locally, not on a public instance unless configured", () => {
    expect(aliasesAllowed({})).toBe(true);
    expect(aliasesAllowed({ PUBLIC_URL: "https://hooks.example.com" })).toBe(false);
    expect(aliasesAllowed({ PUBLIC_URL: "https://hooks.example.com", ALLOW_BIN_ALIASES: "true" })).toBe(true);
    expect(aliasesAllowed({ ALLOW_BIN_ALIASES: "false" })).toBe(false);
  });
});
