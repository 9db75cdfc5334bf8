import { describe, expect, it } from "vitest";
import { hashToken, newToken } from "../core/auth/token";
import { newBinId } from "../core/ids";
import { drivers, useDatabase } from "../test/databases";
import { captureRecord } from "../test/records";
import { captureWriter } from "./capture-writer";
import type { DatabaseHandle } from "./client";
import { insertBin } from "./queries/bins";
import { getRequest, listRequestSummaries } from "./queries/requests";

describe.each(drivers)("the capture writer on %s", (driver) => {
  const database = useDatabase(driver);

  const newBin = () => insertBin(database().db, { id: newBinId(), tokenHash: hashToken(newToken()) });

  /** A writer whose statements are counted, over the real database. */
  function countedWriter(options: Parameters<typeof captureWriter>[1]) {
    const statements: number[] = [];
    const query: DatabaseHandle["query"] = (text, params) => {
      statements.push(params.length);
      return database().query(text, params);
    };
    return { writer: captureWriter({ query }, options), statements };
  }

  it("links each request to the bin's request stored before it, even with writers in parallel", async () => {
    const [bin, other] = [await newBin(), await newBin()];
    // Three writers stand for three instances: their statements run at once on separate connections.
    const writers = [1, 2, 3].map(() => captureWriter(database(), { maxBatch: 7 }));
    const saved = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        (writers[i % 3] as (typeof writers)[number]).save(
          captureRecord(i % 4 === 0 ? other.id : bin.id, { path: `/chain/${i}` }),
        ),
      ),
    );
    expect(saved.every(Boolean)).toBe(true);
    for (const binId of [bin.id, other.id]) {
      const rows = (await listRequestSummaries(database(), { binId, limit: 500 })).reverse();
      // Oldest first: every request points at the one just before it, the first at none.
      expect(rows.map((row) => row.previousId)).toEqual([null, ...rows.slice(0, -1).map((row) => row.id)]);
    }
    // And the next capture continues the chain.
    const last = (await listRequestSummaries(database(), { binId: bin.id, limit: 1 }))[0];
    const next = await writers[0]?.save(captureRecord(bin.id, { path: "/chain/next" }));
    expect(next?.previousId).toBe(last?.id);
  });

  it("writes a lone capture at once, in a statement of its own", async () => {
    const bin = await newBin();
    const { writer, statements } = countedWriter({ maxInFlight: 2 });
    const saved = await writer.save(captureRecord(bin.id, { path: "/alone" }));
    expect(saved?.path).toBe("/alone");
    expect(statements).toHaveLength(1);
  });

  it("stores a burst in fewer statements, every capture exactly once with its own bytes", async () => {
    const { db } = database();
    const bin = await newBin();
    const { writer, statements } = countedWriter({ maxInFlight: 2, maxBatch: 16 });
    const records = Array.from({ length: 100 }, (_, i) =>
      captureRecord(bin.id, { path: `/burst/${i}`, body: Buffer.from([i, 0, 255 - i]), bodySize: 3 }),
    );
    const saved = await Promise.all(records.map((record) => writer.save(record)));
    expect(saved.map((row) => row?.path)).toEqual(records.map((record) => record.path));
    expect(new Set(saved.map((row) => row?.id)).size).toBe(100);
    expect(statements.length).toBeLessThan(20);
    for (const [index, row] of saved.entries()) {
      const stored = await getRequest(db, { binId: bin.id, id: row?.id ?? -1 });
      expect(stored?.path).toBe(`/burst/${index}`);
      expect(stored?.body.equals(Buffer.from([index, 0, 255 - index]))).toBe(true);
    }
    expect(await listRequestSummaries(database(), { binId: bin.id, limit: 200 })).toHaveLength(100);
  });

  it("numbers a storm of one key 1…50 across batches, exactly one first", async () => {
    const bin = await newBin();
    const { writer } = countedWriter({ maxInFlight: 4 });
    const key = { dedupKey: "webhook-id:storm", dedupSource: "webhook-id" };
    const saved = await Promise.all(
      Array.from({ length: 50 }, () => writer.save(captureRecord(bin.id, key))),
    );
    expect(saved.map((row) => row?.occurrence).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 1),
    );
    const first = saved.find((row) => row?.occurrence === 1);
    for (const row of saved) if (row !== first) expect(row?.duplicateOf).toBe(first?.id);
  });

  it("numbers interleaved keys within shared batches", async () => {
    const bin = await newBin();
    const { writer, statements } = countedWriter({ maxInFlight: 1 });
    const keys = ["a", "b", "c", "a", "b", "a", "d", "a"];
    const saved = await Promise.all(
      keys.map((key) =>
        writer.save(captureRecord(bin.id, { dedupKey: `webhook-id:${key}`, dedupSource: "webhook-id" })),
      ),
    );
    expect(saved.map((row) => row?.occurrence)).toEqual([1, 1, 1, 2, 2, 3, 1, 4]);
    expect(statements.length).toBeLessThan(keys.length);
  });

  it("gathers captures saved in one turn of the event loop into one statement", async () => {
    const bin = await newBin();
    const { writer, statements } = countedWriter({ maxInFlight: 1 });
    // Saved one after the other, as separate request callbacks would, before the writer gets a turn.
    const pending = [writer.save(captureRecord(bin.id, { path: "/a" }))];
    await Promise.resolve();
    pending.push(writer.save(captureRecord(bin.id, { path: "/b" })));
    await Promise.resolve();
    pending.push(writer.save(captureRecord(bin.id, { path: "/c" })));
    expect((await Promise.all(pending)).map((row) => row?.path)).toEqual(["/a", "/b", "/c"]);
    expect(statements.map((params) => params / 16)).toEqual([3]);
  });

  it("keeps a statement's bodies under the byte limit, and sends a larger capture alone", async () => {
    const bin = await newBin();
    const { writer, statements } = countedWriter({ maxInFlight: 1, maxBatchBytes: 1000 });
    const sizes = [10, 600, 600, 600, 5000, 10];
    const saved = await Promise.all(
      sizes.map((size) =>
        writer.save(captureRecord(bin.id, { body: Buffer.alloc(size, 1), bodySize: size })),
      ),
    );
    expect(saved.map((row) => row?.bodySize)).toEqual(sizes);
    // 10 + 600 + 10 fit under 1000 bytes, a second 600 does not, and the 5000-byte capture goes by
    // itself. A statement has 16 parameters per capture it carries.
    expect(statements.map((params) => params / 16)).toEqual([3, 1, 1, 1]);
  });

  it("stores the rest of a batch when one capture's bin is gone", async () => {
    const bin = await newBin();
    const { writer } = countedWriter({ maxInFlight: 1 });
    const saved = await Promise.all([
      writer.save(captureRecord(bin.id, { path: "/before" })),
      writer.save(captureRecord(bin.id, { path: "/one" })),
      writer.save(captureRecord("deleted-bin", { path: "/lost" })),
      writer.save(captureRecord(bin.id, { path: "/two" })),
    ]);
    expect(saved.map((row) => row?.path ?? null)).toEqual(["/before", "/one", null, "/two"]);
  });
});
