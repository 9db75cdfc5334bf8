import { type RequestFilter, summaryMatches } from "@/core/requests/filter";
import type { RequestSummary } from "@/core/requests/types";
import type { DatabaseHandle } from "@/db/client";
import { requestIdsMatching } from "@/db/queries/requests";

/** A filter for live events: answered from the summary alone, or (search terms) by the database. */
export type LiveFilter =
  | { fromDatabase: false; passes: (summary: RequestSummary) => boolean }
  | { fromDatabase: true; passes: (summary: RequestSummary) => Promise<boolean> };

/**
 * Decides whether a live event passes a filter. Column conditions are checked on the summary, at
 * once: every event of a stream goes through this, so the common case costs no promise. Search terms
 * need the stored headers and body, so those events are asked of the database (by primary key).
 */
export function liveFilter(database: DatabaseHandle, binId: string, filter: RequestFilter): LiveFilter {
  if (!filter.search?.length)
    return { fromDatabase: false, passes: (summary) => summaryMatches(summary, filter) };
  return {
    fromDatabase: true,
    passes: async (summary) => {
      if (!summaryMatches(summary, filter)) return false;
      const id = Number(summary.id);
      return (await requestIdsMatching(database, { binId, ids: [id], filter })).has(id);
    },
  };
}
