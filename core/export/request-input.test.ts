import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  base64ToBytes,
  bodyBytes,
  bodyTextOf,
  bytesToBase64,
  hasDotSegment,
  replayableHeaders,
  requestUrl,
} from "./request-input";

describe("base64", () => {
  it("round-trips any bytes, and agrees with Node's encoder", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = bytesToBase64(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString("base64"));
        expect(base64ToBytes(encoded)).toEqual(bytes);
      }),
    );
  });

  it("encodes bodies larger than one call's argument limit", () => {
    const bytes = new Uint8Array(300_000).map((_, index) => index % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });
});

describe("bodyBytes and bodyTextOf", () => {
  it("read the stored base64, not the text view", () => {
    expect(bodyBytes({ bodyBase64: "AP8=" })).toEqual(Uint8Array.from([0, 255]));
    expect(bodyTextOf({ bodyBase64: "AP8=" })).toBeNull();
    expect(bodyTextOf({ bodyBase64: "aGk=" })).toBe("hi");
  });
});

describe("requestUrl", () => {
  it.each([
    ["an empty sub-path", "", "", "https://h.example/h/bin1"],
    ["a trailing slash", "/", "", "https://h.example/h/bin1/"],
    ["a query right after the bin id", "", "a=1", "https://h.example/h/bin1?a=1"],
    [
      "dot segments and %2F untouched",
      "/a/../b%2Fc/.",
      "x=%zz",
      "https://h.example/h/bin1/a/../b%2Fc/.?x=%zz",
    ],
  ])("builds %s", (_label, path, query, url) => {
    expect(requestUrl({ binId: "bin1", path, query }, "https://h.example")).toBe(url);
  });
});

describe("hasDotSegment", () => {
  it.each([
    ["/a/../b", true],
    ["/./a", true],
    ["/a/%2e%2E/b", true],
    ["/a/..", true],
    ["/a..b/c.d", false],
    ["", false],
  ])("says %s → %s", (path, expected) => {
    expect(hasDotSegment(path)).toBe(expected);
  });
});

describe("replayableHeaders", () => {
  it("drops framing and hop-by-hop headers in any case, keeping order and repeats", () => {
    expect(
      replayableHeaders([
        ["HOST", "a"],
        ["X-A", "1"],
        ["content-length", "2"],
        ["Transfer-Encoding", "chunked"],
        ["Connection", "keep-alive"],
        ["Keep-Alive", "5"],
        ["Proxy-Connection", "x"],
        ["te", "trailers"],
        ["Trailer", "x"],
        ["Upgrade", "h2c"],
        ["Expect", "100-continue"],
        ["x-a", "2"],
        ["Authorization", "Bearer t"],
      ]),
    ).toEqual([
      ["X-A", "1"],
      ["x-a", "2"],
      ["Authorization", "Bearer t"],
    ]);
  });
});
