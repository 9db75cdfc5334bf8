import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { accessCodeMatches, hashToken, newToken, tokenMatches } from "./token";

describe("newToken", () => {
  it("is hs_ followed by 43 URL-safe characters", () => {
    expect(newToken()).toMatch(/^hs_[A-Za-z0-9_-]{43}$/);
  });

  it("carries 256 random bits", () => {
    expect(Buffer.from(newToken().slice(3), "base64url")).toHaveLength(32);
  });

  it("does not repeat over many calls", () => {
    const tokens = new Set(Array.from({ length: 10_000 }, () => newToken()));
    expect(tokens.size).toBe(10_000);
  });
});

describe("hashToken", () => {
  it("is the hex SHA-256 of the token's UTF-8 bytes", () => {
    const token = "hs_example-token";
    expect(hashToken(token)).toBe(createHash("sha256").update(Buffer.from(token, "utf8")).digest("hex"));
  });

  it("is 64 lower-case hex characters", () => {
    expect(hashToken(newToken())).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is stable for the same token", () => {
    expect(hashToken("hs_same")).toBe(hashToken("hs_same"));
  });
});

describe("tokenMatches", () => {
  it("accepts the token whose hash is stored", () => {
    const token = newToken();
    expect(tokenMatches(token, hashToken(token))).toBe(true);
  });

  it("rejects a different token", () => {
    expect(tokenMatches(newToken(), hashToken(newToken()))).toBe(false);
  });

  it("rejects a token differing only in case", () => {
    const token = "hs_AbCdEf";
    expect(tokenMatches(token.toLowerCase(), hashToken(token))).toBe(false);
  });

  it("rejects an empty token", () => {
    expect(tokenMatches("", hashToken(newToken()))).toBe(false);
  });

  it.each([
    ["a shorter hash", (hash: string) => hash.slice(0, 32)],
    ["a longer hash", (hash: string) => `${hash}00`],
    ["an empty hash", () => ""],
    ["a hash that is not hex", () => "z".repeat(64)],
  ])("returns false rather than throwing for %s", (_label, mangle) => {
    const token = newToken();
    expect(tokenMatches(token, mangle(hashToken(token)))).toBe(false);
  });
});

describe("accessCodeMatches", () => {
  it("accepts only the exact code", () => {
    expect(accessCodeMatches("let-me-in", "let-me-in")).toBe(true);
    expect(accessCodeMatches("let-me-in ", "let-me-in")).toBe(false);
    expect(accessCodeMatches("", "let-me-in")).toBe(false);
    expect(accessCodeMatches(undefined, "let-me-in")).toBe(false);
    expect(accessCodeMatches("x".repeat(10_000), "let-me-in")).toBe(false);
  });
});
