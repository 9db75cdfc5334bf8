import { describe, expect, it } from "vitest";
import { anyEqual, hmac, safeEqual } from "./crypto";

describe("signature comparison", () => {
  const expected = hmac("sha256", "secret", "body", "hex");

  it("finds the expected signature among the received ones, wherever it is", () => {
    expect(anyEqual(expected, [expected])).toBe(true);
    expect(anyEqual(expected, ["00", expected.replace(/.$/, "0"), expected])).toBe(true);
    expect(anyEqual(expected, [])).toBe(false);
  });

  it("refuses a signature one character off, shorter, longer, or of the same length in other bytes", () => {
    const last = expected.at(-1) === "a" ? "b" : "a";
    expect(anyEqual(expected, [`${expected.slice(0, -1)}${last}`])).toBe(false);
    expect(anyEqual(expected, [expected.slice(0, -1)])).toBe(false);
    expect(anyEqual(expected, [`${expected}0`])).toBe(false);
    // Same number of characters, more bytes: must not reach timingSafeEqual with unequal buffers.
    expect(anyEqual(expected, [`é${expected.slice(1)}`])).toBe(false);
  });

  it("compares a token with a secret of any length", () => {
    expect(safeEqual("token-of-some-length", "token-of-some-length")).toBe(true);
    expect(safeEqual("short", "token-of-some-length")).toBe(false);
  });
});
