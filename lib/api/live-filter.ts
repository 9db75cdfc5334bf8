import { type RequestFilter, summaryMatches } from "@/core/requests/filter";
import type { RequestSummary } from "@/core/requests/types";
import type { DatabaseHandle } from "@/db/client";
import { requestIdsMatching } from "@/db/queries/requests";

/**
 * Decides whether a live event passes a filter. Column conditions are checked on the summary; search
 * terms need the stored headers and body, so those events are asked of the database (by primary key).
 */
export function liveFilter(
  database: DatabaseHandle,
  binId: string,
  filter: RequestFilter,
): (summary: RequestSummary) => Promise<boolean> {
  if (!filter.search?.length) return async (summary) => summaryMatches(summary, filter);
  return async (summary) => {
    if (!summaryMatches(summary, filter)) return false;
    const id = Number(summary.id);
    return (await requestIdsMatching(database, { binId, ids: [id], filter })).has(id);
  };
}
