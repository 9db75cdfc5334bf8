import { describe, expect, it } from "vitest";
import { hashToken, newToken } from "../core/auth/token";
import { applySettingsPatch, readBinSettings } from "../core/bins/settings";
import { newBinId } from "../core/ids";
import { drivers, useDatabase } from "../test/databases";
import { captureRecord } from "../test/records";
import { runHousekeeping } from "./housekeeping";
import { getBin, insertBin, takeFailure, updateBin } from "./queries/bins";
import {
  clearBin,
  deleteRequest,
  insertCapturedRequest,
  listRequestSummaries,
  trimBin,
} from "./queries/requests";

const DAY_MS = 86_400_000;

describe.each(drivers)("housekeeping on %s", (driver) => {
  const database = useDatabase(driver);

  function newBin(createdAt?: Date) {
    return insertBin(database().db, { id: newBinId(), tokenHash: hashToken(newToken()), createdAt });
  }

  /** Stores `count` requests one after another (so ids follow the order), paths /0 … /count-1. */
  async function capture(binId: string, count: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const saved = await insertCapturedRequest(database(), captureRecord(binId, { path: `/${i}` }));
      if (!saved) throw new Error(`bin ${binId} is missing`);
      ids.push(saved.id);
    }
    return ids;
  }

  async function storedPaths(binId: string): Promise<string[]> {
    const rows = await listRequestSummaries(database(), { binId, limit: 1000 });
    return rows.map((row) => row.path);
  }

  async function storedIds(binId: string): Promise<number[]> {
    const rows = await listRequestSummaries(database(), { binId, limit: 1000 });
    return rows.map((row) => row.id);
  }

  describe("trimBin", () => {
    it("keeps exactly the newest N and deletes exactly the oldest", async () => {
      const bin = await newBin();
      const ids = await capture(bin.id, 8);
      expect(await trimBin(database().db, bin.id, 3)).toBe(5);
      expect(await storedPaths(bin.id)).toEqual(["/7", "/6", "/5"]);
      expect(await storedIds(bin.id)).toEqual(ids.slice(5).reverse());
    });

    it("leaves a bin under its cap untouched", async () => {
      const bin = await newBin();
      const ids = await capture(bin.id, 3);
      expect(await trimBin(database().db, bin.id, 5)).toBe(0);
      expect(await trimBin(database().db, bin.id, 3)).toBe(0);
      expect(await storedIds(bin.id)).toEqual([...ids].reverse());
    });

    it("leaves another bin's requests alone, even older ones", async () => {
      const [other, trimmed] = [await newBin(), await newBin()];
      const otherIds = await capture(other.id, 4);
      await capture(trimmed.id, 4);
      expect(await trimBin(database().db, trimmed.id, 1)).toBe(3);
      expect(await storedPaths(trimmed.id)).toEqual(["/3"]);
      expect(await storedIds(other.id)).toEqual([...otherIds].reverse());
    });
  });

  describe("runHousekeeping", () => {
    it("trims a recorded bin to the instance cap", async () => {
      const bin = await newBin();
      await capture(bin.id, 6);
      database().housekeeping.touched(bin.id);
      const result = await runHousekeeping(database(), { maxRequests: 4 });
      expect(result).toEqual({ trimmed: 2, expired: [] });
      expect(await storedPaths(bin.id)).toEqual(["/5", "/4", "/3", "/2"]);
    });

    it("trims a recorded bin to its own maxRequests, which wins over the instance cap", async () => {
      const bin = await newBin();
      await capture(bin.id, 6);
      const settings = applySettingsPatch(readBinSettings({}), { maxRequests: 3 });
      await updateBin(database().db, bin.id, { settings });
      database().binChanged(bin.id);
      database().housekeeping.touched(bin.id);
      const result = await runHousekeeping(database(), { maxRequests: 100 });
      expect(result.trimmed).toBe(3);
      expect(await storedPaths(bin.id)).toEqual(["/5", "/4", "/3"]);
    });

    it("does not trim bins that were not recorded", async () => {
      const [recorded, unrecorded] = [await newBin(), await newBin()];
      await capture(recorded.id, 3);
      await capture(unrecorded.id, 3);
      database().housekeeping.touched(recorded.id);
      expect((await runHousekeeping(database(), { maxRequests: 1 })).trimmed).toBe(2);
      expect(await storedPaths(recorded.id)).toEqual(["/2"]);
      expect(await storedPaths(unrecorded.id)).toEqual(["/2", "/1", "/0"]);
    });

    it("forgets what it handled, so the next pass does not trim the bin again", async () => {
      const bin = await newBin();
      await capture(bin.id, 3);
      database().housekeeping.touched(bin.id);
      await runHousekeeping(database(), { maxRequests: 5 });
      await capture(bin.id, 3);
      expect((await runHousekeeping(database(), { maxRequests: 1 })).trimmed).toBe(0);
      expect(await storedPaths(bin.id)).toHaveLength(6);
    });

    it("adds recorded refusals to the bin's refused count", async () => {
      const [a, b] = [await newBin(), await newBin()];
      const log = database().housekeeping;
      log.refused(a.id);
      log.refused(a.id);
      log.refused(b.id);
      await runHousekeeping(database(), { maxRequests: 100 });
      expect((await getBin(database().db, a.id))?.refusedCount).toBe(2);
      expect((await getBin(database().db, b.id))?.refusedCount).toBe(1);
      log.refused(a.id);
      await runHousekeeping(database(), { maxRequests: 100 });
      expect((await getBin(database().db, a.id))?.refusedCount).toBe(3);
    });

    it("deletes bins older than the TTL with their requests and keeps younger ones", async () => {
      const old = await newBin(new Date(Date.now() - 10 * DAY_MS));
      const young = await newBin(new Date(Date.now() - 6 * DAY_MS));
      const fresh = await newBin();
      await capture(old.id, 2);
      await capture(young.id, 2);
      const result = await runHousekeeping(database(), { maxRequests: 100, binTtlDays: 7 });
      // The Postgres database is shared with other test files: only this file's bins are asserted.
      expect(result.expired).toContain(old.id);
      expect(result.expired).not.toContain(young.id);
      expect(result.expired).not.toContain(fresh.id);
      expect(await getBin(database().db, old.id)).toBeNull();
      expect(await storedPaths(old.id)).toEqual([]);
      expect(await getBin(database().db, young.id)).not.toBeNull();
      expect(await storedPaths(young.id)).toEqual(["/1", "/0"]);
      expect(await database().bins.get(old.id)).toBeNull();
    });

    it("deletes no bins without a TTL", async () => {
      const old = await newBin(new Date(Date.now() - 1000 * DAY_MS));
      expect((await runHousekeeping(database(), { maxRequests: 100 })).expired).toEqual([]);
      expect(await getBin(database().db, old.id)).not.toBeNull();
    });
  });

  describe("takeFailure", () => {
    it("hands out exactly the remaining failures to concurrent requests", async () => {
      const bin = await newBin();
      await updateBin(database().db, bin.id, { failuresRemaining: 3 });
      const taken = await Promise.all(Array.from({ length: 10 }, () => takeFailure(database().db, bin.id)));
      expect(taken.filter(Boolean)).toHaveLength(3);
      expect((await getBin(database().db, bin.id))?.failuresRemaining).toBe(0);
      expect(await takeFailure(database().db, bin.id)).toBe(false);
    });

    it("takes nothing from a bin that has no countdown or does not exist", async () => {
      const bin = await newBin();
      expect(await takeFailure(database().db, bin.id)).toBe(false);
      expect((await getBin(database().db, bin.id))?.failuresRemaining).toBe(0);
      expect(await takeFailure(database().db, "no-such-bin")).toBe(false);
    });
  });

  describe("clearBin and deleteRequest", () => {
    it("clears a bin's requests and starts its delivery numbering again at 1", async () => {
      const [bin, other] = [await newBin(), await newBin()];
      const key = { dedupKey: "webhook-id:msg_1", dedupSource: "webhook-id" };
      await insertCapturedRequest(database(), captureRecord(bin.id, key));
      expect((await insertCapturedRequest(database(), captureRecord(bin.id, key)))?.occurrence).toBe(2);
      await insertCapturedRequest(database(), captureRecord(other.id, key));
      expect(await clearBin(database().db, bin.id)).toBe(2);
      expect(await storedIds(bin.id)).toEqual([]);
      const again = await insertCapturedRequest(database(), captureRecord(bin.id, key));
      expect(again?.occurrence).toBe(1);
      expect(again?.duplicateOf).toBeNull();
      // The other bin's numbering is its own and survives the clear.
      expect((await insertCapturedRequest(database(), captureRecord(other.id, key)))?.occurrence).toBe(2);
    });

    it("deletes one request and reports false for an unknown id", async () => {
      const bin = await newBin();
      const ids = await capture(bin.id, 3);
      const [first, second, third] = ids;
      if (first === undefined || second === undefined || third === undefined) throw new Error("not stored");
      expect(await deleteRequest(database().db, { binId: bin.id, id: second })).toBe(true);
      expect(await storedIds(bin.id)).toEqual([third, first]);
      expect(await deleteRequest(database().db, { binId: bin.id, id: second })).toBe(false);
      expect(await deleteRequest(database().db, { binId: bin.id, id: 999_999_999 })).toBe(false);
    });

    it("does not delete a request through another bin's id", async () => {
      const [bin, other] = [await newBin(), await newBin()];
      const [id] = await capture(bin.id, 1);
      expect(await deleteRequest(database().db, { binId: other.id, id: id ?? -1 })).toBe(false);
      expect(await storedIds(bin.id)).toEqual([id]);
    });
  });
});
