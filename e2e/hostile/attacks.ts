// The hostile-input catalogue: each case attacks a running Hookscope on loopback and says what the server
// must do with every request it sent (record it byte for byte, or refuse it with a clear status).
import { randomBytes } from "node:crypto";
import type { Socket } from "node:net";
import { gzipSync } from "node:zlib";
import { exchange, type RawAnswer, type RawWriter, rawRequest, sleep, writeAsync } from "./raw-client";

/** What the server must do with one request. */
export type Expectation =
  /** Store it and answer `status` with its id in `x-hookscope-request-id`; the body must be stored as sent. */
  | { kind: "record"; status: number }
  /** Refuse the body but record the attempt: 413 with an id, bodyTooLarge, bodySize = declared, no bytes. */
  | { kind: "record-without-body"; status: 413; declaredSize: number }
  /** Refuse it with one of these statuses (null: the connection closes without an answer); store nothing. */
  | { kind: "refuse"; statuses: (number | null)[] }
  /** The sender gives up before the request is complete: no answer, nothing stored. */
  | { kind: "abandon" };

/** The stored request as `GET /api/bins/:id/requests/:requestId` shows it. */
export interface StoredDetail {
  id: string;
  method: string;
  path: string;
  query: string;
  headers: [string, string][];
  contentType: string | null;
  bodySize: number;
  bodyTooLarge: boolean;
  bodyBase64: string;
  bodyText: string | null;
  decoded: { encoding: string; bodyText?: string | null; error?: string } | null;
  responseStatus: number;
}

/** One request a case sent, what came back, and what to check. */
export interface Shot {
  answer: RawAnswer;
  expect: Expectation;
  /** The body bytes sent; for a recorded request they must be stored byte for byte. */
  sent?: Buffer;
  /** Names the request within its case in failure reasons (a method, an index). */
  label?: string;
  /** Files the shot under another case of the same run (see `AttackCase.companions`). */
  caseName?: string;
  checkAnswer?: (answer: RawAnswer) => string | null;
  checkStored?: (detail: StoredDetail) => string | null;
}

export interface AttackContext {
  baseURL: string;
  binId: string;
  /** The capture target for a sub-path: `/h/<binId>` + `sub`. */
  capture(sub?: string): string;
  maxBodyBytes: number;
  scale: number;
  trickleMs: number;
}

export type AttackGroup = "body" | "headers" | "slow" | "path" | "method" | "xss" | "protocol" | "load";

export interface AttackCase {
  name: string;
  group: AttackGroup;
  /** What the server does with it (record or refuse), as the case asserts it. */
  expected: string;
  /** Runs at scale 1 (default 1); the runner multiplies it by the scale and runs them in parallel. */
  repeat?: number;
  /** False: ignore the scale (the case scales itself). */
  scaled?: boolean;
  /** Further result rows this case fills through `Shot.caseName` (work that must overlap in time). */
  companions?: { name: string; expected: string }[];
  run(ctx: AttackContext, index: number): Promise<Shot[]>;
}

export const REQUEST_ID = "x-hookscope-request-id";

/** Sends one request and pairs its answer with what is expected of it. */
async function shoot(
  ctx: AttackContext,
  message: RawWriter,
  expect: Expectation,
  extra: Omit<Shot, "answer" | "expect"> & { head?: boolean; timeoutMs?: number } = {},
): Promise<Shot> {
  const { head, timeoutMs, ...rest } = extra;
  const [answer] = await exchange(ctx.baseURL, message, { head: [head ?? false], timeoutMs });
  return { answer: answer as RawAnswer, expect, ...rest };
}

const record = (status = 200): Expectation => ({ kind: "record", status });
const refuse = (...statuses: (number | null)[]): Expectation => ({ kind: "refuse", statuses });

function jsonError(answer: RawAnswer): { code?: string; message?: string; id?: string } {
  try {
    const payload = JSON.parse(answer.body.toString("utf8")) as {
      id?: string;
      error?: { code?: string; message?: string };
    };
    return { ...payload.error, id: payload.id };
  } catch {
    return {};
  }
}

const expectErrorCode =
  (code: string) =>
  (answer: RawAnswer): string | null => {
    const error = jsonError(answer);
    if (error.code !== code) return `answer body has error code ${String(error.code)}, expected ${code}`;
    if (!error.message) return "answer body has no error message";
    return null;
  };

function storedHeadersInclude(detail: StoredDetail, wanted: [string, string][]): string | null {
  let from = 0;
  for (const [name, value] of wanted) {
    const at = detail.headers.findIndex(([n, v], index) => index >= from && n === name && v === value);
    if (at === -1) {
      const found = detail.headers.find(([n]) => n === name);
      return `header ${name} not stored as sent (stored ${found ? `${JSON.stringify(found[1]).slice(0, 60)}…` : "nothing"}; ${detail.headers.length} headers stored)`;
    }
    from = at + 1;
  }
  return null;
}

