import { describe, expect, it } from "vitest";
import { CAPTURE_PREFIX, parseCaptureUrl } from "./parse-capture-url";

describe("parseCaptureUrl", () => {
  it("uses /h/ as the capture prefix", () => {
    expect(CAPTURE_PREFIX).toBe("/h/");
  });

  it("reads a bare bin URL as an empty sub-path with no query", () => {
    expect(parseCaptureUrl("/h/abc123")).toEqual({ binId: "abc123", path: "", query: "" });
  });

  it("reports a lone trailing slash as the root path", () => {
    expect(parseCaptureUrl("/h/abc123/")).toEqual({ binId: "abc123", path: "/", query: "" });
  });

  it.each([
    ["a nested path", "/h/bin/stripe/hook", "/stripe/hook"],
    ["a trailing slash", "/h/bin/stripe/hook/", "/stripe/hook/"],
    ["percent-encoding", "/h/bin/a%2Fb/%20x%E2%9C%93", "/a%2Fb/%20x%E2%9C%93"],
    ["dot segments", "/h/bin/a/../b/./c", "/a/../b/./c"],
    ["repeated slashes", "/h/bin//a//b//", "//a//b//"],
    ["a lone dot-dot", "/h/bin/..", "/.."],
  ])("keeps %s exactly as sent", (_label, target, path) => {
    expect(parseCaptureUrl(target)).toEqual({ binId: "bin", path, query: "" });
  });

  it("returns the raw query without its question mark", () => {
    expect(parseCaptureUrl("/h/bin/hook?a=1&b=2&a=3")).toEqual({
      binId: "bin",
      path: "/hook",
      query: "a=1&b=2&a=3",
    });
  });

  it("keeps percent-encoding and plus signs in the query", () => {
    expect(parseCaptureUrl("/h/bin?q=%E2%9C%93+x&r=%2F")?.query).toBe("q=%E2%9C%93+x&r=%2F");
  });

  it("reads a query directly after the bin id", () => {
    expect(parseCaptureUrl("/h/bin?a=1")).toEqual({ binId: "bin", path: "", query: "a=1" });
  });

  it("treats a lone question mark as an empty query", () => {
    expect(parseCaptureUrl("/h/bin/hook?")).toEqual({ binId: "bin", path: "/hook", query: "" });
  });

  it("splits at the first question mark, leaving later ones in the query", () => {
    expect(parseCaptureUrl("/h/bin/p?x=1?y=2")).toEqual({ binId: "bin", path: "/p", query: "x=1?y=2" });
  });

  it("does not take slashes in the query as part of the path", () => {
    expect(parseCaptureUrl("/h/bin?next=/a/b")).toEqual({ binId: "bin", path: "", query: "next=/a/b" });
  });

  it("accepts a 64-character alias with dashes and underscores", () => {
    const alias = `${"a".repeat(31)}_-${"Z".repeat(31)}`;
    expect(parseCaptureUrl(`/h/${alias}/x`)).toEqual({ binId: alias, path: "/x", query: "" });
  });

  it.each([
    ["the prefix alone", "/h/"],
    ["the prefix without its slash", "/h"],
    ["another route", "/api/bins"],
    ["an upper-case prefix", "/H/bin"],
    ["a target without its leading slash", "h/bin"],
    ["an absolute URL", "http://example.com/h/bin"],
    ["an empty bin id before a path", "/h//bin"],
    ["an empty bin id before a query", "/h/?a=1"],
    ["a dot in the bin id", "/h/ab.c/x"],
    ["a percent-encoded bin id", "/h/ab%2Dc"],
    ["a bin id of 65 characters", `/h/${"a".repeat(65)}`],
    ["a dot-dot bin id", "/h/../x"],
  ])("rejects %s", (_label, target) => {
    expect(parseCaptureUrl(target)).toBeNull();
  });
});
