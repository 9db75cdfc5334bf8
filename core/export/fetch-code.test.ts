import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RecordingServer, recordingServer } from "../../test/recording-server";
import { bodyAsText } from "../body/decode-body";
import type { HeaderPair } from "../requests/types";
import { fetchCode, jsString } from "./fetch-code";
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

let target: RecordingServer;

beforeAll(async () => {
  target = await recordingServer();
});

afterAll(() => target.close());

type AsyncFunctionConstructor = new (body: string) => () => Promise<unknown>;
const AsyncFunction: AsyncFunctionConstructor = Object.getPrototypeOf(async () => {}).constructor;

const sendThroughFetch = (request: ExportableRequest) =>
  target.receiveOne(() => new AsyncFunction(fetchCode(request, { origin: target.url }))());

// fetch folds repeats of a name into one comma-separated value and lower-cases names.
function valuesByName(headers: readonly HeaderPair[]): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), value]);
  }
  return new Map([...byName].map(([name, values]) => [name, values.join(", ")]));
}

async function expectRoundTrip(request: ExportableRequest, body: Uint8Array): Promise<void> {
  const got = await sendThroughFetch(request);
  expect(got.method).toBe(request.method);
  expect(got.url).toBe(`/h/${request.binId}${request.path}${request.query ? `?${request.query}` : ""}`);
  expect(got.body).toEqual(body);
  const receivedHeaders = valuesByName(got.headers);
  for (const [name, value] of valuesByName(request.headers)) {
    if (name === "host" || name === "content-length") continue;
    expect(receivedHeaders.get(name), name).toBe(value);
  }
}

const hostile =
  "</script><script>alert(1)</script> \"quoted\" 'single' back\\slash \u2028 \u2029 \u0024{x} `t` é 😀";

describe("jsString", () => {
  it.each([
    ["a closing script tag", "</script>", '"\\u003c/script>"'],
    ["quotes and backslashes", `"a\\b'`, `"\\"a\\\\b'"`],
    ["unicode line and paragraph separators", "a\u2028b\u2029c", '"a\\u2028b\\u2029c"'],
    ["newlines and NUL", "a\nb\0", '"a\\nb\\u0000"'],
  ])("escapes %s", (_label, input, literal) => {
    expect(jsString(input)).toBe(literal);
  });

  it("evaluates back to the same string", () => {
    expect(new Function(`return ${jsString(hostile)};`)()).toBe(hostile);
  });
});

describe("fetchCode", () => {
  it("writes one fetch call with method, headers in order and a text body", () => {
    const request = captured({
      path: "/hook",
      headers: [
        ["Host", "example.com"],
        ["Content-Type", "application/json"],
        ["X-A", "1"],
      ],
      body: '{"a":1}',
    });
    expect(fetchCode(request, { origin: "https://h.example" })).toBe(
      [
        'await fetch("https://h.example/h/bin1/hook", {',
        '  method: "POST",',
        "  headers: [",
        '    ["Content-Type", "application/json"],',
        '    ["X-A", "1"],',
        "  ],",
        '  body: "{\\"a\\":1}",',
        "});",
      ].join("\n"),
    );
  });

  it("emits a binary body as bytes decoded from base64", () => {
    const code = fetchCode(captured({ body: Uint8Array.from([0, 255]) }), { origin: "http://h" });
    expect(code).toContain('body: Uint8Array.from(atob("AP8="), (c) => c.charCodeAt(0)),');
  });

  it("leaves out a body that fetch cannot send with GET, and says so", () => {
    const code = fetchCode(captured({ method: "GET", body: "x" }), { origin: "http://h" });
    expect(code).not.toContain("body:");
    expect(code.split("\n")[0]).toBe("// fetch cannot send a body with GET; the 1-byte body is left out.");
  });

  it("skips a header with a line break in a comment that cannot end early", () => {
    const code = fetchCode(captured({ headers: [["X-A\nalert(1)", "v"]] }), { origin: "http://h" });
    expect(code.split("\n")[0]).toBe(
      '// Skipped header "X-A\\nalert(1)": fetch cannot send its name or value.',
    );
  });

  it("warns that fetch resolves dot segments in the path", () => {
    const code = fetchCode(captured({ path: "/a/../b" }), { origin: "http://h" });
    expect(code.split("\n")[0]).toMatch(/^\/\/ fetch resolves "\." and "\.\."/);
  });

  it("notes a body that was too large to store", () => {
    const code = fetchCode(captured({ bodyTooLarge: true }), { origin: "http://h" });
    expect(code.split("\n")[0]).toMatch(/^\/\/ .*not store/);
  });
});

describe("fetchCode evaluated against a server", () => {
  it("sends a JSON body and headers", async () => {
    const body = '{"id":"evt_1","n":[1,2]}';
    await expectRoundTrip(
      captured({
        path: "/stripe",
        query: "a=1&b=%20",
        headers: [
          ["Content-Type", "application/json"],
          ["X-Repeat", "1"],
          ["x-repeat", "2"],
        ],
        body,
      }),
      utf8(body),
    );
  });

  it("sends hostile strings in the body, headers and query literally", async () => {
    await expectRoundTrip(
      captured({
        method: "PUT",
        path: "/a'b/c%2Fd",
        query: "q=%3C/script%3E",
        headers: [
          ["Content-Type", "text/plain; charset=utf-8"],
          ["X-Unicode", "café ✓ 日本"],
          ["X-Quotes", `"a" 'b' \\c </script>`],
        ],
        body: hostile,
      }),
      utf8(hostile),
    );
  });

  it("sends a binary body with NUL and 0xFF bytes exactly", async () => {
    const body = Uint8Array.from([0x00, 0xff, 0x41, 0x00, 0x0a, 0xfe, 0x80, 0xc3]);
    await expectRoundTrip(captured({ headers: [["Content-Type", "application/octet-stream"]], body }), body);
  });

  it("sends a GET without a body", async () => {
    await expectRoundTrip(captured({ method: "GET", path: "/poll", query: "x=1" }), new Uint8Array());
  });
});