const expectPath =
  (path: string, query?: string) =>
  (detail: StoredDetail): string | null => {
    if (detail.path !== path)
      return `stored path ${JSON.stringify(detail.path.slice(0, 80))}, sent ${JSON.stringify(path.slice(0, 80))}`;
    if (query !== undefined && detail.query !== query)
      return `stored query ${JSON.stringify(detail.query.slice(0, 80))}, sent ${JSON.stringify(query.slice(0, 80))}`;
    return null;
  };

function jsonOfSize(size: number): Buffer {
  // An array of small events, padded so the document is exactly `size` bytes.
  const items: string[] = [];
  let length = 2;
  for (let index = 0; ; index++) {
    const item = JSON.stringify({
      id: `evt_${index}`,
      type: "invoice.paid",
      amount: index * 7,
      tags: ["a", "b"],
    });
    if (length + item.length + 1 + 40 > size) break;
    items.push(item);
    length += item.length + 1;
  }
  const head = `[${items.join(",")},{"pad":"`;
  const tail = `"}]`;
  return Buffer.from(head + "x".repeat(size - head.length - tail.length) + tail, "utf8");
}

function multipartBody(boundary: string, file: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="event"\r\n\r\ninvoice.paid\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dump.bin"\r\n` +
        "Content-Type: application/octet-stream\r\n\r\n",
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

function manyHeaders(count: number, valueSize: number, prefix = "X-Hostile"): [string, string][] {
  return Array.from({ length: count }, (_, index) => [
    `${prefix}-${index}`,
    `${index}-`.padEnd(valueSize, String.fromCharCode(97 + (index % 26))),
  ]);
}

/** Trickles `data` onto the socket in `pieces` writes spread over `ms`. */
async function trickle(socket: Socket, data: Buffer, pieces: number, ms: number): Promise<void> {
  const size = Math.ceil(data.length / pieces);
  for (let at = 0; at < data.length; at += size) {
    await writeAsync(socket, data.subarray(at, at + size));
    if (at + size < data.length) await sleep(ms / pieces);
  }
}

const COMMON_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const WEBDAV_METHODS = [
  "PROPFIND",
  "PROPPATCH",
  "MKCOL",
  "COPY",
  "MOVE",
  "LOCK",
  "UNLOCK",
  "SEARCH",
  "REPORT",
];
const OTHER_REGISTERED_METHODS = ["PURGE", "TRACE", "QUERY", "LINK", "UNLINK"];
const UNREGISTERED_METHODS = ["X-CUSTOM-VERB", "FOOBAR", "post"];

const XSS = {
  // A raw space would end the request target (a 400 from the HTTP parser, not from us); senders encode it.
  path: '/<script>alert(1)</script>/"><img%20src=x%20onerror=alert(2)>',
  query: 'q="><svg/onload=alert(3)>&next=javascript:alert(4)',
  header: "<img src=x onerror=alert(5)>",
  body: '<script>alert(document.cookie)</script><iframe src="javascript:alert(6)"></iframe>',
};

/** Every attack, with what the server does about it. */
export const ATTACKS: AttackCase[] = [
  // ---------------------------------------------------------------- bodies
  {
    name: "body: over the limit, Content-Length declared",
    group: "body",
    expected: "413 body_too_large; recorded without its bytes (bodyTooLarge, bodySize = declared)",
    async run(ctx) {
      const body = Buffer.alloc(ctx.maxBodyBytes + 1, 0x61);
      return [
        await shoot(
          ctx,
          rawRequest({
            target: ctx.capture("/big?q=1"),
            headers: [["Content-Type", "application/json"]],
            body,
          }),
          { kind: "record-without-body", status: 413, declaredSize: body.length },
          {
            checkAnswer: (answer) =>
              expectErrorCode("body_too_large")(answer) ??
              (jsonError(answer).id === answer.headers[REQUEST_ID]
                ? null
                : "answer body id differs from the header's"),
            checkStored: expectPath("/big", "q=1"),
          },
        ),
      ];
    },
  },
  {
    name: "body: over the limit, chunked (undeclared)",
    group: "body",
    expected: "413 body_too_large; recorded without its bytes, bodySize = bytes received",
    async run(ctx) {
      const total = ctx.maxBodyBytes + 1;
      const chunks: Buffer[] = [];
      for (let at = 0; at < total; at += 64 * 1024)
        chunks.push(Buffer.alloc(Math.min(64 * 1024, total - at), 0x62));
      return [
        await shoot(
          ctx,
          rawRequest({ target: ctx.capture("/chunked"), chunks }),
          { kind: "record-without-body", status: 413, declaredSize: total },
          { checkAnswer: expectErrorCode("body_too_large") },
        ),
      ];
    },
  },
  {
    name: "body: Content-Length 1 TB, body never sent",
    group: "body",
    expected:
      "413 at once (past the drain limit the server stops reading and closes); recorded without bytes, bodySize 1e12",
    async run(ctx) {
      const declared = 1_000_000_000_000;
      const head = rawRequest({
        target: ctx.capture("/terabyte"),
        headers: [["Content-Length", String(declared)]],
      });
      return [
        await shoot(
          ctx,
          async (socket) => {
            await writeAsync(socket, Buffer.concat([head, Buffer.alloc(16 * 1024, 0x63)]));
          },
          { kind: "record-without-body", status: 413, declaredSize: declared },
          { checkAnswer: expectErrorCode("body_too_large"), timeoutMs: 10_000 },
        ),
      ];
    },
  },
  {
    name: "body: empty",
    group: "body",
    expected: "200, recorded with an empty body",
    async run(ctx) {
      const body = Buffer.alloc(0);
      return [
        await shoot(
          ctx,
          rawRequest({ target: ctx.capture("/empty"), headers: [["Content-Length", "0"]] }),
          record(),
          {
            sent: body,
            checkStored: (detail) => (detail.bodySize === 0 ? null : `bodySize ${detail.bodySize}`),
          },
        ),
      ];
    },
  },
  {
    name: "body: invalid UTF-8",
    group: "body",
    expected: "200, bytes stored as sent, bodyText null",
    async run(ctx) {
      const body = Buffer.concat([
        Buffer.from([
          0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe, 0xed, 0xa0, 0x80,
        ]),
        randomBytes(512),
      ]);
      return [
        await shoot(
          ctx,
          rawRequest({
            target: ctx.capture("/utf8"),
            headers: [["Content-Type", "text/plain; charset=utf-8"]],
            body,
          }),
          record(),
          { sent: body, checkStored: (detail) => (detail.bodyText === null ? null : "bodyText is not null") },
        ),
      ];
    },
  },
  {
    name: "body: NUL bytes (text and JSON)",
    group: "body",
    expected: "200, bytes stored as sent (NUL included)",
    async run(ctx) {
      const shots: Shot[] = [];
      for (const [type, body] of [
        ["text/plain", Buffer.concat([Buffer.from("nul\0inside\0"), Buffer.alloc(1024), Buffer.from("end")])],
        ["application/json", Buffer.from('{"id":"evt_\u0000x","type":"a\\u0000b","event_id":"\u0000"}')],
      ] as const) {
        shots.push(
          await shoot(
            ctx,
            rawRequest({ target: ctx.capture("/nul"), headers: [["Content-Type", type]], body }),
            record(),
            {
              sent: body,
              label: type,
            },
          ),
        );
      }
      return shots;
    },
  },
  {
    name: "body: JSON nested 100k deep ([[[…]]])",
    group: "body",
    expected: "200, stored as sent (never parsed into a stack overflow)",
    async run(ctx) {
      const body = Buffer.from(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
      return [
        await shoot(
          ctx,
          rawRequest({
            target: ctx.capture("/nested"),
            headers: [["Content-Type", "application/json"]],
            body,
          }),
          record(),
          { sent: body },
        ),
      ];
    },
  },
  {
    name: 'body: 100k unclosed JSON objects ({"a":{"a":…)',
    group: "body",
    expected: "200, stored as sent",
    async run(ctx) {
      const body = Buffer.from('{"a":'.repeat(100_000));
      return [
        await shoot(
          ctx,
          rawRequest({
            target: ctx.capture("/unclosed"),
            headers: [["Content-Type", "application/json"]],
            body,
          }),
          record(),
          { sent: body },
        ),
      ];
    },
  },
  {
    name: "body: JSON of exactly the size limit",
    group: "body",
    expected: "200, stored as sent (the limit is inclusive)",
    async run(ctx) {
      const body = jsonOfSize(ctx.maxBodyBytes);
      return [
        await shoot(
          ctx,
          rawRequest({
            target: ctx.capture("/enormous"),
            headers: [["Content-Type", "application/json"]],
            body,
          }),
          record(),
          {
            sent: body,
            checkStored: (detail) =>
              detail.bodySize === ctx.maxBodyBytes ? null : `bodySize ${detail.bodySize}`,
          },
        ),
      ];
    },
  },
  {
    name: "body: malformed JSON with Content-Type: application/json",
    group: "body",
    expected: "200, stored as sent",
    async run(ctx) {
      const body = Buffer.from('{"id": "evt_1", "data": [1, 2,, }, "x": tru\n\ufeff');
      return [
        await shoot(
          ctx,
          rawRequest({
            target: ctx.capture("/malformed"),
            headers: [["Content-Type", "application/json"]],
            body,
          }),
          record(),
          { sent: body },
        ),
      ];
    },
  },
  {
    name: "body: gzip with Content-Encoding: gzip",
    group: "body",
    expected: "200, the compressed bytes stored exactly as sent (not inflated), shown decoded",
    async run(ctx) {
      const json = JSON.stringify({ event: "push", commits: Array(200).fill("abc") });
      const body = gzipSync(Buffer.from(json));
      return [
        await shoot(
          ctx,
          rawRequest({
            target: ctx.capture("/gzip"),
            headers: [
              ["Content-Type", "application/json"],
              ["Content-Encoding", "gzip"],
            ],
            body,
          }),
          record(),
          {
            sent: body,
            checkStored: (detail) =>
              storedHeadersInclude(detail, [["Content-Encoding", "gzip"]]) ??
              (detail.decoded?.bodyText === json
                ? null
                : `decoded as ${JSON.stringify(detail.decoded).slice(0, 80)}`),
          },
        ),
      ];
    },
  },
  {
    name: "body: multipart/form-data with a binary file part",
    group: "body",
    expected: "200, stored as sent, Content-Type with its boundary",
    async run(ctx) {
      const boundary = `----hostile${randomBytes(8).toString("hex")}`;
      const body = multipartBody(
        boundary,
        Buffer.concat([randomBytes(4096), Buffer.from(`\r\n--${boundary}x\r\n`), Buffer.alloc(64)]),
      );
      const type = `multipart/form-data; boundary=${boundary}`;
      return [
        await shoot(
          ctx,
          rawRequest({ target: ctx.capture("/upload"), headers: [["Content-Type", type]], body }),
          record(),
          {
            sent: body,
            checkStored: (detail) =>
              detail.contentType === type ? null : `contentType ${detail.contentType}`,
          },
        ),
      ];
    },
  },
  {
    name: "body: sender disconnects mid-body",
    group: "body",
    expected: "no answer (the sender left), nothing stored",
    async run(ctx) {
      const head = rawRequest({ target: ctx.capture("/abandoned"), headers: [["Content-Length", "10000"]] });
      return [
        await shoot(
          ctx,
          async (socket) => {
            await writeAsync(socket, Buffer.concat([head, Buffer.alloc(100, 0x64)]));
            await sleep(200);
            socket.destroy();
          },
          { kind: "abandon" },
          { timeoutMs: 5_000 },
        ),
      ];
    },
  },

  // ---------------------------------------------------------------- headers
  {
    name: "headers: 500 headers",
    group: "headers",
    expected: "200, all 500 stored in order",
    async run(ctx) {
      const headers = manyHeaders(500, 8);
      return [
        await shoot(
          ctx,
          rawRequest({ target: ctx.capture("/headers500"), method: "GET", headers }),
          record(),
          {
            checkStored: (detail) => storedHeadersInclude(detail, headers),
          },
        ),
      ];
    },
  },
  {
    name: "headers: 2000 small headers (28 KiB, within the 64 KiB limit)",
    group: "headers",
    expected: "200 with all 2000 stored (or a 431 refusal) — never a 200 that silently drops headers",
    async run(ctx) {
      const headers = manyHeaders(2000, 4, "X-H");
      return [
        await shoot(
          ctx,
          rawRequest({ target: ctx.capture("/headers2000"), method: "GET", headers }),
          record(),
          {
            checkStored: (detail) => storedHeadersInclude(detail, headers),
          },
        ),
      ];
    },
  },
  {
    name: "headers: one 32 KiB value",
    group: "headers",
    expected: "200, the value stored whole",
    async run(ctx) {
      const value = randomBytes(24 * 1024).toString("base64");
      return [
        await shoot(
          ctx,
          rawRequest({ target: ctx.capture("/bigvalue"), headers: [["X-Signature", value]], body: "{}" }),
          record(),
          {
            sent: Buffer.from("{}"),
            checkStored: (detail) => storedHeadersInclude(detail, [["X-Signature", value]]),
          },
        ),
      ];
    },
  },
  {
    name: "headers: ~60 KiB in total",
    group: "headers",
    expected: "200, every header stored (maxHeaderSize is 64 KiB)",
    async run(ctx) {
      const headers = manyHeaders(15, 3990);
      return [
        await shoot(ctx, rawRequest({ target: ctx.capture("/60k"), headers, body: "x" }), record(), {
          sent: Buffer.from("x"),
          checkStored: (detail) => storedHeadersInclude(detail, headers),
        }),
      ];
    },
  },
  {
    name: "headers: ~80 KiB in total",
    group: "headers",
    expected: "431 from Node's parser, nothing stored",
    async run(ctx) {
      return [
        await shoot(
          ctx,
          rawRequest({ target: ctx.capture("/80k"), headers: manyHeaders(20, 4000), body: "x" }),
          refuse(431),
        ),
      ];
    },
  },
  {
    name: "headers: duplicate Content-Length, equal values",
    group: "headers",
    expected: "400 from Node's parser (any repeated Content-Length), nothing stored",
    async run(ctx) {
      const message = rawRequest({
        target: ctx.capture("/dup-cl"),
        headers: [
          ["Content-Length", "5"],
          ["Content-Length", "5"],
        ],
        body: "hello",
      });
      return [await shoot(ctx, message, refuse(400))];
    },
  },
  {
    name: "headers: duplicate Content-Length, different values",
    group: "headers",
    expected: "400 from Node's parser, nothing stored",
    async run(ctx) {
      const message = rawRequest({
        target: ctx.capture("/dup-cl-differ"),
        headers: [
          ["Content-Length", "5"],
          ["Content-Length", "11"],
        ],
        body: "hello world",
      });
      return [await shoot(ctx, message, refuse(400))];
    },
  },
  {
    name: "headers: Content-Length with Transfer-Encoding (smuggling)",
    group: "headers",
    expected: "400 from Node's parser, nothing stored",
    async run(ctx) {
      const message = rawRequest({
        target: ctx.capture("/smuggle"),
        headers: [
          ["Content-Length", "4"],
          ["Transfer-Encoding", "chunked"],
        ],
        body: `0\r\n\r\nGET /h/${ctx.binId}/smuggled HTTP/1.1\r\nHost: x\r\n\r\n`,
      });
      return [await shoot(ctx, message, refuse(400))];
    },
  },
  {
    name: "headers: invalid Content-Length (-1, 1e23, abc)",
    group: "headers",
    expected: "400 from Node's parser, nothing stored",
    async run(ctx) {
      const shots: Shot[] = [];
      for (const value of ["-1", "99999999999999999999999", "abc"]) {
        shots.push(
          await shoot(
            ctx,
            rawRequest({ target: ctx.capture("/bad-cl"), headers: [["Content-Length", value]], body: "abc" }),
            refuse(400),
            { label: value },
          ),
        );
      }
      return shots;
    },
  },
  {
    name: "headers: odd casing",
    group: "headers",
    expected: "200, names stored with their casing, Content-Type found case-insensitively",
    async run(ctx) {
      const headers: [string, string][] = [
        ["hOsT", "hostile.test"],
        ["cOnTeNt-TyPe", "Application/JSON"],
        ["X-mIxEd-CASE", "Value"],
        ["x-lower", "v"],
        ["X-UPPER", "V"],
      ];
      const body = Buffer.from('{"ok":1}');
      return [
        await shoot(ctx, rawRequest({ target: ctx.capture("/casing"), headers, body }), record(), {
          sent: body,
          checkStored: (detail) =>
            storedHeadersInclude(detail, headers) ??
            (detail.contentType === "Application/JSON" ? null : `contentType ${detail.contentType}`),
        }),
      ];
    },
  },
  {
    name: "headers: latin1 and UTF-8 bytes in values",
    group: "headers",
    expected: "200; UTF-8 values stored decoded, other bytes stored as latin1 characters",
    async run(ctx) {
      const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xa9, 0x80]);
      const utf8 = Buffer.from("café ✓ 日本", "utf8");
      return [
        await shoot(
          ctx,
          rawRequest({
            target: ctx.capture("/nonascii"),
            method: "GET",
            headers: [
              ["X-Latin1", latin1],
              ["X-Utf8", utf8],
            ],
          }),
          record(),
          {
            checkStored: (detail) =>
              storedHeadersInclude(detail, [
                ["X-Latin1", latin1.toString("latin1")],
                ["X-Utf8", utf8.toString("utf8")],
              ]),
          },
        ),
      ];
    },
  },
  {
    name: "headers: control characters in a value",
    group: "headers",
    expected: "400 from Node's parser, nothing stored",
    async run(ctx) {
      const shots: Shot[] = [];
      for (const byte of [0x00, 0x01, 0x7f]) {
        shots.push(
          await shoot(
            ctx,
            rawRequest({
              target: ctx.capture("/ctl"),
              method: "GET",
              headers: [["X-Ctl", Buffer.from([0x61, byte, 0x62])]],
            }),
            refuse(400),
            { label: `0x${byte.toString(16)}` },
          ),
        );
      }
      return shots;
    },
  },
  {
    name: "headers: HTTP/1.1 without Host",
    group: "headers",
    expected: "400 from Node (requireHostHeader), nothing stored",
    async run(ctx) {
      return [
        await shoot(
          ctx,
          rawRequest({
            target: ctx.capture("/nohost"),
            method: "GET",
            headers: [["Connection", "close"]],
            defaults: false,
          }),
          refuse(400),
        ),
      ];
    },
  },

  // ---------------------------------------------------------------- slow senders
  {
    name: "slow: body trickled",
    group: "slow",
    expected: "200 once the body is complete, stored as sent",
    scaled: false,
    companions: [
      { name: "slow: headers trickled", expected: "200 once the headers are complete, stored" },
      {
        name: "slow: normal captures during the trickles",
        expected: "200 each in < 1 s while the slow senders hold their connections",
      },
    ],
    async run(ctx) {
      const senders = Math.max(1, Math.round(ctx.scale));
      const bodies = Array.from({ length: senders }, () => randomBytes(600));
      const slowBodies = bodies.map((body, index) =>
        shoot(
          ctx,
          async (socket) => {
            const head = rawRequest({
              target: ctx.capture(`/slow-body/${index}`),
              headers: [["Content-Length", String(body.length)]],
            });
            await writeAsync(socket, head);
            await trickle(socket, body, 30, ctx.trickleMs);
          },
          record(),
          {
            sent: body,
            label: `sender ${index}`,
            timeoutMs: ctx.trickleMs + 30_000,
            checkAnswer: slowEnough(ctx),
          },
        ),
      );
      const slowHeads = Array.from({ length: senders }, (_, index) =>
        shoot(
          ctx,
          async (socket) => {
            const message = rawRequest({
              target: ctx.capture(`/slow-head/${index}`),
              method: "GET",
              headers: manyHeaders(20, 40),
            });
            await trickle(socket, message, 30, ctx.trickleMs);
          },
          record(),
          {
            caseName: "slow: headers trickled",
            label: `sender ${index}`,
            timeoutMs: ctx.trickleMs + 30_000,
            checkAnswer: slowEnough(ctx),
          },
        ),
      );
      const normal: Shot[] = [];
      const count = Math.max(1, Math.round(20 * ctx.scale));
      const gap = (ctx.trickleMs * 0.8) / count;
      await sleep(Math.min(200, gap));
      const started = performance.now();
      const quick: Promise<void>[] = [];
      for (let index = 0; index < count; index++) {
        const body = Buffer.from(`{"normal":${index}}`);
        quick.push(
          shoot(ctx, rawRequest({ target: ctx.capture(`/normal/${index}`), body }), record(), {
            caseName: "slow: normal captures during the trickles",
            sent: body,
            label: `#${index}`,
            timeoutMs: 10_000,
            checkAnswer: (answer) =>
              answer.durationMs < 1000 ? null : `took ${Math.round(answer.durationMs)} ms`,
          }).then((shot) => {
            normal.push(shot);
          }),
        );
        const due = started + (index + 1) * gap;
        await sleep(Math.max(0, due - performance.now()));
      }
      await Promise.all(quick);
      return [...(await Promise.all(slowBodies)), ...(await Promise.all(slowHeads)), ...normal];
    },
  },

  // ---------------------------------------------------------------- paths and queries
  {
    name: "path: .. segments",
    group: "path",
    expected: "200, path stored verbatim (not normalised)",
    async run(ctx) {
      const path = "/../../../etc/passwd/./x/..";
      return [
        await shoot(
          ctx,
          rawRequest({ target: ctx.capture(`${path}?file=../../x`), method: "GET" }),
          record(),
          {
            checkStored: expectPath(path, "file=../../x"),
          },
        ),
      ];
    },
  },
  {
    name: "path: .. climbing out of /h/",
    group: "path",
    expected: "404 bin_not_found (never routed to /api), nothing stored",
    async run(ctx) {
      const shots: Shot[] = [];
      for (const target of [
        "/h/../api/health",
        `/h/./${ctx.binId}/x`,
        `/h/${ctx.binId}%2F..%2F..%2Fapi%2Fhealth`,
      ]) {
        shots.push(
          await shoot(ctx, rawRequest({ target, method: "GET" }), refuse(404), {
            label: target,
            checkAnswer: expectErrorCode("bin_not_found"),
          }),
        );
      }
      return shots;
    },
  },
  {
    name: "path: %2F and other escapes",
    group: "path",
    expected: "200, path and query stored still percent-encoded",
    async run(ctx) {
      const path = "/a%2Fb%2F..%2F%2e%2e%2Fc%00%ff%zz%";
      const query = "x=%2F%00&y=%E2%9C%93&%=%%";
      return [
        await shoot(ctx, rawRequest({ target: ctx.capture(`${path}?${query}`), method: "GET" }), record(), {
          checkStored: expectPath(path, query),
        }),
      ];
    },
  },
  {
    name: "path: raw UTF-8 bytes",
    group: "path",
    expected: "400 from Node's parser (bytes above 0x7E in the request target), nothing stored",
    async run(ctx) {
      const shots: Shot[] = [];
      for (const [label, raw] of [
        ["path", Buffer.concat([Buffer.from(ctx.capture("/caf")), Buffer.from("é✓", "utf8")])],
        ["query", Buffer.concat([Buffer.from(ctx.capture("/q?name=")), Buffer.from("日本", "utf8")])],
      ] as const) {
        shots.push(await shoot(ctx, rawRequest({ target: raw, method: "GET" }), refuse(400), { label }));
      }
      return shots;
    },
  },
  {
    name: "path: 8 KiB",
    group: "path",
    expected: "200, the whole path stored",
    async run(ctx) {
      const path = `/${"segment/".repeat(910)}`.slice(0, 8 * 1024);
      return [
        await shoot(ctx, rawRequest({ target: ctx.capture(path), method: "GET" }), record(), {
          checkStored: expectPath(path),
        }),
      ];
    },
  },
  {
    name: "query: 1000 parameters",
    group: "path",
    expected: "200, the raw query stored whole",
    async run(ctx) {
      const query = Array.from({ length: 1000 }, (_, index) => `p${index % 900}=${index}`).join("&");
      return [
        await shoot(ctx, rawRequest({ target: ctx.capture(`/query?${query}`), method: "GET" }), record(), {
          checkStored: expectPath("/query", query),
        }),
      ];
    },
  },
  {
    name: "target: absolute-form (http://other.example/h/<id>/abs)",
    group: "path",
    expected:
      "captured like the origin-form (200, path /abs) as RFC 9112 §3.2.2 requires — never a redirect to the host it names",
    async run(ctx) {
      return [
        await shoot(
          ctx,
          rawRequest({ target: `http://other.example${ctx.capture("/abs")}`, method: "GET" }),
          record(),
          {
            checkAnswer: (answer) =>
              answer.headers.location ? `redirected to ${answer.headers.location}` : null,
            checkStored: expectPath("/abs"),
          },
        ),
      ];
    },
  },

  // ---------------------------------------------------------------- methods
  {
    name: "method: common (GET POST PUT PATCH DELETE HEAD OPTIONS)",
    group: "method",
    expected: "200 each, recorded with its method and body",
    async run(ctx) {
      const shots: Shot[] = [];
      for (const method of COMMON_METHODS) {
        const body = Buffer.from(`body of ${method}`);
        shots.push(
          await shoot(ctx, rawRequest({ target: ctx.capture("/m"), method, body }), record(), {
            sent: body,
            label: method,
            head: method === "HEAD",
            checkStored: (detail) => (detail.method === method ? null : `stored method ${detail.method}`),
          }),
        );
      }
      return shots;
    },
  },
  {
    name: `method: WebDAV (${WEBDAV_METHODS.join(" ")})`,
    group: "method",
    expected: "200 each, recorded with its method",
    async run(ctx) {
      const shots: Shot[] = [];
      for (const method of WEBDAV_METHODS) {
        const body = Buffer.from('<?xml version="1.0"?><propfind xmlns="DAV:"><allprop/></propfind>');
        shots.push(
          await shoot(
            ctx,
            rawRequest({
              target: ctx.capture("/dav"),
              method,
              headers: [
                ["Depth", "1"],
                ["Content-Type", "application/xml"],
              ],
              body,
            }),
            record(),
            {
              sent: body,
              label: method,
              checkStored: (detail) => (detail.method === method ? null : `stored method ${detail.method}`),
            },
          ),
        );
      }
      return shots;
    },
  },
  {
    name: `method: other registered (${OTHER_REGISTERED_METHODS.join(" ")})`,
    group: "method",
    expected: "200 each, recorded with its method",
    async run(ctx) {
      const shots: Shot[] = [];
      for (const method of OTHER_REGISTERED_METHODS) {
        shots.push(
          await shoot(ctx, rawRequest({ target: ctx.capture("/other"), method }), record(), {
            label: method,
            checkStored: (detail) => (detail.method === method ? null : `stored method ${detail.method}`),
          }),
        );
      }
      return shots;
    },
  },
  {
    name: `method: unregistered tokens (${UNREGISTERED_METHODS.join(" ")})`,
    group: "method",
    expected: "400 from Node's parser (it knows a fixed method list), nothing stored",
    async run(ctx) {
      const shots: Shot[] = [];
      for (const method of UNREGISTERED_METHODS) {
        shots.push(
          await shoot(ctx, rawRequest({ target: ctx.capture("/custom"), method, body: "x" }), refuse(400), {
            label: method,
          }),
        );
      }
      return shots;
    },
  },

  // ---------------------------------------------------------------- XSS-looking content
  {
    name: "xss: script in path, query, header and body",
    group: "xss",
    expected: "200, all stored verbatim; the answer is JSON with CSP sandbox and nosniff",
    async run(ctx) {
      const body = Buffer.from(XSS.body);
      return [
        await shoot(
          ctx,
          rawRequest({
            target: ctx.capture(`${XSS.path}?${XSS.query}`),
            headers: [
              ["Content-Type", "text/html"],
              ["X-Xss", XSS.header],
              ["Origin", "null"],
            ],
            body,
          }),
          record(),
          {
            sent: body,
            checkAnswer: (answer) =>
              answer.headers["content-security-policy"] !== "sandbox"
                ? "no CSP sandbox on the answer"
                : answer.headers["x-content-type-options"] !== "nosniff"
                  ? "no nosniff on the answer"
                  : answer.headers["content-type"]?.startsWith("application/json")
                    ? null
                    : `answer content-type ${answer.headers["content-type"]}`,
            checkStored: (detail) =>
              expectPath(XSS.path, XSS.query)(detail) ??
              storedHeadersInclude(detail, [["X-Xss", XSS.header]]),
          },
        ),
      ];
    },
  },

  // ---------------------------------------------------------------- protocol
  {
    name: "protocol: 3 pipelined requests on one connection",
    group: "protocol",
    expected: "200 each, in order, each recorded",
    async run(ctx) {
      const bodies = [0, 1, 2].map((index) =>
        Buffer.from(`pipelined ${index} ${randomBytes(4).toString("hex")}`),
      );
      const message = Buffer.concat(
        bodies.map((body, index) =>
          rawRequest({
            target: ctx.capture(`/pipelined/${index}`),
            headers: [["Connection", index === 2 ? "close" : "keep-alive"]],
            body,
          }),
        ),
      );
      const answers = await exchange(ctx.baseURL, message, { answers: 3 });
      return answers.map((answer, index) => ({
        answer,
        expect: record(),
        sent: bodies[index],
        label: `#${index}`,
        checkStored: expectPath(`/pipelined/${index}`),
      }));
    },
  },
  {
    name: "protocol: malformed chunk size",
    group: "protocol",
    expected: "400 from Node's parser (or the connection closed), nothing stored",
    async run(ctx) {
      const head = rawRequest({
        target: ctx.capture("/badchunk"),
        headers: [["Transfer-Encoding", "chunked"]],
      });
      return [
        await shoot(
          ctx,
          Buffer.concat([head, Buffer.from("5\r\nhello\r\nZZ\r\nxx\r\n0\r\n\r\n")]),
          refuse(400, null),
        ),
      ];
    },
  },
  {
    name: "protocol: HTTP/1.0 without Host",
    group: "protocol",
    expected: "200, recorded",
    async run(ctx) {
      const body = Buffer.from("old client");
      return [
        await shoot(
          ctx,
          rawRequest({
            target: ctx.capture("/http10"),
            version: "HTTP/1.0",
            headers: [["Content-Length", String(body.length)]],
            body,
            defaults: false,
          }),
          record(),
          { sent: body },
        ),
      ];
    },
  },

  // ---------------------------------------------------------------- load
  {
    name: "load: burst of concurrent captures with random bodies",
    group: "load",
    expected: "200 each, every one stored byte for byte",
    repeat: 25,
    async run(ctx, index) {
      const body = randomBytes(1 + ((index * 7919) % 8192));
      return [
        await shoot(
          ctx,
          rawRequest({
            target: ctx.capture(`/burst/${index}`),
            headers: [["Content-Type", "application/octet-stream"]],
            body,
          }),
          record(),
          { sent: body, label: `#${index}` },
        ),
      ];
    },
  },
];

function slowEnough(ctx: AttackContext) {
  return (answer: RawAnswer): string | null =>
    answer.durationMs >= ctx.trickleMs * 0.7
      ? null
      : `answered after ${Math.round(answer.durationMs)} ms, before the trickle (${ctx.trickleMs} ms) could have ended`;
}
