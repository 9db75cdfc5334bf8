import { describe, expect, it } from "vitest";
import { originForm } from "./request-target";

describe("originForm", () => {
  it("keeps origin-form targets byte for byte", () => {
    expect(originForm("/h/abc/x%2Fy?a=1&b")).toBe("/h/abc/x%2Fy?a=1&b");
    expect(originForm("*")).toBe("*");
    expect(originForm("/http://not-a-host/")).toBe("/http://not-a-host/");
  });

  it("drops the scheme and authority of an absolute-form target", () => {
    expect(originForm("http://other.example/h/abc/abs?q=1")).toBe("/h/abc/abs?q=1");
    expect(originForm("HTTPS://user@other.example:8443/h/abc")).toBe("/h/abc");
  });

  it("gives the root path when the absolute form names none", () => {
    expect(originForm("http://other.example")).toBe("/");
    expect(originForm("http://other.example?q=1")).toBe("/?q=1");
  });
});
