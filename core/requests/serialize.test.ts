import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { toRequestDetail, toRequestSummary } from "./serialize";
import type { StoredRequest } from "./types";

const receivedAt = new Date("2024-05-06T07:08:09.123Z");

const stored: StoredRequest = {
  id: 42,
  binId: "bin1",
  method: "POST",
  path: "/hook",
  query: "a=1",
  contentType: "application/json",
  bodySize: 7,
  bodyTooLarge: false,
  remoteAddr: "203.0.113.7",
  responseStatus: 200,
  receivedAt,
  dedupKey: null,
  dedupSource: null,
  occurrence: null,
  duplicateOf: null,
  deliveries: null,
  signature: null,
  previousId: 6,
  headers: [
    ["Content-Type", "application/json"],
    ["X-Repeat", "1"],
    ["x-repeat", "2"],
  ],
  body: Buffer.from('{"a":1}', "utf8"),
};

const expectedSummary = {
  id: "42",
  binId: "bin1",
  method: "POST",
  path: "/hook",
  query: "a=1",
  contentType: "application/json",
  bodySize: 7,
  bodyTooLarge: false,
  remoteAddr: "203.0.113.7",
  responseStatus: 200,
  receivedAt: "2024-05-06T07:08:09.123Z",
  duplicate: null,
  signature: null,
  previousId: "6",
};

describe("toRequestSummary", () => {
  it("turns the id into a string and the time into ISO 8601", () => {
    expect(toRequestSummary(stored)).toStrictEqual(expectedSummary);
  });

  it("leaves out headers and body when given a full row", () => {
    const summary = toRequestSummary(stored);
    expect(summary).not.toHaveProperty("headers");
    expect(summary).not.toHaveProperty("body");
  });

  it("keeps null content type and remote address", () => {
    const summary = toRequestSummary({ ...stored, contentType: null, remoteAddr: null });
    expect(summary.contentType).toBeNull();
    expect(summary.remoteAddr).toBeNull();
  });

  it("writes ids beyond 32 bits in full", () => {
    expect(toRequestSummary({ ...stored, id: 2 ** 40 }).id).toBe("1099511627776");
  });

  it("keeps the too-large flag", () => {
    expect(toRequestSummary({ ...stored, bodyTooLarge: true }).bodyTooLarge).toBe(true);
  });
});

describe("toRequestDetail", () => {
  it("adds headers, the body as base64 and as text", () => {
    expect(toRequestDetail(stored)).toStrictEqual({
      ...expectedSummary,
      headers: stored.headers,
      bodyBase64: "eyJhIjoxfQ==",
      bodyText: '{"a":1}',
      decoded: null,
    });
  });

  it("adds the body with its Content-Encoding undone, keeping the bytes as sent", () => {
    const body = gzipSync('{"event":"push"}');
    const detail = toRequestDetail({
      ...stored,
      headers: [["Content-Encoding", "gzip"]],
      body,
      bodySize: body.length,
    });
    expect(Buffer.from(detail.bodyBase64, "base64")).toEqual(body);
    expect(detail.decoded).toEqual({
      encoding: "gzip",
      bodyBase64: Buffer.from('{"event":"push"}').toString("base64"),
      bodyText: '{"event":"push"}',
      size: 16,
    });
  });

  it("says why an encoded body could not be decoded", () => {
    const detail = toRequestDetail({ ...stored, headers: [["content-encoding", "gzip"]] });
    expect(detail.decoded).toMatchObject({
      encoding: "gzip",
      error: expect.stringMatching(/not valid gzip/),
    });
  });

  it("does not expose the raw body buffer", () => {
    expect(toRequestDetail(stored)).not.toHaveProperty("body");
  });

  it("gives null text but exact base64 for a body that is not UTF-8", () => {
    const body = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff]);
    const detail = toRequestDetail({ ...stored, body, bodySize: body.length });
    expect(detail.bodyText).toBeNull();
    expect(Buffer.from(detail.bodyBase64, "base64")).toEqual(body);
  });

  it("gives empty base64 and empty text for an empty body", () => {
    const detail = toRequestDetail({ ...stored, body: Buffer.alloc(0), bodySize: 0 });
    expect(detail.bodyBase64).toBe("");
    expect(detail.bodyText).toBe("");
  });

  it("decodes a UTF-8 body", () => {
    const detail = toRequestDetail({ ...stored, body: Buffer.from("café ✓", "utf8") });
    expect(detail.bodyText).toBe("café ✓");
  });
});

describe("duplicate info", () => {
  const keyed = { ...stored, dedupKey: "github-delivery:abc", dedupSource: "github-delivery" };

  it("marks a first delivery as the first of its key, pointing to itself", () => {
    expect(toRequestSummary({ ...keyed, occurrence: 1, duplicateOf: null, deliveries: 3 }).duplicate).toEqual(
      {
        isDuplicate: false,
        key: "github-delivery:abc",
        keySource: "github-delivery",
        firstId: "42",
        occurrence: 1,
        deliveries: 3,
      },
    );
  });

  it("marks a later delivery as a duplicate of the first", () => {
    expect(
      toRequestSummary({ ...keyed, occurrence: 2, duplicateOf: 7, deliveries: 2 }).duplicate,
    ).toMatchObject({
      isDuplicate: true,
      firstId: "7",
      occurrence: 2,
    });
  });

  it("never reports fewer deliveries than the occurrence it has seen", () => {
    expect(
      toRequestSummary({ ...keyed, occurrence: 4, duplicateOf: 7, deliveries: null }).duplicate?.deliveries,
    ).toBe(4);
  });
});
