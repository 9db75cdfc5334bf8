import type { Entry } from "har-format";
import { describe, expect, it } from "vitest";
import { bodyAsText } from "../body/decode-body";
import { parseCookies, parseQueryString, toHar } from "./har";
import { parseImport } from "./import";
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

const options = { origin: "https://hooks.example.com", creator: { name: "Hookscope", version: "0.1.0" } };

const json = captured({
  id: "7",
  path: "/stripe",
  query: "a=1&b=x%20y&c=%E2%9C%93&bad=%zz&flag&plus=a+b",
  headers: [
    ["Host", "hooks.example.com"],
    ["Content-Type", "application/json"],
    ["Cookie", "session=abc; theme=dark"],
    ["cookie", "x=1=2"],
  ],
  contentType: "application/json",
  body: '{"id":"evt_1"}',
  receivedAt: "2024-05-01T12:00:02.000Z",
  signature: { verdict: "valid", scheme: "stripe", reason: "Matched the current secret." },
});
const binary = captured({
  id: "6",
  method: "PUT",
  path: "/a/../b%2Fc",
  headers: [["Content-Type", "application/octet-stream"]],
  contentType: "application/octet-stream",
  body: Uint8Array.from([0x00, 0xff, 0x80, 0x41]),
  receivedAt: "2024-05-01T12:00:01.000Z",
  responseStatus: 202,
});
const refused = captured({
  id: "8",
  bodyTooLarge: true,
  responseStatus: 413,
  receivedAt: "2024-05-01T12:00:03.000Z",
});

// The fields HAR 1.2 requires, checked by hand so the test does not trust the types it exercises.
function expectValidEntry(entry: Entry): void {
  expect(typeof entry.startedDateTime).toBe("string");
  expect(Number.isNaN(Date.parse(entry.startedDateTime))).toBe(false);
  expect(typeof entry.time).toBe("number");
  const { request, response } = entry;
  for (const field of ["method", "url", "httpVersion"] as const) expect(typeof request[field]).toBe("string");
  for (const list of [
    request.headers,
    request.queryString,
    request.cookies,
    response.headers,
    response.cookies,
  ]) {
    expect(Array.isArray(list)).toBe(true);
    for (const pair of list) {
      expect(typeof pair.name).toBe("string");
      expect(typeof pair.value).toBe("string");
    }
  }
  expect(request.headersSize).toBe(-1);
  expect(typeof request.bodySize).toBe("number");
  if (request.postData) expect(typeof request.postData.mimeType).toBe("string");
  expect(typeof response.status).toBe("number");
  expect(typeof response.statusText).toBe("string");
  expect(typeof response.httpVersion).toBe("string");
  expect(typeof response.content.size).toBe("number");
  expect(typeof response.content.mimeType).toBe("string");
  expect(typeof response.redirectURL).toBe("string");
  expect(typeof response.headersSize).toBe("number");
  expect(typeof response.bodySize).toBe("number");
  expect(entry.cache).toEqual({});
  for (const timing of ["send", "wait", "receive"] as const)
    expect(typeof entry.timings[timing]).toBe("number");
}

