import { gzipSync } from "node:zlib";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hashToken, newToken } from "../core/auth/token";
import { requestFilterParamsSchema } from "../core/requests/filter";
import { drivers, useDatabase } from "../test/databases";
import { captureRecord } from "../test/records";
import { captureStore } from "./capture-store";
import { deleteBin, insertBin } from "./queries/bins";
import { deleteRequest, insertCapturedRequest, listRequestSummaries } from "./queries/requests";
import { startIndexingBin } from "./queries/search-index";
import { requestSearch, searchQueue } from "./schema";
import { SearchIndexer } from "./search-indexer";

describe.each(drivers)("the search indexer on %s", (driver) => {
  const database = useDatabase(driver, { ownDatabase: "hookscope_unit_search_index" });
  let bins = 0;
  const newBin = async () =>
    (await insertBin(database().db, { id: `search-index-${++bins}`, tokenHash: hashToken(newToken()) })).id;
  /** A bin that has been searched before: the background indexer keeps it up to date. */
  const searchedBin = async () => {
    const binId = await newBin();
    await startIndexingBin(database(), binId);
    return binId;
  };
  /** Where a bin's requests are: waiting in the queue, or in the index. */
  const where = async (binId: string) => {
    const { db } = database();
    const [queued] = await db.select({ n: count() }).from(searchQueue).where(eq(searchQueue.binId, binId));
    const [indexed] = await db
      .select({ n: count() })
      .from(requestSearch)
      .where(eq(requestSearch.binId, binId));
    return { queued: queued?.n, indexed: indexed?.n };
  };
  const search = async (binId: string, q: string) =>
    (
      await listRequestSummaries(database(), {
        binId,
        limit: 100,
        filter: requestFilterParamsSchema.parse({ q }),
      })
    ).map((request) => request.path);
  const store = (binId: string, path: string, body: string | Buffer, headers?: [string, string][]) =>
    insertCapturedRequest(
      database(),
      captureRecord(binId, { path, body: Buffer.from(body), ...(headers ? { headers } : {}) }),
    );

  it("queues a capture, and a search of its bin indexes it first and finds it", async () => {
    const binId = await newBin();
    await store(binId, "/a", '{"customer":"cus_queued"}');
    expect(await where(binId)).toEqual({ queued: 1, indexed: 0 });
    expect(await search(binId, "cus_queued")).toEqual(["/a"]);
    expect(await where(binId)).toEqual({ queued: 0, indexed: 1 });
    expect(await search(binId, "cus_queued")).toEqual(["/a"]);
  });

  it("indexes the text a person reads: a gzip body decoded, headers and path", async () => {
    const binId = await newBin();
    await store(binId, "/gz", gzipSync('{"event":"compressed-needle"}'), [["Content-Encoding", "gzip"]]);
    expect(await search(binId, "compressed-needle")).toEqual(["/gz"]);
    expect(await search(binId, "content-encoding: gzip")).toEqual(["/gz"]);
  });

  it("indexes only bins someone searched: a first search indexes the backlog, later captures follow", async () => {
    const binId = await newBin();
    for (let n = 0; n < 3; n++) await store(binId, `/before/${n}`, `before-${n}`);
    const indexer = new SearchIndexer(database());
    expect(await indexer.run()).toBe(0);
    expect(await where(binId)).toEqual({ queued: 3, indexed: 0 });
    expect(await search(binId, "before-1")).toEqual(["/before/1"]);
    expect(await where(binId)).toEqual({ queued: 0, indexed: 3 });
    await store(binId, "/after", "after-search");
    expect(await indexer.run()).toBe(1);
    expect(await where(binId)).toEqual({ queued: 0, indexed: 4 });
    await indexer.close();
  });

  it("takes a request's queue entry along when the request or its bin is deleted", async () => {
    const binId = await newBin();
    const first = await store(binId, "/first", "x");
    await store(binId, "/second", "x");
    await deleteRequest(database().db, { binId, id: first?.id ?? -1 });
    expect(await where(binId)).toEqual({ queued: 1, indexed: 0 });
    await deleteBin(database().db, binId);
    expect(await where(binId)).toEqual({ queued: 0, indexed: 0 });
  });

  it("catches up only the bin searched", async () => {
    const [searched, other] = [await newBin(), await newBin()];
    await store(searched, "/mine", "x");
    await store(other, "/theirs", "x");
    await search(searched, "x");
    expect(await where(searched)).toEqual({ queued: 0, indexed: 1 });
    expect(await where(other)).toEqual({ queued: 1, indexed: 0 });
  });

  it("shares catch-up passes between searches of a bin that overlap", async () => {
    const binId = await newBin();
    for (let n = 0; n < 30; n++) await store(binId, `/shared/${n}`, `shared-${n}`);
    let reads = 0;
    const counted = new SearchIndexer({
      query: (text, params) => {
        if (text.includes("from search_queue where bin_id")) reads++;
        return database().query(text, params);
      },
    });
    const moved = await Promise.all(Array.from({ length: 20 }, () => counted.catchUp(binId)));
    // The first call runs a pass; the other 19 arrive while it runs and share one more.
    expect(reads).toBe(2);
    expect(moved.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(30);
    expect(await where(binId)).toEqual({ queued: 0, indexed: 30 });
    await counted.catchUp(binId);
    expect(reads).toBe(3);
  });

  it("leaves a bin that a catch-up is indexing out of a whole-queue run, so no text is made twice", async () => {
    const binId = await searchedBin();
    for (let n = 0; n < 30; n++) await store(binId, `/once/${n}`, `once-${n}`);
    let offered = 0;
    const counting = new SearchIndexer(
      {
        query: (text, params) => {
          if (text.includes("json_to_recordset")) {
            const entries = JSON.parse(String(params?.[0])) as { bin_id: string }[];
            offered += entries.filter((entry) => entry.bin_id === binId).length;
          }
          return database().query(text, params);
        },
      },
      { batch: 10 },
    );
    await Promise.all([counting.catchUp(binId), counting.run()]);
    expect(offered).toBe(30);
    expect(await where(binId)).toEqual({ queued: 0, indexed: 30 });
  });

  it("waits, on close, for every pass in flight: a bin's catch-up as well as a whole-queue run", async () => {
    const binId = await newBin();
    await store(binId, "/closing", "closing");
    const indexer = new SearchIndexer(database());
    const settled: string[] = [];
    const catchUp = indexer.catchUp(binId).then(() => settled.push("catch-up"));
    const run = indexer.run().then(() => settled.push("run"));
    await indexer.close();
    expect(settled.sort()).toEqual(["catch-up", "run"]);
    await Promise.all([catchUp, run]);
  });

  it("empties the whole queue in batches", async () => {
    const binId = await searchedBin();
    for (let n = 0; n < 25; n++) await store(binId, `/n/${n}`, `{"n":"item-${n}"}`);
    const indexer = new SearchIndexer(database(), { batch: 10 });
    await indexer.run();
    expect(await where(binId)).toEqual({ queued: 0, indexed: 25 });
    expect(await search(binId, "item-2")).toEqual(["/n/24", "/n/23", "/n/22", "/n/21", "/n/20", "/n/2"]);
    await indexer.close();
  });

  it("drops a request deleted before it was indexed, and the text of one deleted after", async () => {
    const binId = await searchedBin();
    const early = await store(binId, "/early", "gone-before");
    await deleteRequest(database().db, { binId, id: early?.id ?? -1 });
    const late = await store(binId, "/late", "gone-after");
    await new SearchIndexer(database()).run();
    expect(await where(binId)).toEqual({ queued: 0, indexed: 1 });
    await deleteRequest(database().db, { binId, id: late?.id ?? -1 });
    expect(await where(binId)).toEqual({ queued: 0, indexed: 0 });
    expect(await search(binId, "gone")).toEqual([]);
  });

  it("waits for captures to pause before indexing, but no longer than maxWaitMs", async () => {
    const binId = await searchedBin();
    await store(binId, "/steady", "steady load");
    const indexer = new SearchIndexer(database(), { quietMs: 300, maxWaitMs: 600 });
    const started = Date.now();
    let queuedEarly: number | undefined;
    while (Date.now() - started < 1_500) {
      indexer.poke();
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (queuedEarly === undefined && Date.now() - started >= 200) queuedEarly = (await where(binId)).queued;
    }
    expect(queuedEarly).toBe(1);
    expect(await where(binId)).toEqual({ queued: 0, indexed: 1 });
    await indexer.close();
  });

  it("is poked by every capture and indexes a burst shortly after", async () => {
    const binId = await searchedBin();
    const capture = captureStore(database(), { rateLimitPerMinute: 1_000_000 });
    await Promise.all(
      Array.from({ length: 40 }, (_, n) => capture.save(captureRecord(binId, { path: `/burst/${n}` }))),
    );
    await expect.poll(async () => (await where(binId)).queued, { timeout: 5_000 }).toBe(0);
    expect((await where(binId)).indexed).toBe(40);
  });

  it("lets indexers and searches run side by side: each text indexed once, no search misses one", async () => {
    const binId = await searchedBin();
    for (let n = 0; n < 300; n++) await store(binId, `/side/${n}`, `side-${n}`);
    const indexers = [1, 2, 3].map(() => new SearchIndexer(database(), { batch: 7 }));
    const [found] = await Promise.all([
      search(binId, "side-29"),
      ...indexers.map((indexer) => indexer.run()),
    ]);
    expect(found).toEqual([
      "/side/299",
      "/side/298",
      "/side/297",
      "/side/296",
      "/side/295",
      "/side/294",
      "/side/293",
      "/side/292",
      "/side/291",
      "/side/290",
      "/side/29",
    ]);
    expect(await where(binId)).toEqual({ queued: 0, indexed: 300 });
  });
});
