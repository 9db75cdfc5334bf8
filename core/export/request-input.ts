import { bodyAsText } from "../body/decode-body";
import type { HeaderPair, RequestDetail } from "../requests/types";

/** What every export format reads from a captured request; a `RequestDetail` satisfies it. */
export type ExportableRequest = Pick<
  RequestDetail,
  | "id"
  | "binId"
  | "method"
  | "path"
  | "query"
  | "headers"
  | "bodyBase64"
  | "bodyText"
  | "contentType"
  | "receivedAt"
  | "responseStatus"
  | "bodyTooLarge"
> &
  Partial<Pick<RequestDetail, "signature" | "duplicate">>;

/** Decodes base64 with `atob`, which every browser and Node ≥ 16 has (no `Buffer` here). */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Spreading a large array into String.fromCharCode overflows the call stack; 32 KiB chunks do not.
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** The stored body bytes: `bodyBase64` is authoritative, `bodyText` is only a convenience view of it. */
export function bodyBytes(request: Pick<ExportableRequest, "bodyBase64">): Uint8Array {
  return base64ToBytes(request.bodyBase64);
}

/** The body as UTF-8 text, or null when the bytes are not valid UTF-8. */
export function bodyTextOf(request: Pick<ExportableRequest, "bodyBase64">): string | null {
  return bodyAsText(bodyBytes(request));
}

/**
 * The capture URL the sender called. The path is appended byte for byte: `..` and `%2F` are part of
 * what was received, and normalising them would make an export lie about the request.
 */
export function requestUrl(
  request: Pick<ExportableRequest, "binId" | "path" | "query">,
  origin: string,
): string {
  return `${origin}/h/${request.binId}${request.path}${request.query ? `?${request.query}` : ""}`;
}

/** Whether the path has `.` or `..` segments (`%2E` counts), which URL parsers resolve away. */
export function hasDotSegment(path: string): boolean {
  return path.split("/").some((segment) => {
    const decoded = segment.replace(/%2e/gi, ".");
    return decoded === "." || decoded === "..";
  });
}

// Connection-level and framing headers: a client reproducing the request computes its own.
const NOT_REPLAYABLE = new Set([
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "upgrade",
  "expect",
]);

/** The headers a client should send again: original order, casing and repeats kept. */
export function replayableHeaders(headers: readonly HeaderPair[]): HeaderPair[] {
  return headers.filter(([name]) => !NOT_REPLAYABLE.has(name.toLowerCase()));
}
