import { describe, expect, it } from "vitest";
import type { HeaderPair } from "../requests/types";
import { headerPairsFromRaw, headerValue } from "./header-pairs";

// Node hands header bytes over decoded as latin1; this reproduces what it gives for UTF-8 input.
function asNodeReadsIt(text: string): string {
  return Buffer.from(text, "utf8").toString("latin1");
}

describe("headerPairsFromRaw", () => {
  it("returns no pairs for no headers", () => {
    expect(headerPairsFromRaw([])).toEqual([]);
  });

  it("pairs up the flat list in order, keeping name casing", () => {
    expect(
      headerPairsFromRaw(["Host", "example.com", "X-Custom-ID", "42", "content-type", "text/plain"]),
    ).toEqual([
      ["Host", "example.com"],
      ["X-Custom-ID", "42"],
      ["content-type", "text/plain"],
    ]);
  });

  it("keeps repeated headers as separate pairs in their original order", () => {
    expect(headerPairsFromRaw(["Set-Cookie", "a=1", "X-A", "x", "set-cookie", "b=2"])).toEqual([
      ["Set-Cookie", "a=1"],
      ["X-A", "x"],
      ["set-cookie", "b=2"],
    ]);
  });

  it("keeps empty values", () => {
    expect(headerPairsFromRaw(["X-Empty", ""])).toEqual([["X-Empty", ""]]);
  });

  it("ignores a trailing name without a value", () => {
    expect(headerPairsFromRaw(["A", "1", "B"])).toEqual([["A", "1"]]);
  });

  it("re-decodes UTF-8 values that Node read as latin1", () => {
    const raw = asNodeReadsIt("é…✓ 日本");
    expect(raw).not.toBe("é…✓ 日本");
    expect(headerPairsFromRaw(["X-Name", raw])).toEqual([["X-Name", "é…✓ 日本"]]);
  });

  it("re-decodes UTF-8 header names too", () => {
    expect(headerPairsFromRaw([asNodeReadsIt("X-Naïve"), "1"])).toEqual([["X-Naïve", "1"]]);
  });

  it("leaves bytes that are not valid UTF-8 as latin1 text", () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9]).toString("latin1");
    expect(headerPairsFromRaw(["X-Latin1", latin1])).toEqual([["X-Latin1", "caf\u00e9"]]);
  });

  it("leaves a truncated UTF-8 sequence as latin1 text", () => {
    const truncated = Buffer.from([0x61, 0xe2, 0x9c]).toString("latin1");
    expect(headerPairsFromRaw(["X-Cut", truncated])).toEqual([["X-Cut", "a\u00e2\u009c"]]);
  });

  it("leaves ASCII values untouched, control characters included", () => {
    expect(headerPairsFromRaw(["X-Ascii", "a\tb\u007f~"])).toEqual([["X-Ascii", "a\tb\u007f~"]]);
  });

  it("decodes each value on its own", () => {
    const invalid = Buffer.from([0xff]).toString("latin1");
    expect(headerPairsFromRaw(["A", invalid, "B", asNodeReadsIt("ü")])).toEqual([
      ["A", "\u00ff"],
      ["B", "ü"],
    ]);
  });
});

describe("headerValue", () => {
  const headers: HeaderPair[] = [
    ["Content-Type", "application/json"],
    ["X-Repeat", "first"],
    ["x-repeat", "second"],
    ["X-Empty", ""],
  ];

  it.each(["content-type", "CONTENT-TYPE", "Content-Type", "cOnTeNt-TyPe"])(
    "matches %s case-insensitively",
    (name) => {
      expect(headerValue(headers, name)).toBe("application/json");
    },
  );

  it("returns the first of repeated headers", () => {
    expect(headerValue(headers, "X-REPEAT")).toBe("first");
  });

  it("returns an empty value rather than undefined", () => {
    expect(headerValue(headers, "x-empty")).toBe("");
  });

  it("returns undefined for a missing header", () => {
    expect(headerValue(headers, "authorization")).toBeUndefined();
  });

  it("returns undefined for no headers", () => {
    expect(headerValue([], "host")).toBeUndefined();
  });
});
