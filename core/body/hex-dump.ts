export interface HexLine {
  offset: string;
  hex: string;
  ascii: string;
}

/** The classic 16-bytes-a-line hex + ASCII view, for bodies that are not text. */
export function hexDump(bytes: Uint8Array, maxBytes = 64 * 1024): HexLine[] {
  const lines: HexLine[] = [];
  const end = Math.min(bytes.length, maxBytes);
  for (let offset = 0; offset < end; offset += 16) {
    const chunk = bytes.subarray(offset, Math.min(offset + 16, end));
    const hex = Array.from(chunk, (byte) => byte.toString(16).padStart(2, "0")).join(" ");
    const ascii = Array.from(chunk, (byte) =>
      byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : ".",
    ).join("");
    lines.push({ offset: offset.toString(16).padStart(8, "0"), hex, ascii });
  }
  return lines;
}
