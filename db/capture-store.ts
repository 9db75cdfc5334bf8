import type { CaptureStore } from "../core/capture/capture";
import type { DatabaseHandle } from "./client";
import type { Forwarder } from "./forwarder";
import { takeFailure } from "./queries/bins";

/** The database side of capture, shared by both mounts (the node:http fast path and the Next route). */
export function captureStore(
  database: DatabaseHandle,
  defaults: { rateLimitPerMinute: number; forwarder?: Forwarder },
): CaptureStore {
  return {
    findBin: (binId) => database.bins.get(binId),
    save: async (record) => {
      const saved = await database.captures.save(record);
      if (saved) {
        database.housekeeping.touched(record.binId);
        database.searchIndex.poke();
        defaults.forwarder?.captured(record.binId, saved.id);
      }
      return saved;
    },
    takeFailure: (binId) => takeFailure(database.db, binId),
    admit: (binId, perMinute) => {
      const wait = database.rateLimiter.take(binId, perMinute ?? defaults.rateLimitPerMinute);
      if (wait !== null) database.housekeeping.refused(binId);
      return wait;
    },
  };
}
