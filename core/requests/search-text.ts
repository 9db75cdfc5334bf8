import type { HeaderPair } from "./types";

/** Search covers this much of a body: enough for any webhook payload, bounded for the index. */
export const SEARCHABLE_BODY_BYTES = 64 * 1024;

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * The text full-text search runs over: path, query, every header line and the start of the body.
 * Invalid UTF-8 decodes to U+FFFD and NUL is dropped, because Postgres text cannot hold it.
 */
export function searchText(request: {
  path: string;
  query: string;
  headers: readonly HeaderPair[];
  body: Uint8Array;
}): string {
  const head = request.headers.map(([name, value]) => `${name}: ${value}`).join("\n");
  const body = decoder.decode(request.body.subarray(0, SEARCHABLE_BODY_BYTES));
  return `${request.path}?${request.query}\n${head}\n\n${body}`.replaceAll("\0", "");
}
