import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashToken, newToken } from "../../core/auth/token";
import type { CaptureRecord } from "../../core/capture/capture";
import { newBinId } from "../../core/ids";
import { drivers, useDatabase } from "../../test/databases";
import { captureRecord } from "../../test/records";
import { insertBin } from "./bins";
import {
  getRequest,
  insertCapturedRequest,
  listRequestSummaries,
  listRequestSummariesAfter,
} from "./requests";

describe.each(drivers)("captured requests on %s", (driver) => {
  const database = useDatabase(driver);

  async function newBin() {
    return insertBin(database().db, { id: newBinId(), tokenHash: hashToken(newToken()) });
  }

  it("keeps every byte, every header and their order", async () => {
    const { db } = database();
    const bin = await newBin();
    const body = Buffer.concat([Buffer.from([0, 1, 0xff, 0xfe]), randomBytes(64 * 1024)]);
    const headers: CaptureRecord["headers"] = [
      ["X-Repeat", "one"],
      ["content-type", "application/octet-stream"],
      ["X-Repeat", "two"],
    ];
    const saved = await insertCapturedRequest(
      database(),
      captureRecord(bin.id, { body, headers, bodySize: body.length }),
    );
    expect(saved).not.toBeNull();
    const stored = await getRequest(db, { binId: bin.id, id: saved?.id ?? -1 });
    expect(stored?.body.equals(body)).toBe(true);
    expect(stored?.headers).toEqual(headers);
  });

  it("returns null for a bin that does not exist", async () => {
    expect(await insertCapturedRequest(database(), captureRecord("no-such-bin"))).toBeNull();
  });

  it("pages newest first with a cursor, and replays what came after an id", async () => {
    const bin = await newBin();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const saved = await insertCapturedRequest(database(), captureRecord(bin.id, { path: `/${i}` }));
      ids.push(saved?.id ?? -1);
    }
    const first = await listRequestSummaries(database(), { binId: bin.id, limit: 2 });
    expect(first.map((r) => r.path)).toEqual(["/4", "/3"]);
    const second = await listRequestSummaries(database(), { binId: bin.id, limit: 2, before: first[1]?.id });
    expect(second.map((r) => r.path)).toEqual(["/2", "/1"]);
    const after = await listRequestSummariesAfter(database(), {
      binId: bin.id,
      after: ids[2] ?? 0,
      limit: 10,
    });
    expect(after.map((r) => r.path)).toEqual(["/3", "/4"]);
  });

  it("numbers 50 simultaneous deliveries of one key 1…50, exactly one first, all stored", async () => {
    const bin = await newBin();
    const key = { dedupKey: "github-delivery:storm", dedupSource: "github-delivery" };
    const saved = await Promise.all(
      Array.from({ length: 50 }, () => insertCapturedRequest(database(), captureRecord(bin.id, key))),
    );
    const occurrences = saved.map((row) => row?.occurrence).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(occurrences).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    const first = saved.find((row) => row?.occurrence === 1);
    expect(first?.duplicateOf).toBeNull();
    for (const row of saved) if (row !== first) expect(row?.duplicateOf).toBe(first?.id);
    const stored = await listRequestSummaries(database(), { binId: bin.id, limit: 100 });
    expect(stored).toHaveLength(50);
    expect(new Set(stored.map((row) => row.deliveries))).toEqual(new Set([50]));
    const visible = await listRequestSummaries(database(), {
      binId: bin.id,
      limit: 100,
      filter: { duplicates: "hide" },
    });
    expect(visible.map((row) => row.id)).toEqual([first?.id]);
  });

  it("keeps keys apart per bin and leaves keyless requests unnumbered", async () => {
    const [a, b] = [await newBin(), await newBin()];
    const key = { dedupKey: "webhook-id:msg_1", dedupSource: "webhook-id" };
    expect((await insertCapturedRequest(database(), captureRecord(a.id, key)))?.occurrence).toBe(1);
    expect((await insertCapturedRequest(database(), captureRecord(b.id, key)))?.occurrence).toBe(1);
    expect((await insertCapturedRequest(database(), captureRecord(a.id, key)))?.occurrence).toBe(2);
    const plain = await insertCapturedRequest(database(), captureRecord(a.id));
    expect(plain?.occurrence).toBeNull();
    expect(plain?.duplicateOf).toBeNull();
  });

  it("does not number a delivery to a missing bin", async () => {
    const key = { dedupKey: "fingerprint:x", dedupSource: "fingerprint" };
    expect(await insertCapturedRequest(database(), captureRecord("missing-bin", key))).toBeNull();
  });

  it("does not show one bin's requests in another", async () => {
    const { db } = database();
    const [a, b] = [await newBin(), await newBin()];
    const saved = await insertCapturedRequest(database(), captureRecord(a.id));
    expect(await listRequestSummaries(database(), { binId: b.id, limit: 10 })).toEqual([]);
    expect(await getRequest(db, { binId: b.id, id: saved?.id ?? -1 })).toBeNull();
  });
});
