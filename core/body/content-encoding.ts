import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";

/** A decoded body may grow to this much: a few KiB of gzip can inflate to gigabytes (a zip bomb). */
export const MAX_DECODED_BYTES = 32 * 1024 * 1024;

export type DecodedBody =
  | { encoding: string; ok: true; body: Buffer }
  | { encoding: string; ok: false; reason: string };

type Decoder = (bytes: Uint8Array, limit: number) => Buffer;

const DECODERS: Record<string, Decoder> = {
  gzip: (bytes, limit) => gunzipSync(bytes, { maxOutputLength: limit }),
  "x-gzip": (bytes, limit) => gunzipSync(bytes, { maxOutputLength: limit }),
  br: (bytes, limit) => brotliDecompressSync(bytes, { maxOutputLength: limit }),
  // RFC 9110 says zlib-wrapped; some senders send a raw deflate stream under the same name.
  deflate: (bytes, limit) => {
    try {
      return inflateSync(bytes, { maxOutputLength: limit });
    } catch {
      return inflateRawSync(bytes, { maxOutputLength: limit });
    }
  },
};

/**
 * The body a sender compressed with `Content-Encoding`, decoded for people to read. The stored bytes
 * stay as sent; this is a view. Null when nothing was applied (no header, or only `identity`).
 * Codings listed one after the other were applied in that order, so they are undone in reverse.
 */
export function decodeContentEncoding(
  body: Uint8Array,
  contentEncoding: string | null | undefined,
  limit = MAX_DECODED_BYTES,
): DecodedBody | null {
  const codings = (contentEncoding ?? "")
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity");
  if (codings.length === 0 || body.length === 0) return null;
  const encoding = codings.join(", ");
  let bytes: Uint8Array = body;
  for (const coding of [...codings].reverse()) {
    const decode = DECODERS[coding];
    if (!decode)
      return {
        encoding,
        ok: false,
        reason: `Hookscope cannot decode "${coding}"; the body is shown as sent.`,
      };
    try {
      bytes = decode(bytes, limit);
    } catch (error) {
      const tooBig =
        error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
      return {
        encoding,
        ok: false,
        reason: tooBig
          ? `Decoded, the body would be over ${limit / (1024 * 1024)} MiB; it is shown as sent.`
          : `The body is not valid ${coding} data (${(error as Error).message}); it is shown as sent.`,
      };
    }
  }
  return { encoding, ok: true, body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}
