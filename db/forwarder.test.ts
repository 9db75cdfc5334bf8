import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken, newToken } from "../core/auth/token";
import { drivers, useDatabase } from "../test/databases";
import { type RecordingServer, recordingServer } from "../test/recording-server";
import { captureRecord } from "../test/records";
import { Forwarder } from "./forwarder";
import { insertBin } from "./queries/bins";
import { scheduleForwardTry } from "./queries/forward-tries";
import { listReplays } from "./queries/replays";
import { insertCapturedRequest } from "./queries/requests";
import { forwardTries } from "./schema";

let target: RecordingServer;
let targetUrl = "";
const hits = () => target.received.map((request) => request.url);

beforeAll(async () => {
  target = await recordingServer();
  targetUrl = target.url;
});

afterAll(() => target.close());

describe.each(drivers)("forwarding tries kept in the database on %s", (driver) => {
  const database = useDatabase(driver, { ownDatabase: "hookscope_unit_forward" });
  let bins = 0;

  async function capturedRequest(path: string) {
    const rule = { url: `${targetUrl}/${driver}`, appendPath: true, resign: false };
    const bin = await insertBin(database().db, {
      id: `forward-${driver}-${++bins}`,
      tokenHash: hashToken(newToken()),
      settings: { forwarding: [rule] },
    });
    const stored = await insertCapturedRequest(database(), captureRecord(bin.id, { path }));
    return { binId: bin.id, requestId: stored?.id ?? -1, rule };
  }
  const left = async (binId: string) =>
    (await database().db.select({ n: count() }).from(forwardTries).where(eq(forwardTries.binId, binId)))[0]
      ?.n;

  it("makes a try that an instance scheduled before it stopped, once another instance starts", async () => {
    const { binId, requestId, rule } = await capturedRequest("/left-behind");
    // What an instance that died leaves: a second try, due now, never made.
    await scheduleForwardTry(database().db, { binId, requestId, rule, attempt: 1, dueAt: new Date() });
    const next = new Forwarder(database(), { timeoutMs: 5_000, blockPrivate: false }, [0, 0, 0]);
    try {
      await expect.poll(() => left(binId), { timeout: 5_000 }).toBe(0);
      const replays = await listReplays(database().db, { binId, requestId });
      expect(replays.map((replay) => [replay.trigger, replay.attempt, replay.status])).toEqual([
        ["forward", 2, 200],
      ]);
      expect(hits()).toContain(`/${driver}/left-behind`);
    } finally {
      next.stop();
    }
  });

  it("leaves a try another instance holds until its claim runs out", async () => {
    const { binId, requestId, rule } = await capturedRequest("/held");
    await scheduleForwardTry(database().db, { binId, requestId, rule, attempt: 0, dueAt: new Date() });
    await database()
      .db.update(forwardTries)
      .set({ claimedUntil: new Date(Date.now() + 1_500) })
      .where(eq(forwardTries.binId, binId));
    const other = new Forwarder(database(), { timeoutMs: 5_000, blockPrivate: false }, [0]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await listReplays(database().db, { binId, requestId })).toEqual([]);
      await expect.poll(() => left(binId), { timeout: 5_000 }).toBe(0);
      expect(
        (await listReplays(database().db, { binId, requestId })).map((replay) => replay.attempt),
      ).toEqual([1]);
    } finally {
      other.stop();
    }
  });

  it("forwards a fresh capture and keeps nothing once it is delivered", async () => {
    const { binId, requestId } = await capturedRequest("/fresh");
    const forwarder = new Forwarder(database(), { timeoutMs: 5_000, blockPrivate: false }, [0, 100]);
    try {
      forwarder.captured(binId, requestId);
      await expect.poll(async () => (await listReplays(database().db, { binId, requestId })).length).toBe(1);
      await expect.poll(() => left(binId)).toBe(0);
    } finally {
      forwarder.stop();
    }
  });
});
