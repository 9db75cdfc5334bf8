import { describe, expect, it } from "vitest";
import { bodyAsText, mediaType, viewBody } from "./decode-body";

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("bodyAsText", () => {
  it("returns an empty string for an empty body", () => {
    expect(bodyAsText(new Uint8Array())).toBe("");
  });

  it("decodes ASCII", () => {
    expect(bodyAsText(utf8('{"ok":true}'))).toBe('{"ok":true}');
  });

  it("decodes multi-byte UTF-8", () => {
    expect(bodyAsText(utf8("café ✓ 日本 😀"))).toBe("café ✓ 日本 😀");
  });

  it("treats NUL bytes as valid text", () => {
    expect(bodyAsText(bytes(0x61, 0x00, 0x62, 0x00))).toBe("a\0b\0");
  });

  it.each([
    ["a lone 0xff byte", [0xff]],
    ["a latin1 é", [0x63, 0x61, 0x66, 0xe9]],
    ["a truncated sequence", [0x61, 0xe2, 0x9c]],
    ["a stray continuation byte", [0x80]],
    ["an overlong encoding", [0xc0, 0x80]],
    ["an encoded surrogate", [0xed, 0xa0, 0x80]],
    ["a PNG signature", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ])("returns null for %s", (_label, values) => {
    expect(bodyAsText(bytes(...values))).toBeNull();
  });

  it("still decodes valid text after rejecting invalid bytes", () => {
    expect(bodyAsText(bytes(0xe2, 0x9c))).toBeNull();
    expect(bodyAsText(utf8("ok"))).toBe("ok");
  });

  it("keeps a leading byte-order mark, so the text matches the bytes", () => {
    expect(bodyAsText(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBe("\ufeffa");
  });
});

describe("mediaType", () => {
  it.each([
    ["Application/JSON; charset=x", "application/json"],
    ["text/plain", "text/plain"],
    ["  Text/HTML  ; charset=utf-8", "text/html"],
    ["multipart/form-data; boundary=abc", "multipart/form-data"],
    ["; charset=utf-8", ""],
    ["", ""],
  ])("reads %j as %j", (contentType, expected) => {
    expect(mediaType(contentType)).toBe(expected);
  });

  it.each([null, undefined])("reads %s as an empty type", (contentType) => {
    expect(mediaType(contentType)).toBe("");
  });
});

describe("viewBody", () => {
  it("shows a multipart body as its parts, even with binary files among them", () => {
    const type = "multipart/form-data; boundary=x";
    expect(viewBody(type, null, 300)).toEqual({ kind: "multipart" });
    expect(viewBody(type, "--x--", 5)).toEqual({ kind: "multipart" });
    expect(viewBody(type, null, 0)).toEqual({ kind: "empty" });
  });

  it.each([
    ["a JSON type", "application/json", ""],
    ["no type", null, ""],
    ["binary bytes", "application/octet-stream", null],
  ])("shows an empty body as empty, with %s", (_label, contentType, text) => {
    expect(viewBody(contentType, text, 0)).toEqual({ kind: "empty" });
  });

  it.each([
    ["a JSON type", "application/json"],
    ["a text type", "text/plain"],
    ["no type", null],
  ])("shows a body that is not UTF-8 as binary, with %s", (_label, contentType) => {
    expect(viewBody(contentType, null, 12)).toEqual({ kind: "binary" });
  });

  describe("JSON", () => {
    it.each([
      "application/json",
      "Application/JSON; charset=utf-8",
      "application/vnd.api+json",
      "application/problem+json",
    ])("parses a body of type %s", (contentType) => {
      expect(viewBody(contentType, '{"a":[1,2],"b":null}', 20)).toEqual({
        kind: "json",
        value: { a: [1, 2], b: null },
      });
    });

    it("parses a declared JSON scalar", () => {
      expect(viewBody("application/json", "42", 2)).toEqual({ kind: "json", value: 42 });
    });

    it.each([
      ["text/plain", "text/plain", '{"a":1}', { a: 1 }],
      ["text/plain with a charset", "text/plain; charset=utf-8", "[1,2]", [1, 2]],
      ["no type", null, "[true]", [true]],
      ["an empty type", "", '{"a":"b"}', { a: "b" }],
      ["leading whitespace", null, '\n  \t{"a":1}', { a: 1 }],
    ])("sniffs JSON with %s", (_label, contentType, text, value) => {
      expect(viewBody(contentType, text, text.length)).toEqual({ kind: "json", value });
    });

    it.each([
      ["a scalar", null, "42"],
      ["a quoted string", "text/plain", '"hello"'],
    ])("does not sniff %s as JSON", (_label, contentType, text) => {
      expect(viewBody(contentType, text, text.length)).toEqual({ kind: "text", text, language: "plain" });
    });

    it.each([
      ["text/html", "html"],
      ["application/xml", "xml"],
    ] as const)("does not sniff JSON in a %s body", (contentType, language) => {
      expect(viewBody(contentType, "[1]", 3)).toEqual({ kind: "text", text: "[1]", language });
    });

    it.each([
      ["declared JSON", "application/json", '{"a":'],
      ["declared +json", "application/vnd.api+json", "not json"],
      ["declared JSON that is blank", "application/json", "   "],
      ["sniffed JSON", "text/plain", "{not json}"],
      ["sniffed JSON without a type", null, "[1,2"],
    ])("falls back to plain text for malformed %s", (_label, contentType, text) => {
      expect(viewBody(contentType, text, text.length)).toEqual({ kind: "text", text, language: "plain" });
    });
  });

  describe("forms", () => {
    it("lists decoded fields in order, repeats kept", () => {
      const text = "a=1&b=x%20y+z&a=2&empty=&flag";
      expect(viewBody("application/x-www-form-urlencoded", text, text.length)).toEqual({
        kind: "form",
        fields: [
          ["a", "1"],
          ["b", "x y z"],
          ["a", "2"],
          ["empty", ""],
          ["flag", ""],
        ],
      });
    });

    it("decodes UTF-8 percent-encoding", () => {
      expect(viewBody("application/x-www-form-urlencoded; charset=UTF-8", "name=caf%C3%A9", 14)).toEqual({
        kind: "form",
        fields: [["name", "café"]],
      });
    });

    it("does not sniff a form body as JSON", () => {
      expect(viewBody("application/x-www-form-urlencoded", "{x}=1", 5)).toEqual({
        kind: "form",
        fields: [["{x}", "1"]],
      });
    });
  });

  describe("text", () => {
    it.each([
      "application/xml",
      "text/xml",
      "application/soap+xml",
      "application/atom+xml; charset=utf-8",
      "application/xhtml+xml",
    ])("marks %s as XML", (contentType) => {
      expect(viewBody(contentType, "<a/>", 4)).toEqual({ kind: "text", text: "<a/>", language: "xml" });
    });

    it.each(["text/html", "Text/HTML; charset=utf-8"])("marks %s as HTML", (contentType) => {
      expect(viewBody(contentType, "<p>hi</p>", 9)).toEqual({
        kind: "text",
        text: "<p>hi</p>",
        language: "html",
      });
    });

    it.each([
      ["text/plain", "text/plain"],
      ["no type", null],
      ["text/csv", "text/csv"],
      ["application/octet-stream that is valid UTF-8", "application/octet-stream"],
    ])("shows %s as plain text", (_label, contentType) => {
      expect(viewBody(contentType, "hello, world", 12)).toEqual({
        kind: "text",
        text: "hello, world",
        language: "plain",
      });
    });

    it("keeps NUL characters in a text body", () => {
      expect(viewBody("text/plain", "a\0b", 3)).toEqual({ kind: "text", text: "a\0b", language: "plain" });
    });
  });
});
