import type { HeaderPair } from "../requests/types";

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Node decodes header bytes as latin1. Senders that put UTF-8 in a header value (non-ASCII names,
 * filenames) should see their text, so re-decode when the bytes form valid UTF-8.
 */
function decodeHeaderText(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the check is for any byte above ASCII
  if (!/[^\x00-\x7f]/.test(value)) return value;
  try {
    return utf8.decode(Buffer.from(value, "latin1"));
  } catch {
    return value;
  }
}

/** Node's flat `rawHeaders` list as ordered pairs: original casing, repeats kept, nothing added. */
export function headerPairsFromRaw(rawHeaders: readonly string[]): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    pairs.push([decodeHeaderText(rawHeaders[i] ?? ""), decodeHeaderText(rawHeaders[i + 1] ?? "")]);
  }
  return pairs;
}

/** The first value of a header, matched case-insensitively, as HTTP names are. */
export function headerValue(headers: readonly HeaderPair[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === wanted)?.[1];
}
