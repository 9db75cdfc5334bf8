import { between, gt, gte, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { RequestFilter } from "../../core/requests/filter";
import { capturedRequests, requestSearch } from "../schema";

/** `%` and `_` are LIKE wildcards and `\` its escape: a search term means its literal characters. */
const likeLiteral = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A search term as a condition: the request's text contains it (see db/search-indexer). */
function contains(binId: string, term: string): SQL {
  const pattern = `%${likeLiteral(term)}%`;
  return sql`${capturedRequests.id} in (
    select ${requestSearch.requestId} from ${requestSearch}
    where ${requestSearch.binId} = ${binId} and ${requestSearch.searchText} ilike ${pattern})`;
}

/** The filter as SQL conditions on a bin's captured_requests (an empty list when nothing narrows). */
export function filterConditions(binId: string, filter: RequestFilter): SQL[] {
  const conditions: (SQL | undefined)[] = [];
  if (filter.methods?.length) conditions.push(inArray(capturedRequests.method, filter.methods));
  if (filter.verdicts?.length) conditions.push(inArray(capturedRequests.signatureVerdict, filter.verdicts));
  if (filter.duplicates === "hide") {
    conditions.push(or(isNull(capturedRequests.occurrence), lte(capturedRequests.occurrence, 1)));
  } else if (filter.duplicates === "only") {
    conditions.push(gt(capturedRequests.occurrence, 1));
  }
  if (filter.statuses?.length) {
    conditions.push(
      or(
        ...filter.statuses.map((status) =>
          "code" in status
            ? inArray(capturedRequests.responseStatus, [status.code])
            : between(capturedRequests.responseStatus, status.class * 100, status.class * 100 + 99),
        ),
      ),
    );
  }
  if (filter.since) conditions.push(gte(capturedRequests.receivedAt, filter.since));
  if (filter.until) conditions.push(lte(capturedRequests.receivedAt, filter.until));
  for (const term of filter.search ?? []) {
    conditions.push(contains(binId, term));
  }
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

export const hasSearch = (filter: RequestFilter) => (filter.search?.length ?? 0) > 0;
