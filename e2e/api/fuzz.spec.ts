import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { type CreatedBin, createBin, nodeHttp } from "../helpers";

// Property-based fuzzing of every API route's input (path parameters, query, JSON body, content type,
// credentials): whatever comes in, the answer is never a 5xx and never shows a stack trace or a file
// path from the server. FUZZ_RUNS raises the number of inputs per route (default 25).
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

// Field names the routes' schemas know, so generated objects reach past "unknown key" into validation.
const FIELDS = [
  "name",
  "alias",
  "accessCode",
  "secret",
  "previousSecret",
  "scheme",
  "customScheme",
  "duplicates",
  "fingerprint",
  "header",
  "response",
  "failure",
  "status",
  "headers",
  "body",
  "bodyBase64",
  "cors",
  "maxRequests",
  "rateLimitPerMinute",
  "forwarding",
  "url",
  "appendPath",
  "resign",
  "method",
  "ids",
  "label",
  "requestId",
  "expiresAt",
  "log",
  "entries",
  "requests",
  "format",
  "version",
];
const QUERY_KEYS = [
  "limit",
  "before",
  "after",
  "method",
  "verdict",
  "duplicates",
  "status",
  "since",
  "until",
  "q",
  "format",
  "timeout",
  "only",
];

const plausible = fc.constantFrom<unknown>(
  "http://127.0.0.1:9/x",
  "https://",
  "github",
  "stripe",
  "auto",
  "POST",
  "200",
  "1",
  "-1",
  "1e309",
  "",
  " ",
  "\u0000",
  "\ud800",
  "<script>alert(1)</script>",
  "%",
  "'; drop table bins; --",
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 53,
  1e308,
  null,
  [],
  {},
  [["x-a", "b"]],
  { log: { entries: [] } },
);
const value: fc.Arbitrary<unknown> = fc.oneof(plausible, fc.jsonValue({ maxDepth: 3 }), fc.string());
const objectBody = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 });
const body = fc.oneof(
  objectBody.map((object) => JSON.stringify(object)),
  fc.jsonValue({ maxDepth: 4 }).map((json) => JSON.stringify(json)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom("", "{", "[]", "null", '{"name":', "\u0000\u0001", '{"__proto__":{"x":1}}'),
);
const contentType = fc.constantFrom(
  "application/json",
  "text/plain",
  "",
  "application/x-www-form-urlencoded",
  "application/json; charset=latin1",
);
// String() throws on generated objects such as {"toString": 1}; JSON text is what a client would send.
function asQueryValue(item: unknown): string {
  return typeof item === "string" ? item : JSON.stringify(item);
}
const query = fc
  .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), fc.oneof(value.map(asQueryValue), fc.string())), {
    maxLength: 5,
  })
  .map((pairs) => new URLSearchParams(pairs).toString());
type Credential = "owner" | "none" | "garbage" | "other";
const credential = fc.constantFrom<Credential>("owner", "owner", "owner", "none", "garbage", "other");

interface Fixture {
  bin: CreatedBin;
  other: CreatedBin;
  requestId: string;
  shareId: string;
}

interface Route {
  method: string;
  /** The path with the fixture's ids, or a fuzzed segment where `segment` is given. */
  path: (fixture: Fixture, segment: string | null) => string;
  withBody?: boolean;
  /** Queries that could make the route wait: forced to answer at once. */
  fixedQuery?: string;
}

