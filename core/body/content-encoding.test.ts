import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeContentEncoding } from "./content-encoding";

const json = Buffer.from(JSON.stringify({ event: "push", commits: ["a", "b"] }));

describe("decodeContentEncoding", () => {
  it("is null when nothing was applied", () => {
    expect(decodeContentEncoding(json, null)).toBeNull();
    expect(decodeContentEncoding(json, "")).toBeNull();
    expect(decodeContentEncoding(json, "identity")).toBeNull();
    expect(decodeContentEncoding(Buffer.alloc(0), "gzip")).toBeNull();
  });

  it.each([
    ["gzip", gzipSync(json)],
    ["x-gzip", gzipSync(json)],
    ["GZip", gzipSync(json)],
    ["br", brotliCompressSync(json)],
    ["deflate", deflateSync(json)],
    ["deflate", deflateRawSync(json)],
  ])("undoes %s", (coding, bytes) => {
    const decoded = decodeContentEncoding(bytes, coding);
    expect(decoded).toEqual({ encoding: coding.toLowerCase(), ok: true, body: json });
  });

  it("undoes stacked codings in reverse order", () => {
    const twice = brotliCompressSync(gzipSync(json));
    expect(decodeContentEncoding(twice, "gzip, br")).toEqual({ encoding: "gzip, br", ok: true, body: json });
  });

  it("names a coding it cannot undo", () => {
    expect(decodeContentEncoding(json, "zstd")).toEqual({
      encoding: "zstd",
      ok: false,
      reason: 'Hookscope cannot decode "zstd"; the body is shown as sent.',
    });
  });

  it("says when the bytes are not what the header claims", () => {
    const decoded = decodeContentEncoding(json, "gzip");
    expect(decoded?.ok).toBe(false);
    expect(decoded && !decoded.ok && decoded.reason).toMatch(/^The body is not valid gzip data/);
  });

  it("stops a zip bomb at the limit instead of inflating it", () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(16 * 1024);
    const decoded = decodeContentEncoding(bomb, "gzip", 1024 * 1024);
    expect(decoded).toEqual({
      encoding: "gzip",
      ok: false,
      reason: "Decoded, the body would be over 1 MiB; it is shown as sent.",
    });
  });
});
