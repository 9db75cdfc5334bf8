import { toRequestSummary } from "@/core/requests/serialize";
import type { RequestSummary } from "@/core/requests/types";
import type { DatabaseHandle } from "@/db/client";
import { listRequestSummariesAfter } from "@/db/queries/requests";

export interface WaitFilter {
  method?: string;
  verdict?: string;
}

const matches = (summary: RequestSummary, filter: WaitFilter) =>
  (!filter.method || summary.method === filter.method) &&
  (!filter.verdict || summary.signature?.verdict === filter.verdict);

/**
 * The first request after `after` that matches the filter: from the table if it is already there,
 * else the moment one is captured. Null at the timeout or when the caller goes away.
 */
export async function waitForRequest(options: {
  database: DatabaseHandle;
  binId: string;
  after: number;
  filter: WaitFilter;
  timeoutMs: number;
  signal: AbortSignal;
}): Promise<string | null> {
  const { database, binId, after, filter, signal } = options;
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
      if (Number(summary.id) > after && matches(summary, filter)) finish(summary.id);
    });
    const timer = setTimeout(() => finish(null), options.timeoutMs);
    signal.addEventListener("abort", onAbort, { once: true });
    void (async () => {
      for (let cursor = after; !done; ) {
        const rows = await listRequestSummariesAfter(database.db, { binId, after: cursor, limit: 200 });
        const hit = rows.map(toRequestSummary).find((summary) => matches(summary, filter));
        if (hit) return finish(hit.id);
        if (rows.length < 200) return;
        cursor = rows.at(-1)?.id ?? cursor;
      }
    })().catch(() => finish(null));
  });
}
