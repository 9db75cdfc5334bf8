import { describe, expect, it } from "vitest";
import { bodyAsText } from "../body/decode-body";
import { toHar } from "./har";
import { ImportError, MAX_IMPORT_REQUESTS, parseImport } from "./import";
import { toJsonExport } from "./json-export";
import { bytesToBase64, type ExportableRequest } from "./request-input";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function captured(
  fields: Partial<Omit<ExportableRequest, "bodyBase64" | "bodyText">> & { body?: Uint8Array | string },
): ExportableRequest {
  const { body = new Uint8Array(), ...rest } = fields;
  const bytes = typeof body === "string" ? utf8(body) : body;
  return {
    id: "1",
    binId: "bin1",
    method: "POST",
    path: "",
    query: "",
    headers: [],
    contentType: null,
    receivedAt: "2024-05-01T12:00:00.000Z",
    responseStatus: 200,
    bodyTooLarge: false,
    ...rest,
    bodyBase64: bytesToBase64(bytes),
    bodyText: bodyAsText(bytes),
  };
}

// Trimmed from a Chrome DevTools "Save all as HAR with content" export.
const chromeHar = {
  log: {
    version: "1.2",
    creator: { name: "WebInspector", version: "537.36" },
    pages: [{ startedDateTime: "2024-05-01T10:00:00.000Z", id: "page_1", title: "https://app.example.com/" }],
    entries: [
      {
        _initiator: { type: "script" },
        _priority: "High",
        _resourceType: "fetch",
        cache: {},
        connection: "443",
        pageref: "page_1",
        request: {
          method: "POST",
          url: "https://api.example.com/v1/forms/submit?src=web&q=a%20b",
          httpVersion: "http/2.0",
          headers: [
            { name: ":authority", value: "api.example.com" },
            { name: ":method", value: "POST" },
            { name: ":path", value: "/v1/forms/submit?src=web&q=a%20b" },
            { name: ":scheme", value: "https" },
            { name: "content-type", value: "application/x-www-form-urlencoded" },
            { name: "accept", value: "*/*" },
          ],
          queryString: [
            { name: "src", value: "web" },
            { name: "q", value: "a%20b" },
          ],
          cookies: [],
          headersSize: -1,
          bodySize: 19,
          postData: {
            mimeType: "application/x-www-form-urlencoded",
            params: [
              { name: "name", value: "Ada L" },
              { name: "tags", value: "a&b" },
            ],
          },
        },
        response: {
          status: 200,
          statusText: "",
          httpVersion: "http/2.0",
          headers: [],
          cookies: [],
          content: { size: 2, mimeType: "application/json", text: "{}" },
          redirectURL: "",
          headersSize: -1,
          bodySize: -1,
          _transferSize: 120,
        },
        serverIPAddress: "203.0.113.7",
        startedDateTime: "2024-05-01T10:00:01.250Z",
        time: 84.2,
        timings: { blocked: 1.1, dns: -1, ssl: -1, connect: -1, send: 0.2, wait: 80.1, receive: 2.8 },
      },
      {
        cache: {},
        request: {
          method: "GET",
          url: "https://hooks.example.com/h/abc123?ping=1#ignored",
          httpVersion: "http/1.1",
          headers: [{ name: "Accept", value: "application/json" }],
          queryString: [{ name: "ping", value: "1" }],
          cookies: [],
          headersSize: 120,
          bodySize: 0,
        },
        response: {
          status: 204,
          statusText: "No Content",
          httpVersion: "http/1.1",
          headers: [],
          cookies: [],
          content: { size: 0, mimeType: "x-unknown" },
          redirectURL: "",
          headersSize: 80,
          bodySize: 0,
        },
        startedDateTime: "2024-05-01T10:00:02.000Z",
        time: 10,
        timings: { send: 0, wait: 10, receive: 0 },
      },
    ],
  },
};

function importMessage(input: unknown, maxBodyBytes?: number): string {
  try {
    parseImport(input, { maxBodyBytes });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).message;
  }
  throw new Error("expected parseImport to throw");
}

