import { describe, expect, it } from "vitest";
import {
  filterToParams,
  isFilterEmpty,
  requestFilterParamsSchema,
  searchTerms,
  summaryMatches,
} from "./filter";
import type { RequestSummary } from "./types";

const parse = (params: Record<string, string>) => requestFilterParamsSchema.parse(params);

const summary = (overrides: Partial<RequestSummary> = {}): RequestSummary => ({
  id: "7",
  binId: "bin",
  method: "POST",
  path: "/hook",
  query: "",
  contentType: "application/json",
  bodySize: 2,
  bodyTooLarge: false,
  remoteAddr: null,
  responseStatus: 200,
  receivedAt: "2026-05-01T12:00:00.000Z",
  duplicate: null,
  signature: { verdict: "valid", scheme: "github", reason: "ok" },
  previousId: null,
  ...overrides,
});

describe("request filter parameters", () => {
  it("parses every filter and writes it back to the same parameters", () => {
    const params = {
      method: "POST,PUT",
      verdict: "invalid,missing",
      duplicates: "only",
      status: "4xx,201",
      since: "2026-05-01T00:00:00.000Z",
      until: "2026-05-02T00:00:00.000Z",
      q: 'evt_1 "two words"',
    };
    const filter = parse(params);
    expect(filter).toEqual({
      methods: ["POST", "PUT"],
      verdicts: ["invalid", "missing"],
      duplicates: "only",
      statuses: [{ class: 4 }, { code: 201 }],
      since: new Date(params.since),
      until: new Date(params.until),
      search: ["evt_1", "two words"],
    });
    expect(filterToParams(filter)).toEqual(params);
  });

  it("reads an empty or default filter as no filter", () => {
    expect(parse({})).toEqual({});
    expect(parse({ method: "", duplicates: "show", q: "   " })).toEqual({});
    expect(isFilterEmpty(parse({ duplicates: "show" }))).toBe(true);
    expect(isFilterEmpty(parse({ status: "5xx" }))).toBe(false);
  });

  it("accepts lower-case methods and epoch milliseconds", () => {
    expect(parse({ method: "post, delete", since: "1700000000000" })).toEqual({
      methods: ["POST", "DELETE"],
      since: new Date(1_700_000_000_000),
    });
  });

  it.each([
    [{ verdict: "maybe" }, /verdict must be one of/],
    [{ status: "600" }, /status must be a code like 404/],
    [{ status: "4x" }, /status must be a code/],
    [{ since: "yesterday" }, /ISO 8601/],
    [{ duplicates: "all" }, /duplicates must be/],
    [{ method: "GET POST" }, /HTTP method/],
    [{ q: "x".repeat(201) }, /at most 200/],
  ])("refuses %j with a message", (params, message) => {
    const parsed = requestFilterParamsSchema.safeParse(params);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message).join("; ")).toMatch(message);
  });

  it("splits a search into terms, keeping quoted phrases", () => {
    expect(searchTerms(' a  "b c" d"e" "" ')).toEqual(["a", "b c", 'd"e"']);
  });

  it("drops NUL from terms, as the stored search text does", () => {
    expect(searchTerms('a\0b \0 "c\0 d"')).toEqual(["ab", "c d"]);
  });
});

describe("summaryMatches", () => {
  it("checks method, verdict, status, time and duplicates", () => {
    expect(summaryMatches(summary(), parse({ method: "POST", verdict: "valid", status: "2xx" }))).toBe(true);
    expect(summaryMatches(summary(), parse({ method: "PUT" }))).toBe(false);
    expect(summaryMatches(summary(), parse({ verdict: "invalid" }))).toBe(false);
    expect(summaryMatches(summary({ signature: null }), parse({ verdict: "valid" }))).toBe(false);
    expect(summaryMatches(summary(), parse({ status: "200" }))).toBe(true);
    expect(summaryMatches(summary(), parse({ status: "5xx,404" }))).toBe(false);
    expect(summaryMatches(summary(), parse({ since: "2026-05-01T12:00:00.000Z" }))).toBe(true);
    expect(summaryMatches(summary(), parse({ since: "2026-05-01T12:00:00.001Z" }))).toBe(false);
    expect(summaryMatches(summary(), parse({ until: "2026-05-01T11:59:59.999Z" }))).toBe(false);
    const retry = summary({
      duplicate: { isDuplicate: true, key: "k", keySource: "s", firstId: "1", occurrence: 2, deliveries: 2 },
    });
    expect(summaryMatches(retry, parse({ duplicates: "hide" }))).toBe(false);
    expect(summaryMatches(retry, parse({ duplicates: "only" }))).toBe(true);
    expect(summaryMatches(summary(), parse({ duplicates: "only" }))).toBe(false);
  });

  it("leaves search terms to the database", () => {
    expect(summaryMatches(summary(), parse({ q: "anything" }))).toBe(true);
  });
});
