import { z } from "zod";
import type { HeaderPair } from "../requests/types";
import { JSON_EXPORT_FORMAT, JSON_EXPORT_VERSION } from "./json-export";
import { base64ToBytes } from "./request-input";

/** A request read from an import file, ready to be stored in a bin. */
export interface ImportedRequest {
  method: string;
  /** Relative to the bin: "" or starting with "/". */
  path: string;
  /** Without the leading "?". */
  query: string;
  headers: HeaderPair[];
  body: Uint8Array;
  /** When the original was sent, if the file says. */
  receivedAt: Date | null;
}

export interface ImportOptions {
  /** Largest body accepted, in bytes; pass the server's MAX_BODY_BYTES. */
  maxBodyBytes?: number;
}

export const MAX_IMPORT_REQUESTS = 1000;
export const DEFAULT_MAX_IMPORT_BODY_BYTES = 10 * 1024 * 1024;

/** Anything wrong with an import file; the message names where, for showing to the user as is. */
export class ImportError extends Error {
  override name = "ImportError";
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// scheme://authority, then the path and query exactly as written (a URL parser would resolve "..").
const ABSOLUTE_URL = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*([^?#]*)(?:\?([^#]*))?(?:#.*)?$/s;
const CAPTURE_PATH = /^\/h\/[^/]+(.*)$/s;

const hasLineBreakOrNul = (value: string): boolean =>
  value.includes("\r") || value.includes("\n") || value.includes("\0");

/** Percent-encodes (as UTF-8) whatever cannot stand in a request target: controls, spaces, non-ASCII. */
function encodeTargetText(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += code <= 0x20 || code >= 0x7f ? encodeURIComponent(char) : char;
  }
  return out;
}

const method = z.string().regex(TOKEN, "must be an HTTP method such as POST");
const headerValue = z
  .string()
  .refine((value) => !hasLineBreakOrNul(value), "must not contain line breaks or NUL");

type Context = z.core.$RefinementCtx;

function decodeBase64(text: string, ctx: Context, path: PropertyKey[]): Uint8Array | null {
  const compact = text.replace(/\s+/g, "");
  if (!BASE64.test(compact)) {
    ctx.addIssue({ code: "custom", message: "is not valid base64", input: text, path });
    return null;
  }
  return base64ToBytes(compact);
}

function withinLimit(bytes: Uint8Array | null, max: number, ctx: Context, path: PropertyKey[]) {
  if (bytes !== null && bytes.length > max) {
    ctx.addIssue({
      code: "custom",
      message: `the body is ${bytes.length} bytes, over the ${max}-byte limit`,
      input: bytes.length,
      path,
    });
    return null;
  }
  return bytes;
}

const harPostData = z.object({
  mimeType: z.string().optional(),
  text: z.string().optional(),
  encoding: z.string().optional(),
  params: z.array(z.object({ name: z.string(), value: z.string().optional() })).optional(),
});

function harBody(postData: z.infer<typeof harPostData> | undefined, max: number, ctx: Context) {
  if (postData === undefined) return new Uint8Array();
  if (postData.text !== undefined) {
    const path = ["postData", "text"];
    if (postData.encoding === undefined) {
      return withinLimit(new TextEncoder().encode(postData.text), max, ctx, path);
    }
    if (postData.encoding === "base64") {
      return withinLimit(decodeBase64(postData.text, ctx, path), max, ctx, path);
    }
    ctx.addIssue({
      code: "custom",
      message: `unsupported encoding "${postData.encoding}" (only base64 is understood)`,
      input: postData.encoding,
      path: ["postData", "encoding"],
    });
    return null;
  }
  const form = new URLSearchParams((postData.params ?? []).map((param) => [param.name, param.value ?? ""]));
  return withinLimit(new TextEncoder().encode(form.toString()), max, ctx, ["postData", "params"]);
}

function harTarget(url: string, ctx: Context): { path: string; query: string } | null {
  const match = ABSOLUTE_URL.exec(url);
  if (!match) {
    ctx.addIssue({
      code: "custom",
      message: "must be an absolute URL such as https://example.com/hook",
      input: url,
      path: ["url"],
    });
    return null;
  }
  const pathname = match[1] ?? "";
  // A Hookscope capture URL: keep what follows the bin id, so the request lands at the same sub-path.
  const path = CAPTURE_PATH.exec(pathname)?.[1] ?? pathname;
  return { path: encodeTargetText(path), query: encodeTargetText(match[2] ?? "") };
}

function receivedAt(value: string | undefined, ctx: Context, path: PropertyKey[]): Date | null {
  if (value === undefined) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    ctx.addIssue({ code: "custom", message: "must be an ISO 8601 date", input: value, path });
    return null;
  }
  return new Date(time);
}

function harSchema(maxBodyBytes: number) {
  const header = z.object({
    // Browsers record HTTP/2 pseudo-headers (":authority") alongside real ones; those are dropped.
    name: z
      .string()
      .refine((name) => name.startsWith(":") || TOKEN.test(name), "must be a valid header name"),
    value: headerValue,
  });
  const entry = z
    .object({
      startedDateTime: z.string().optional(),
      request: z.object({
        method,
        url: z.string(),
        headers: z.array(header).optional(),
        postData: harPostData.optional(),
      }),
    })
    .transform((input, ctx): ImportedRequest => {
      const target = harTarget(input.request.url, withPrefix(ctx, "request"));
      const body = harBody(input.request.postData, maxBodyBytes, withPrefix(ctx, "request"));
      const time = receivedAt(input.startedDateTime, ctx, ["startedDateTime"]);
      if (target === null || body === null) return z.NEVER;
      return {
        method: input.request.method,
        ...target,
        headers: (input.request.headers ?? [])
          .filter(({ name }) => !name.startsWith(":"))
          .map(({ name, value }): HeaderPair => [name, value]),
        body,
        receivedAt: time,
      };
    });
  return z.object({ log: z.object({ entries: z.array(entry) }) });
}

function jsonSchema(maxBodyBytes: number) {
  const request = z
    .object({
      method,
      path: z
        .string()
        .refine((path) => path === "" || path.startsWith("/"), 'must be empty or start with "/"')
        .transform(encodeTargetText),
      query: z.string().transform(encodeTargetText),
      headers: z.array(z.tuple([z.string().regex(TOKEN, "must be a valid header name"), headerValue])),
      bodyBase64: z.string(),
      receivedAt: z.string().optional(),
    })
    .transform((input, ctx): ImportedRequest => {
      const path = ["bodyBase64"];
      const body = withinLimit(decodeBase64(input.bodyBase64, ctx, path), maxBodyBytes, ctx, path);
      const time = receivedAt(input.receivedAt, ctx, ["receivedAt"]);
      if (body === null) return z.NEVER;
      return {
        method: input.method,
        path: input.path,
        query: input.query,
        headers: input.headers.map(([name, value]): HeaderPair => [name, value]),
        body,
        receivedAt: time,
      };
    });
  return z.object({
    format: z.literal(JSON_EXPORT_FORMAT),
    version: z.literal(JSON_EXPORT_VERSION, {
      error: `unsupported version; this Hookscope reads version ${JSON_EXPORT_VERSION}`,
    }),
    requests: z.array(request),
  });
}

// Issues raised for a nested object from a transform higher up still name their full path.
function withPrefix(ctx: Context, key: PropertyKey): Context {
  return {
    ...ctx,
    addIssue: (issue) => {
      if (typeof issue === "string") ctx.addIssue({ code: "custom", message: issue, path: [key] });
      else ctx.addIssue({ ...issue, path: [key, ...(issue.path ?? [])] });
    },
  };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => {
      if (typeof key === "number") return `[${key}]`;
      const name = String(key);
      return index === 0 ? name : `.${name}`;
    })
    .join("");
}

