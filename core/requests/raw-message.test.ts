import { describe, expect, it } from "vitest";
import { rawHttpMessage } from "./raw-message";
import type { HeaderPair } from "./types";

type Input = Parameters<typeof rawHttpMessage>[0];

const base: Input = {
  method: "POST",
  binId: "bin1",
  path: "",
  query: "",
  headers: [],
  bodyText: null,
  bodySize: 0,
};

const requestLine = (input: Partial<Input>): string | undefined =>
  rawHttpMessage({ ...base, ...input }).split("\r\n")[0];

describe("rawHttpMessage", () => {
  it("frames a request with HTTP/1.1 and CRLF line endings", () => {
    const headers: HeaderPair[] = [
      ["Host", "hooks.example.com"],
      ["Content-Type", "application/json"],
    ];
    expect(rawHttpMessage({ ...base, path: "/stripe", headers, bodyText: '{"a":1}', bodySize: 7 })).toBe(
      'POST /h/bin1/stripe HTTP/1.1\r\nHost: hooks.example.com\r\nContent-Type: application/json\r\n\r\n{"a":1}',
    );
  });

  it("shows an empty sub-path as the bare bin URL", () => {
    expect(requestLine({ method: "GET" })).toBe("GET /h/bin1 HTTP/1.1");
  });

  it("keeps a lone trailing slash, which is a different target", () => {
    expect(requestLine({ method: "GET", path: "/" })).toBe("GET /h/bin1/ HTTP/1.1");
  });

  it.each([
    ["a nested path with a trailing slash", "/a/b/", "", "/h/bin1/a/b/"],
    ["percent-encoding and dot segments", "/a%2Fb/../c", "", "/h/bin1/a%2Fb/../c"],
    ["a query right after the bin id", "", "a=1&b=%20", "/h/bin1?a=1&b=%20"],
    ["a path and a query", "/hook", "x=1", "/h/bin1/hook?x=1"],
  ])("rebuilds the target with %s", (_label, path, query, target) => {
    expect(requestLine({ path, query })).toBe(`POST ${target} HTTP/1.1`);
  });

  it("omits the question mark for an empty query", () => {
    expect(requestLine({ path: "/hook", query: "" })).toBe("POST /h/bin1/hook HTTP/1.1");
  });

  it("keeps the method as given", () => {
    expect(requestLine({ method: "PROPFIND" })).toBe("PROPFIND /h/bin1 HTTP/1.1");
  });

  it("writes headers in order, with repeats and original casing", () => {
    const headers: HeaderPair[] = [
      ["X-A", "1"],
      ["set-cookie", "a=1"],
      ["Set-Cookie", "b=2"],
    ];
    expect(rawHttpMessage({ ...base, headers })).toBe(
      "POST /h/bin1 HTTP/1.1\r\nX-A: 1\r\nset-cookie: a=1\r\nSet-Cookie: b=2\r\n\r\n",
    );
  });

  it("ends with a blank line and nothing else for an empty body", () => {
    expect(rawHttpMessage({ ...base, bodyText: "", bodySize: 0 })).toBe("POST /h/bin1 HTTP/1.1\r\n\r\n");
  });

  it("describes a binary body instead of pasting it", () => {
    expect(rawHttpMessage({ ...base, bodyText: null, bodySize: 1234 })).toBe(
      "POST /h/bin1 HTTP/1.1\r\n\r\n[1234 bytes of binary data]",
    );
  });

  it("writes nothing for a missing body of size zero", () => {
    expect(rawHttpMessage({ ...base, bodyText: null, bodySize: 0 })).toBe("POST /h/bin1 HTTP/1.1\r\n\r\n");
  });

  it("pastes a text body as is, line breaks included", () => {
    expect(rawHttpMessage({ ...base, bodyText: "a\nb\r\nc", bodySize: 6 })).toBe(
      "POST /h/bin1 HTTP/1.1\r\n\r\na\nb\r\nc",
    );
  });
});
