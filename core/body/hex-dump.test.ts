import { describe, expect, it } from "vitest";
import { hexDump } from "./hex-dump";

const range = (length: number): Uint8Array => Uint8Array.from({ length }, (_, i) => i % 256);

describe("hexDump", () => {
  it("returns no lines for no bytes", () => {
    expect(hexDump(new Uint8Array())).toEqual([]);
  });

  it("shows a full line as 16 space-separated hex bytes with its ASCII", () => {
    expect(hexDump(new TextEncoder().encode("Hello, hex dump!"))).toEqual([
      {
        offset: "00000000",
        hex: "48 65 6c 6c 6f 2c 20 68 65 78 20 64 75 6d 70 21",
        ascii: "Hello, hex dump!",
      },
    ]);
  });

  it("pads each byte to two lower-case hex digits", () => {
    expect(hexDump(Uint8Array.from([0x00, 0x0a, 0xab, 0xff]))[0]?.hex).toBe("00 0a ab ff");
  });

  it.each([
    ["NUL", 0x00],
    ["tab", 0x09],
    ["newline", 0x0a],
    ["unit separator", 0x1f],
    ["DEL", 0x7f],
    ["0x80", 0x80],
    ["0xff", 0xff],
  ])("shows %s as a dot", (_label, byte) => {
    expect(hexDump(Uint8Array.from([byte]))[0]?.ascii).toBe(".");
  });

  it("shows printable ASCII from space to tilde as itself", () => {
    expect(hexDump(Uint8Array.from([0x20, 0x41, 0x7a, 0x7e]))[0]?.ascii).toBe(" Az~");
  });

  it("starts a new line every 16 bytes, with hex offsets", () => {
    const lines = hexDump(range(48));
    expect(lines.map((line) => line.offset)).toEqual(["00000000", "00000010", "00000020"]);
    expect(lines[1]?.hex).toBe("10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f");
  });

  it("ends with a partial line holding only the remaining bytes", () => {
    const lines = hexDump(Uint8Array.from([...range(16), 0x41, 0x00, 0x42]));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toEqual({ offset: "00000010", hex: "41 00 42", ascii: "A.B" });
  });

  it("stops at maxBytes, mid-line if need be", () => {
    const lines = hexDump(range(100), 20);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toEqual({ offset: "00000010", hex: "10 11 12 13", ascii: "...." });
  });

  it("returns no lines when maxBytes is zero", () => {
    expect(hexDump(range(10), 0)).toEqual([]);
  });

  it("shows everything when maxBytes exceeds the length", () => {
    expect(hexDump(range(5), 1000)).toHaveLength(1);
  });

  it("caps at 64 KiB by default", () => {
    const lines = hexDump(range(70_000));
    expect(lines).toHaveLength(4096);
    expect(lines.at(-1)?.offset).toBe("0000fff0");
  });

  it("writes offsets past 64 KiB with eight digits", () => {
    const lines = hexDump(range(0x10011), 0x10011);
    expect(lines.at(-1)).toEqual({ offset: "00010010", hex: "10", ascii: "." });
  });
});
