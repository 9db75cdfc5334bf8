import type { Cookie, Entry, Har, Header, PostData, QueryString } from "har-format";
import { bodyAsText } from "../body/decode-body";
import type { DuplicateInfo, HeaderPair } from "../requests/types";
import type { SignatureVerdict } from "../signatures/types";
import { bodyBytes, bytesToBase64, type ExportableRequest, requestUrl } from "./request-input";

export interface HarOptions {
  /** Scheme, host and port of the capture URL, without a trailing slash. */
  origin: string;
  creator: { name: string; version: string };
}

/** Hookscope's own facts about an entry, under `_hookscope` as HAR custom fields must be prefixed. */
export interface HookscopeEntryFields {
  id: string;
  binId: string;
  signature: SignatureVerdict | null;
  duplicate: DuplicateInfo | null;
  bodyTooLarge: boolean;
}

/** HAR 1.2 has no encoding for request bodies; this is the field Chrome and others read for it. */
export type HarPostData = PostData & { encoding?: "base64" };

/** A URL-decoded component, or the raw text when its percent escapes are malformed. */
function decodeComponent(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll("+", " "));
  } catch {
    return raw;
  }
}

/** The query as name/value pairs, decoded like a form (`+` is a space), in order, repeats kept. */
export function parseQueryString(query: string): QueryString[] {
  if (query === "") return [];
  return query
    .split("&")
    .filter((part) => part !== "")
    .map((part) => {
      const equals = part.indexOf("=");
      const name = equals === -1 ? part : part.slice(0, equals);
      const value = equals === -1 ? "" : part.slice(equals + 1);
      return { name: decodeComponent(name), value: decodeComponent(value) };
    });
}

/** Cookies from every `Cookie` header, values kept as sent (cookies have no standard encoding). */
export function parseCookies(headers: readonly HeaderPair[]): Cookie[] {
  return headers
    .filter(([name]) => name.toLowerCase() === "cookie")
    .flatMap(([, value]) => value.split(";"))
    .map((pair) => {
      const equals = pair.indexOf("=");
      return equals === -1
        ? { name: pair.trim(), value: "" }
        : { name: pair.slice(0, equals).trim(), value: pair.slice(equals + 1).trim() };
    })
    .filter((cookie) => cookie.name !== "");
}

function postData(bytes: Uint8Array, mimeType: string): HarPostData {
  const text = bodyAsText(bytes);
  if (text !== null) return { mimeType, text };
  return {
    mimeType,
    text: bytesToBase64(bytes),
    encoding: "base64",
    comment: "The body is not valid UTF-8, so text holds it base64-encoded.",
  };
}

function toEntry(request: ExportableRequest, options: HarOptions): Entry {
  const bytes = bodyBytes(request);
  const headers: Header[] = request.headers.map(([name, value]) => ({ name, value }));
  const hookscope: HookscopeEntryFields = {
    id: request.id,
    binId: request.binId,
    signature: request.signature ?? null,
    duplicate: request.duplicate ?? null,
    bodyTooLarge: request.bodyTooLarge,
  };
  return {
    startedDateTime: request.receivedAt,
    time: 0,
    request: {
      method: request.method,
      url: requestUrl(request, options.origin),
      httpVersion: "HTTP/1.1",
      headers,
      queryString: parseQueryString(request.query),
      cookies: parseCookies(request.headers),
      headersSize: -1,
      // The size of a body that was refused is not known from what was stored.
      bodySize: request.bodyTooLarge ? -1 : bytes.length,
      ...(bytes.length > 0 ? { postData: postData(bytes, request.contentType ?? "") } : {}),
    },
    // What Hookscope answered; only the status is recorded, so the rest is the HAR "unknown" form.
    response: {
      status: request.responseStatus,
      statusText: "",
      httpVersion: "HTTP/1.1",
      headers: [],
      cookies: [],
      content: { size: 0, mimeType: "x-unknown" },
      redirectURL: "",
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    _hookscope: hookscope,
  };
}

/** An HTTP Archive 1.2 of captured requests, oldest first, readable by browsers' devtools and proxies. */
export function toHar(requests: readonly ExportableRequest[], options: HarOptions): Har {
  const oldestFirst = [...requests].sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
  return {
    log: {
      version: "1.2",
      creator: { name: options.creator.name, version: options.creator.version },
      entries: oldestFirst.map((request) => toEntry(request, options)),
    },
  };
}