const SHOWN_ISSUES = 5;

function importError(error: z.ZodError): ImportError {
  const lines = error.issues.slice(0, SHOWN_ISSUES).map((issue) => {
    const where = formatPath(issue.path);
    return where === "" ? issue.message : `${where}: ${issue.message}`;
  });
  const more = error.issues.length - SHOWN_ISSUES;
  return new ImportError(
    `Cannot import this file: ${lines.join("; ")}${more > 0 ? ` (and ${more} more problems)` : ""}`,
  );
}

function countOf(value: unknown, key: string): number {
  if (typeof value !== "object" || value === null) return 0;
  const list: unknown = Reflect.get(value, key);
  return Array.isArray(list) ? list.length : 0;
}

function tooMany(where: string, count: number): ImportError | null {
  if (count <= MAX_IMPORT_REQUESTS) return null;
  return new ImportError(
    `Cannot import this file: ${where} holds ${count} requests, more than the ${MAX_IMPORT_REQUESTS} one import may add.`,
  );
}

function asDocument(input: unknown): object {
  let value = input;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      throw new ImportError("Cannot import this file: it is not valid JSON.");
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ImportError(
      'Cannot import this file: expected a HAR file (with "log") or a Hookscope export (with "format").',
    );
  }
  return value;
}

/**
 * Reads a HAR 1.2 file (from any browser or tool, or Hookscope's own) or a Hookscope JSON export.
 * Accepts the parsed JSON or its text; throws ImportError saying what is wrong and where.
 */
export function parseImport(input: unknown, options: ImportOptions = {}): { requests: ImportedRequest[] } {
  const document = asDocument(input);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_IMPORT_BODY_BYTES;
  if ("log" in document) {
    const excess = tooMany("log.entries", countOf(document.log, "entries"));
    if (excess) throw excess;
    const parsed = harSchema(maxBodyBytes).safeParse(document);
    if (!parsed.success) throw importError(parsed.error);
    return { requests: parsed.data.log.entries };
  }
  if ("format" in document) {
    const excess = tooMany("requests", countOf(document, "requests"));
    if (excess) throw excess;
    const parsed = jsonSchema(maxBodyBytes).safeParse(document);
    if (!parsed.success) throw importError(parsed.error);
    return { requests: parsed.data.requests };
  }
  throw new ImportError(
    'Cannot import this file: expected a HAR file (with "log") or a Hookscope export (with "format").',
  );
}
