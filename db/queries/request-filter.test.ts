import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hashToken, newToken } from "../../core/auth/token";
import { newBinId } from "../../core/ids";
import { type RequestFilter, requestFilterParamsSchema } from "../../core/requests/filter";
import { drivers, useDatabase } from "../../test/databases";
import { captureRecord } from "../../test/records";
import { requestSearch, searchQueue } from "../schema";
import { insertBin } from "./bins";
import {
  insertCapturedRequest,
  listRequestSummaries,
  listRequestSummariesAfter,
  requestIdsMatching,
} from "./requests";

const filter = (params: Record<string, string>): RequestFilter => requestFilterParamsSchema.parse(params);

describe.each(drivers)("filtering and searching a bin's requests on %s", (driver) => {
  const database = useDatabase(driver, { ownDatabase: "hookscope_unit_filter" });
  const REQUESTS = 3000;
  let binId = "";
  const paths = async (params: Record<string, string>, limit = 5000) =>
    (await listRequestSummaries(database(), { binId, limit, filter: filter(params) })).map((r) => r.path);

  it("stores a few thousand varied requests", { timeout: 120_000 }, async () => {
    binId = (await insertBin(database().db, { id: newBinId(), tokenHash: hashToken(newToken()) })).id;
    const start = Date.parse("2026-01-01T00:00:00Z");
    // One at a time, so ids follow n and the expected orders below are plain.
    for (let n = 0; n < REQUESTS; n++) {
      const body = Buffer.from(
        JSON.stringify({ type: n % 7 === 0 ? "invoice.paid" : "charge.succeeded", customer: `cus_${n}` }),
      );
      await insertCapturedRequest(
        database(),
        captureRecord(binId, {
          method: n % 3 === 0 ? "PUT" : "POST",
          path: `/n/${n}`,
          headers: [
            ["Content-Type", "application/json"],
            ["X-Team", n % 5 === 0 ? "Billing 100%_off" : "growth"],
          ],
          body,
          bodySize: body.length,
          responseStatus: n % 10 === 0 ? 500 : n % 10 === 1 ? 404 : 200,
          signatureVerdict: n % 4 === 0 ? "invalid" : "valid",
          dedupKey: `evt_${Math.floor(n / 2)}`,
          dedupSource: "test",
        }),
        new Date(start + n * 60_000),
      );
    }
    expect(await paths({})).toHaveLength(REQUESTS);
  });

  it("filters by method, verdict, status code and class", async () => {
    expect(await paths({ method: "put" })).toHaveLength(1000);
    expect(await paths({ method: "PUT,POST" })).toHaveLength(REQUESTS);
    expect(await paths({ verdict: "invalid" })).toHaveLength(750);
    expect(await paths({ verdict: "invalid,valid" })).toHaveLength(REQUESTS);
    expect(await paths({ status: "5xx" })).toHaveLength(300);
    expect(await paths({ status: "404,500" })).toHaveLength(600);
    expect(await paths({ status: "2xx", method: "PUT", verdict: "invalid" })).toHaveLength(
      Array.from({ length: REQUESTS }, (_, n) => n).filter(
        (n) => n % 3 === 0 && n % 4 === 0 && n % 10 !== 0 && n % 10 !== 1,
      ).length,
    );
  });

  it("separates first deliveries from retries", async () => {
    const firsts = await paths({ duplicates: "hide" });
    const retries = await paths({ duplicates: "only" });
    expect(firsts.length + retries.length).toBe(REQUESTS);
    expect(retries).toHaveLength(REQUESTS / 2);
  });

  it("narrows by a time range, inclusive at both ends", async () => {
    const since = "2026-01-01T01:00:00.000Z";
    const until = "2026-01-01T01:09:00.000Z";
    expect(await paths({ since, until })).toEqual(Array.from({ length: 10 }, (_, i) => `/n/${69 - i}`));
    // Epoch milliseconds work too: n = 2979 was received 2979 minutes after the start.
    const lastTwentyOne = Array.from({ length: 21 }, (_, i) => `/n/${2999 - i}`);
    expect(await paths({ since: String(Date.parse("2026-01-03T01:39:00Z")) })).toEqual(lastTwentyOne);
  });

  it("indexes the bin's queued requests on its first search", async () => {
    const { db } = database();
    const where = async () => {
      const [queued] = await db.select({ n: count() }).from(searchQueue).where(eq(searchQueue.binId, binId));
      const [indexed] = await db
        .select({ n: count() })
        .from(requestSearch)
        .where(eq(requestSearch.binId, binId));
      return [queued?.n, indexed?.n];
    };
    expect(await where()).toEqual([REQUESTS, 0]);
    expect(await paths({ q: "/n/1234" })).toEqual(["/n/1234"]);
    expect(await where()).toEqual([0, REQUESTS]);
  });

  it("searches the body, headers and path, case-insensitively, every term required", async () => {
    expect(await paths({ q: "cus_1234" })).toEqual(
      Array.from({ length: REQUESTS }, (_, n) => n)
        .filter((n) => `cus_${n}`.includes("cus_1234"))
        .reverse()
        .map((n) => `/n/${n}`),
    );
    expect(await paths({ q: "INVOICE.PAID" })).toHaveLength(Math.ceil(REQUESTS / 7));
    expect(await paths({ q: "invoice.paid billing" })).toHaveLength(
      Array.from({ length: REQUESTS }, (_, n) => n).filter((n) => n % 7 === 0 && n % 5 === 0).length,
    );
    expect(await paths({ q: "/n/2999" })).toEqual(["/n/2999"]);
    expect(await paths({ q: "no-such-thing" })).toEqual([]);
  });

  it("treats LIKE wildcards in a search as literal characters", async () => {
    expect(await paths({ q: "100%_off" })).toHaveLength(REQUESTS / 5);
    expect(await paths({ q: '"Billing 100%_off"' })).toHaveLength(REQUESTS / 5);
    expect(await paths({ q: "1%0" })).toEqual([]);
    expect(await paths({ q: "cus\\_1" })).toEqual([]);
  });

  it("applies the filter to the replay after a cursor and to single-id checks", async () => {
    const all = await listRequestSummaries(database(), { binId, limit: 5000 });
    const oldest = all.at(-1)?.id ?? 0;
    const after = await listRequestSummariesAfter(database(), {
      binId,
      after: oldest,
      limit: 3,
      filter: filter({ status: "500" }),
    });
    expect(after.map((r) => r.path)).toEqual(["/n/10", "/n/20", "/n/30"]);
    const ids = all.slice(0, 10).map((r) => r.id);
    const matching = await requestIdsMatching(database(), {
      binId,
      ids,
      filter: filter({ q: "/n/2995" }),
    });
    expect([...matching]).toEqual([all.find((r) => r.path === "/n/2995")?.id]);
  });

  it("finds a body that is not UTF-8, and one with NUL bytes", async () => {
    const body = Buffer.concat([
      Buffer.from("needle-\u00e9-"),
      Buffer.from([0, 0xff, 0xfe]),
      Buffer.from("tail"),
    ]);
    const saved = await insertCapturedRequest(
      database(),
      captureRecord(binId, { path: "/binary", body, bodySize: body.length }),
    );
    expect(saved).not.toBeNull();
    expect(await paths({ q: "needle-\u00e9" })).toEqual(["/binary"]);
    expect(await paths({ q: "tail" })).toEqual(["/binary"]);
  });
});