describe("toHar", () => {
  const har = toHar([json, refused, binary], options);

  it("writes a HAR 1.2 log with the creator and every required field", () => {
    expect(har.log.version).toBe("1.2");
    expect(har.log.creator).toEqual({ name: "Hookscope", version: "0.1.0" });
    expect(har.log.entries).toHaveLength(3);
    for (const entry of har.log.entries) expectValidEntry(entry);
  });

  it("orders entries oldest first", () => {
    expect(har.log.entries.map((entry) => entry._hookscope)).toMatchObject([
      { id: "6" },
      { id: "7" },
      { id: "8" },
    ]);
  });

  it("describes the request as captured", () => {
    const entry = har.log.entries[1] as Entry;
    expect(entry.startedDateTime).toBe("2024-05-01T12:00:02.000Z");
    expect(entry.request.method).toBe("POST");
    expect(entry.request.url).toBe(`https://hooks.example.com/h/bin1/stripe?${json.query}`);
    expect(entry.request.httpVersion).toBe("HTTP/1.1");
    expect(entry.request.headers.map(({ name, value }) => [name, value])).toEqual(json.headers);
    expect(entry.request.bodySize).toBe(14);
    expect(entry.request.postData).toEqual({ mimeType: "application/json", text: '{"id":"evt_1"}' });
  });

  it("decodes the query, keeping malformed escapes as written", () => {
    expect((har.log.entries[1] as Entry).request.queryString).toEqual([
      { name: "a", value: "1" },
      { name: "b", value: "x y" },
      { name: "c", value: "✓" },
      { name: "bad", value: "%zz" },
      { name: "flag", value: "" },
      { name: "plus", value: "a b" },
    ]);
  });

  it("reads cookies from every Cookie header", () => {
    expect((har.log.entries[1] as Entry).request.cookies).toEqual([
      { name: "session", value: "abc" },
      { name: "theme", value: "dark" },
      { name: "x", value: "1=2" },
    ]);
  });

  it("stores a body that is not UTF-8 as base64, and says so", () => {
    expect((har.log.entries[0] as Entry).request.postData).toEqual({
      mimeType: "application/octet-stream",
      text: "AP+AQQ==",
      encoding: "base64",
      comment: "The body is not valid UTF-8, so text holds it base64-encoded.",
    });
  });

  it("records what Hookscope answered, with unknowns as HAR spells them", () => {
    expect((har.log.entries[0] as Entry).response).toEqual({
      status: 202,
      statusText: "",
      httpVersion: "HTTP/1.1",
      headers: [],
      cookies: [],
      content: { size: 0, mimeType: "x-unknown" },
      redirectURL: "",
      headersSize: -1,
      bodySize: -1,
    });
  });

  it("keeps Hookscope's own facts under _hookscope", () => {
    expect((har.log.entries[1] as Entry)._hookscope).toEqual({
      id: "7",
      binId: "bin1",
      signature: { verdict: "valid", scheme: "stripe", reason: "Matched the current secret." },
      duplicate: null,
      bodyTooLarge: false,
    });
    const tooLarge = har.log.entries[2] as Entry;
    expect(tooLarge._hookscope).toMatchObject({ bodyTooLarge: true });
    expect(tooLarge.request.bodySize).toBe(-1);
    expect(tooLarge.request.postData).toBeUndefined();
  });

  it("survives JSON serialisation and the import parser with exact bytes", () => {
    const { requests } = parseImport(JSON.parse(JSON.stringify(har)));
    expect(requests).toEqual([
      {
        method: "PUT",
        path: "/a/../b%2Fc",
        query: "",
        headers: [["Content-Type", "application/octet-stream"]],
        body: Uint8Array.from([0x00, 0xff, 0x80, 0x41]),
        receivedAt: new Date("2024-05-01T12:00:01.000Z"),
      },
      {
        method: "POST",
        path: "/stripe",
        query: json.query,
        headers: json.headers,
        body: utf8('{"id":"evt_1"}'),
        receivedAt: new Date("2024-05-01T12:00:02.000Z"),
      },
      {
        method: "POST",
        path: "",
        query: "",
        headers: [],
        body: new Uint8Array(),
        receivedAt: new Date("2024-05-01T12:00:03.000Z"),
      },
    ]);
  });
});

describe("parseQueryString", () => {
  it("returns nothing for an empty query and skips empty pieces", () => {
    expect(parseQueryString("")).toEqual([]);
    expect(parseQueryString("&a=1&&")).toEqual([{ name: "a", value: "1" }]);
  });
});

describe("parseCookies", () => {
  it("ignores other headers and empty pieces", () => {
    expect(
      parseCookies([
        ["Set-Cookie", "a=1"],
        ["Cookie", " ; b=2;"],
      ]),
    ).toEqual([{ name: "b", value: "2" }]);
  });
});
