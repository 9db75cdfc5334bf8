import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { SEARCHABLE_BODY_BYTES, searchText } from "./search-text";

describe("searchText", () => {
  it("holds the path, query, header lines and body", () => {
    const text = searchText({
      path: "/stripe",
      query: "a=1",
      headers: [
        ["Stripe-Signature", "t=1,v1=abc"],
        ["X-Repeat", "two"],
      ],
      body: Buffer.from('{"id":"evt_1"}'),
    });
    expect(text).toBe('/stripe?a=1\nStripe-Signature: t=1,v1=abc\nX-Repeat: two\n\n{"id":"evt_1"}');
  });

  it("searches a compressed body as its decoded text, or as sent when it does not decode", () => {
    const headers: [string, string][] = [["Content-Encoding", "gzip"]];
    const packed = searchText({ path: "/", query: "", headers, body: gzipSync('{"id":"evt_gz"}') });
    expect(packed.endsWith('\n\n{"id":"evt_gz"}')).toBe(true);
    const broken = searchText({ path: "/", query: "", headers, body: Buffer.from("plain") });
    expect(broken.endsWith("\n\nplain")).toBe(true);
  });

  it("drops NUL, replaces invalid UTF-8 and stops after the searchable prefix", () => {
    const body = Buffer.concat([
      Buffer.from("a\0b"),
      Buffer.from([0xff]),
      Buffer.alloc(SEARCHABLE_BODY_BYTES, 0x7a),
    ]);
    const text = searchText({ path: "", query: "", headers: [], body });
    expect(text.includes("\0")).toBe(false);
    expect(text.startsWith("?\n\n\nab\ufffd")).toBe(true);
    expect(text.length).toBe("?\n\n\n".length + SEARCHABLE_BODY_BYTES - 1);
  });
});
