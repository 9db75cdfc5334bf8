import { describe, expect, it } from "vitest";
import type { HeaderPair } from "../requests/types";
import { remoteAddress } from "./remote-address";

const xff = (value: string): HeaderPair => ["X-Forwarded-For", value];

describe("remoteAddress", () => {
  describe("without trusted proxies", () => {
    it("returns the socket address", () => {
      expect(remoteAddress("203.0.113.7", [], 0)).toBe("203.0.113.7");
    });

    it("ignores X-Forwarded-For, which the sender can forge", () => {
      expect(remoteAddress("203.0.113.7", [xff("198.51.100.1")], 0)).toBe("203.0.113.7");
    });

    it("treats a negative count like zero", () => {
      expect(remoteAddress("203.0.113.7", [xff("198.51.100.1")], -1)).toBe("203.0.113.7");
    });

    it("returns null when there is no socket address", () => {
      expect(remoteAddress(undefined, [xff("198.51.100.1")], 0)).toBeNull();
    });

    it("returns null for an empty socket address", () => {
      expect(remoteAddress("", [], 0)).toBeNull();
    });
  });

  describe("IPv4-mapped IPv6 socket addresses", () => {
    it("strips the ::ffff: prefix", () => {
      expect(remoteAddress("::ffff:192.0.2.10", [], 0)).toBe("192.0.2.10");
    });

    it("strips the prefix when falling back from an absent X-Forwarded-For", () => {
      expect(remoteAddress("::ffff:192.0.2.10", [], 1)).toBe("192.0.2.10");
    });

    it.each(["::1", "2001:db8::1", "::ffff:c000:20a"])("leaves the IPv6 address %s alone", (address) => {
      expect(remoteAddress(address, [], 0)).toBe(address);
    });
  });

  describe("with trusted proxies", () => {
    it("takes the rightmost entry behind one proxy", () => {
      expect(remoteAddress("10.0.0.1", [xff("6.6.6.6, 198.51.100.1")], 1)).toBe("198.51.100.1");
    });

    it("takes the entry N places from the right behind N proxies", () => {
      const headers = [xff("6.6.6.6, 198.51.100.1, 10.0.0.2, 10.0.0.3")];
      expect(remoteAddress("10.0.0.1", headers, 3)).toBe("198.51.100.1");
    });

    it.each([
      [1, "3.3.3.3"],
      [2, "2.2.2.2"],
      [3, "1.1.1.1"],
    ])("counts across repeated X-Forwarded-For headers (%i proxies)", (hops, expected) => {
      const headers: HeaderPair[] = [
        xff("1.1.1.1, 2.2.2.2"),
        ["Host", "example.com"],
        ["x-forwarded-for", "3.3.3.3"],
      ];
      expect(remoteAddress("10.0.0.1", headers, hops)).toBe(expected);
    });

    it("matches the header name case-insensitively", () => {
      expect(remoteAddress("10.0.0.1", [["X-FORWARDED-FOR", "198.51.100.1"]], 1)).toBe("198.51.100.1");
    });

    it("trims whitespace around entries", () => {
      expect(remoteAddress("10.0.0.1", [xff("  6.6.6.6 ,   198.51.100.1  ")], 1)).toBe("198.51.100.1");
    });

    it("takes the leftmost entry when there are fewer entries than proxies", () => {
      expect(remoteAddress("10.0.0.1", [xff("198.51.100.1, 10.0.0.2")], 5)).toBe("198.51.100.1");
    });

    it("falls back to the socket address without X-Forwarded-For", () => {
      expect(remoteAddress("10.0.0.1", [["X-Real-IP", "198.51.100.1"]], 1)).toBe("10.0.0.1");
    });

    it("falls back to the socket address when X-Forwarded-For holds no entries", () => {
      expect(remoteAddress("10.0.0.1", [xff(" , ")], 1)).toBe("10.0.0.1");
    });

    it("uses X-Forwarded-For even without a socket address", () => {
      expect(remoteAddress(undefined, [xff("198.51.100.1")], 1)).toBe("198.51.100.1");
    });

    it("returns IPv6 entries as written", () => {
      expect(remoteAddress("10.0.0.1", [xff("2001:db8::7")], 1)).toBe("2001:db8::7");
    });
  });

  it("strips the ::ffff: prefix from a forwarded address too", () => {
    expect(remoteAddress("10.0.0.1", [["X-Forwarded-For", "::ffff:198.51.100.7"]], 1)).toBe("198.51.100.7");
  });
});
