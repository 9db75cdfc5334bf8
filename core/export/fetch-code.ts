import { bodyAsText } from "../body/decode-body";
import type { HeaderPair } from "../requests/types";
import {
  bodyBytes,
  bytesToBase64,
  type ExportableRequest,
  hasDotSegment,
  replayableHeaders,
  requestUrl,
} from "./request-input";

export interface FetchCodeOptions {
  /** Scheme, host and port of the capture URL, without a trailing slash. */
  origin: string;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * A JavaScript string literal for any text. JSON escapes quotes, backslashes and controls; U+2028 and
 * U+2029 end lines in older engines and `<` could close a surrounding `<script>`, so they are escaped too.
 */
export function jsString(value: string): string {
  return JSON.stringify(value)
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029")
    .replaceAll("<", "\\u003c");
}

function hasForbiddenByte(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code === 0 || code === 0x0a || code === 0x0d) return true;
  }
  return false;
}

const isAscii = (value: string): boolean => [...value].every((char) => char.charCodeAt(0) < 0x80);

// fetch takes header values as bytes, one per character, and throws above U+00FF; the helper turns
// non-ASCII text into its UTF-8 bytes, which is how the sender's value reached Hookscope.
const UTF8_HELPER = "const utf8 = (text) => String.fromCharCode(...new TextEncoder().encode(text));";

function headerEntry([name, value]: HeaderPair): string {
  return `    [${jsString(name)}, ${isAscii(value) ? jsString(value) : `utf8(${jsString(value)})`}],`;
}

function bodyExpression(bytes: Uint8Array): string {
  const text = bodyAsText(bytes);
  if (text !== null) return jsString(text);
  return `Uint8Array.from(atob(${jsString(bytesToBase64(bytes))}), (c) => c.charCodeAt(0))`;
}

/** Code that sends the captured request again with `fetch`: `await fetch(url, { method, headers, body })`. */
export function fetchCode(request: ExportableRequest, { origin }: FetchCodeOptions): string {
  const comments: string[] = [];
  if (request.bodyTooLarge) {
    comments.push("// The body was over the size limit and Hookscope did not store it; this sends none.");
  }
  if (hasDotSegment(request.path)) {
    comments.push(
      '// fetch resolves "." and ".." in the path, so the target will not match the capture exactly.',
    );
  }
  const headers: HeaderPair[] = [];
  for (const [name, value] of replayableHeaders(request.headers)) {
    if (TOKEN.test(name) && !hasForbiddenByte(value)) headers.push([name, value]);
    else comments.push(`// Skipped header ${jsString(name)}: fetch cannot send its name or value.`);
  }
  const bytes = bodyBytes(request);
  const method = request.method.toUpperCase();
  const bodyAllowed = method !== "GET" && method !== "HEAD";
  if (bytes.length > 0 && !bodyAllowed) {
    comments.push(`// fetch cannot send a body with ${method}; the ${bytes.length}-byte body is left out.`);
  }
  const options = [
    `  method: ${jsString(request.method)},`,
    ...(headers.length > 0 ? ["  headers: [", ...headers.map(headerEntry), "  ],"] : []),
    ...(bytes.length > 0 && bodyAllowed ? [`  body: ${bodyExpression(bytes)},`] : []),
  ];
  const helper = headers.some(([, value]) => !isAscii(value)) ? [UTF8_HELPER] : [];
  return [
    ...comments,
    ...helper,
    `await fetch(${jsString(requestUrl(request, origin))}, {`,
    ...options,
    "});",
  ].join("\n");
}
