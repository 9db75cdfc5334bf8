import type { CaptureStore } from "../core/capture/capture";
import type { DatabaseHandle } from "./client";
import { insertCapturedRequest } from "./queries/requests";

/** The database side of capture, shared by both mounts (the node:http fast path and the Next route). */
export function captureStore(database: DatabaseHandle): CaptureStore {
  return {
    findBin: (binId) => database.bins.get(binId),
    save: (record) => insertCapturedRequest(database, record),
  };
}