function harWith(request: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown {
  return {
    log: { entries: [{ request: { method: "POST", url: "https://x.test/h/b/p", ...request }, ...extra }] },
  };
}

describe("parseImport from a Chrome HAR", () => {
  const { requests } = parseImport(chromeHar);

  it("reads every entry in order", () => {
    expect(requests.map((request) => request.method)).toEqual(["POST", "GET"]);
  });

  it("keeps the whole pathname of a foreign URL and the raw query", () => {
    expect(requests[0]).toMatchObject({ path: "/v1/forms/submit", query: "src=web&q=a%20b" });
  });

  it("drops HTTP/2 pseudo-headers and keeps the rest in order", () => {
    expect(requests[0]?.headers).toEqual([
      ["content-type", "application/x-www-form-urlencoded"],
      ["accept", "*/*"],
    ]);
  });

  it("rebuilds a form body from params when there is no text", () => {
    expect(bodyAsText(requests[0]?.body ?? new Uint8Array())).toBe("name=Ada+L&tags=a%26b");
  });

  it("takes the sub-path after a capture URL's bin id and drops the fragment", () => {
    expect(requests[1]).toEqual({
      method: "GET",
      path: "",
      query: "ping=1",
      headers: [["Accept", "application/json"]],
      body: new Uint8Array(),
      receivedAt: new Date("2024-05-01T10:00:02.000Z"),
    });
  });

  it("accepts the file as text too", () => {
    expect(parseImport(JSON.stringify(chromeHar)).requests).toEqual(requests);
  });
});

describe("parseImport of Hookscope's own exports", () => {
  const originals = [
    captured({
      id: "1",
      method: "PUT",
      path: "/a/../b%2Fc/",
      query: "x=%zz&y",
      headers: [
        ["Content-Type", "application/octet-stream"],
        ["X-Repeat", "1"],
        ["x-repeat", "2"],
      ],
      body: Uint8Array.from([0x00, 0xff, 0xfe, 0x0a, 0x80]),
      receivedAt: "2024-05-01T12:00:00.000Z",
    }),
    captured({
      id: "2",
      headers: [["Content-Type", "text/plain; charset=utf-8"]],
      body: "café ✓\r\n😀",
      receivedAt: "2024-05-01T12:00:01.000Z",
    }),
  ];
  const expected = originals.map((request) => ({
    method: request.method,
    path: request.path,
    query: request.query,
    headers: request.headers,
    body: Uint8Array.from(atob(request.bodyBase64), (c) => c.charCodeAt(0)),
    receivedAt: new Date(request.receivedAt),
  }));

  it("round-trips a HAR export, binary body included", () => {
    const har = toHar(originals, {
      origin: "https://h.example",
      creator: { name: "Hookscope", version: "1" },
    });
    expect(parseImport(JSON.parse(JSON.stringify(har))).requests).toEqual(expected);
  });

  it("round-trips the JSON export", () => {
    const exported = toJsonExport(originals, { bin: { id: "bin1", name: "Stripe" } });
    expect(parseImport(JSON.stringify(exported)).requests).toEqual(expected);
  });
});

describe("parseImport rejects", () => {
  it.each([
    ["text that is not JSON", "{nope", "Cannot import this file: it is not valid JSON."],
    ["a number", 42, 'expected a HAR file (with "log") or a Hookscope export (with "format")'],
    ["an array", [], 'expected a HAR file (with "log") or a Hookscope export (with "format")'],
    ["null", null, 'expected a HAR file (with "log") or a Hookscope export (with "format")'],
    ["an object of neither kind", { hello: 1 }, 'expected a HAR file (with "log")'],
    ["a HAR without entries", { log: {} }, "log.entries: Invalid input: expected array, received undefined"],
    ["a missing method", harWith({ method: undefined }), "log.entries[0].request.method: Invalid input"],
    [
      "a method with spaces",
      harWith({ method: "PO ST" }),
      "log.entries[0].request.method: must be an HTTP method",
    ],
    ["a relative URL", harWith({ url: "/h/b" }), "log.entries[0].request.url: must be an absolute URL"],
    [
      "a header value with a line break",
      harWith({ headers: [{ name: "X-A", value: "1\r\nX-B: 2" }] }),
      "log.entries[0].request.headers[0].value: must not contain line breaks or NUL",
    ],
    [
      "a header name that is not a token",
      harWith({ headers: [{ name: "X A", value: "1" }] }),
      "log.entries[0].request.headers[0].name: must be a valid header name",
    ],
    [
      "bad base64",
      harWith({ postData: { mimeType: "x", text: "@@@", encoding: "base64" } }),
      "log.entries[0].request.postData.text: is not valid base64",
    ],
    [
      "an unknown body encoding",
      harWith({ postData: { mimeType: "x", text: "a", encoding: "gzip" } }),
      'log.entries[0].request.postData.encoding: unsupported encoding "gzip"',
    ],
    [
      "a date that is not one",
      harWith({}, { startedDateTime: "yesterday" }),
      "log.entries[0].startedDateTime: must be an ISO 8601 date",
    ],
    [
      "an unknown export format",
      { format: "other", version: 1, requests: [] },
      'format: Invalid input: expected "hookscope.requests"',
    ],
    [
      "a newer export version",
      { format: "hookscope.requests", version: 2, requests: [] },
      "version: unsupported version; this Hookscope reads version 1",
    ],
    [
      "an export request with a path outside the bin",
      {
        format: "hookscope.requests",
        version: 1,
        requests: [{ method: "GET", path: "x", query: "", headers: [], bodyBase64: "" }],
      },
      'requests[0].path: must be empty or start with "/"',
    ],
  ])("%s", (_label, input, message) => {
    expect(importMessage(input)).toContain(message);
  });

  it("a body over the size limit, naming the limit", () => {
    expect(importMessage(harWith({ postData: { mimeType: "text/plain", text: "12345" } }), 4)).toBe(
      "Cannot import this file: log.entries[0].request.postData.text: the body is 5 bytes, over the 4-byte limit",
    );
  });

  it("a JSON export body over the size limit", () => {
    const exported = toJsonExport([captured({ body: "12345" })], { bin: { id: "b", name: "B" } });
    expect(importMessage(exported, 4)).toContain(
      "requests[0].bodyBase64: the body is 5 bytes, over the 4-byte limit",
    );
  });

  it("more entries than one import may add", () => {
    const entry = { request: { method: "GET", url: "https://x.test/" } };
    const entries = Array.from({ length: MAX_IMPORT_REQUESTS + 1 }, () => entry);
    expect(importMessage({ log: { entries } })).toBe(
      `Cannot import this file: log.entries holds ${MAX_IMPORT_REQUESTS + 1} requests, more than the ${MAX_IMPORT_REQUESTS} one import may add.`,
    );
    expect(parseImport({ log: { entries: entries.slice(1) } }).requests).toHaveLength(MAX_IMPORT_REQUESTS);
  });

  it("lists a few problems and counts the rest", () => {
    const entries = Array.from({ length: 8 }, () => ({ request: { method: "", url: "https://x.test/" } }));
    const message = importMessage({ log: { entries } });
    expect(message).toContain("log.entries[0].request.method: must be an HTTP method");
    expect(message).toContain("log.entries[4].request.method");
    expect(message).not.toContain("log.entries[5]");
    expect(message).toMatch(/\(and 3 more problems\)$/);
  });
});
