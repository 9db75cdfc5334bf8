import { decodeContentEncoding } from "../body/content-encoding";
import { headerValue } from "../capture/header-pairs";
import type { HeaderPair } from "./types";

/** Search covers this much of a body: enough for any webhook payload, bounded for the index. */
export const SEARCHABLE_BODY_BYTES = 64 * 1024;

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

// Inflating runs for every compressed request the indexer takes: a bound keeps a small zip bomb from
// costing seconds of CPU (only the first 64 KiB is searched anyway).
const MAX_INFLATED_FOR_SEARCH = 1024 * 1024;

/** A compressed body is searched as its decoded text, which is what the dashboard shows. */
function searchableBody(headers: readonly HeaderPair[], body: Uint8Array): Uint8Array {
  const decoded = decodeContentEncoding(
    body,
    headerValue(headers, "content-encoding"),
    MAX_INFLATED_FOR_SEARCH,
  );
  return decoded?.ok ? decoded.body : body;
}

/**
 * The text full-text search runs over: path, query, every header line and the start of the body
 * (decoded, when the sender compressed it).
 * Invalid UTF-8 decodes to U+FFFD and NUL is dropped, because Postgres text cannot hold it.
 */
export function searchText(request: {
  path: string;
  query: string;
  headers: readonly HeaderPair[];
  body: Uint8Array;
}): string {
  const head = request.headers.map(([name, value]) => `${name}: ${value}`).join("\n");
  const body = decoder.decode(
    searchableBody(request.headers, request.body).subarray(0, SEARCHABLE_BODY_BYTES),
  );
  return `${request.path}?${request.query}\n${head}\n\n${body}`.replaceAll("\0", "");
}
