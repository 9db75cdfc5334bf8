import type { RequestFilter } from "@/core/requests/filter";
import type { DatabaseHandle } from "@/db/client";
import { listRequestSummariesAfter } from "@/db/queries/requests";
import { liveFilter } from "./live-filter";

/**
 * The first request after `after` that matches the filter: from the table if it is already there,
 * else the moment one is captured. Null at the timeout or when the caller goes away.
 */
export async function waitForRequest(options: {
  database: DatabaseHandle;
  binId: string;
  after: number;
  filter: RequestFilter;
  timeoutMs: number;
  signal: AbortSignal;
}): Promise<string | null> {
  const { database, binId, after, filter, signal } = options;
  const check = liveFilter(database, binId, filter);
  return new Promise((resolve) => {
    let done = false;
    const finish = (id: string | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      signal.removeEventListener("abort", onAbort);
      resolve(id);
    };
    const onAbort = () => finish(null);
    // Subscribed before the table is read, so a request landing in between is not missed.
    const unsubscribe = database.events.subscribe(binId, (summary) => {
      if (Number(summary.id) <= after) return;
      Promise.resolve(check.passes(summary)).then(
        (yes) => yes && finish(summary.id),
        () => {},
      );
    });
    const timer = setTimeout(() => finish(null), options.timeoutMs);
    signal.addEventListener("abort", onAbort, { once: true });
    listRequestSummariesAfter(database, { binId, after, limit: 1, filter })
      .then(([hit]) => hit && finish(String(hit.id)))
      .catch(() => finish(null));
  });
}