const ROUTES: Route[] = [
  { method: "POST", path: () => "/api/bins", withBody: true },
  { method: "GET", path: (f, s) => `/api/bins/${s ?? f.bin.id}` },
  { method: "PATCH", path: (f, s) => `/api/bins/${s ?? f.bin.id}`, withBody: true },
  { method: "GET", path: (f, s) => `/api/bins/${s ?? f.bin.id}/requests` },
  { method: "GET", path: (f, s) => `/api/bins/${f.bin.id}/requests/${s ?? f.requestId}` },
  { method: "GET", path: (f, s) => `/api/bins/${s ?? f.bin.id}/requests/next`, fixedQuery: "timeout=0" },
  { method: "GET", path: (f, s) => `/api/bins/${f.bin.id}/requests/${s ?? f.requestId}/replays` },
  {
    method: "POST",
    path: (f, s) => `/api/bins/${f.bin.id}/requests/${s ?? f.requestId}/replay`,
    withBody: true,
  },
  { method: "POST", path: (f, s) => `/api/bins/${s ?? f.bin.id}/replay`, withBody: true },
  { method: "POST", path: (f, s) => `/api/bins/${s ?? f.bin.id}/reverify`, withBody: true },
  { method: "GET", path: (f, s) => `/api/bins/${s ?? f.bin.id}/export` },
  { method: "POST", path: (f, s) => `/api/bins/${s ?? f.bin.id}/import`, withBody: true },
  { method: "GET", path: (f, s) => `/api/bins/${s ?? f.bin.id}/shares` },
  { method: "POST", path: (f, s) => `/api/bins/${s ?? f.bin.id}/shares`, withBody: true },
  { method: "DELETE", path: (f, s) => `/api/bins/${f.bin.id}/shares/${s ?? f.shareId}` },
  { method: "POST", path: (f, s) => `/api/bins/${s ?? f.bin.id}/session`, withBody: true },
  { method: "DELETE", path: (f, s) => `/api/bins/${f.bin.id}/requests/${s ?? f.requestId}` },
  { method: "GET", path: (f, s) => `/api/bins/${s ?? f.bin.id}/events` },
  { method: "GET", path: (_, s) => `/share/${s ?? "hss_nothing"}` },
];

// A segment that is not the fixture's id: random text, traversal, huge, or look-alike.
const segment = fc.option(
  fc.oneof(
    fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
    fc.constantFrom("..", "%2e%2e", "%00", "0", "-1", "99999999999999999999", "a".repeat(3000), "null"),
  ),
  { freq: 2 },
);

const LEAKS = [
  /\n\s+at\s+\S+\s\(/,
  /at .*\.(?:m?js|ts):\d+:\d+/,
  /node_modules/,
  /\/work\//,
  /Error: .*\n\s+at /,
];

async function fixture(request: Parameters<typeof createBin>[0], baseURL: string): Promise<Fixture> {
  const bin = await createBin(request, "fuzz");
  const other = await createBin(request, "other");
  const captured = await nodeHttp(`${baseURL}/h/${bin.id}/first`, { body: '{"id":"evt_1"}' });
  const requestId = captured.headers["x-hookscope-request-id"] as string;
  const share = await request.post(`/api/bins/${bin.id}/shares`, {
    headers: { authorization: `Bearer ${bin.token}` },
    data: {},
  });
  expect(share.status()).toBe(201);
  return { bin, other, requestId, shareId: (await share.json()).id };
}

for (const route of ROUTES) {
  test(`fuzzing ${route.method} ${route.path({ bin: { id: ":binId" }, requestId: ":requestId", shareId: ":shareId" } as Fixture, null)} never answers 5xx or leaks a stack`, async ({
    request,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const f = await fixture(request, baseURL as string);
    const tokens: Record<Credential, string | null> = {
      owner: f.bin.token,
      none: null,
      garbage: "hsk_not-a-real-token",
      other: f.other.token,
    };
    await fc.assert(
      fc.asyncProperty(segment, query, body, contentType, credential, async (seg, q, text, type, who) => {
        const path = route.path(f, seg);
        const search = [q, route.fixedQuery].filter(Boolean).join("&");
        const headers: Record<string, string> = {};
        const token = tokens[who];
        if (token) headers.authorization = `Bearer ${token}`;
        if (route.withBody && type) headers["content-type"] = type;
        const controller = new AbortController();
        const response = await fetch(`${baseURL}${path}${search ? `?${search}` : ""}`, {
          method: route.method,
          headers,
          body: route.withBody ? text : undefined,
          redirect: "manual",
          signal: controller.signal,
        });
        // An event stream never ends: its status and headers are the answer.
        const isStream = response.headers.get("content-type")?.startsWith("text/event-stream");
        const shown = isStream ? "" : await response.text();
        controller.abort();
        const where = `${route.method} ${path}?${search} as ${who} with ${type}: ${text.slice(0, 200)}`;
        expect(response.status, `${where} → ${shown.slice(0, 300)}`).toBeLessThan(500);
        for (const leak of LEAKS) expect(shown, `${where} leaked`).not.toMatch(leak);
      }),
      { numRuns: RUNS },
    );
  });
}
