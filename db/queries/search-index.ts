import type { HeaderPair } from "../../core/requests/types";
import type { DatabaseHandle } from "../client";

export interface QueuedRequest {
  id: number;
  binId: string;
  /** Null when the request was deleted after it was queued. */
  request: { path: string; query: string; headers: HeaderPair[]; body: Uint8Array } | null;
}

const QUEUED = `
  select search_queue.request_id::text as id, search_queue.bin_id, captured_requests.id is null as gone,
    captured_requests.path, captured_requests.query, captured_requests.headers, captured_requests.body
  from search_queue left join captured_requests on captured_requests.id = search_queue.request_id
  where $2::text is null or search_queue.bin_id = $2::text
  order by search_queue.request_id
  limit $1`;

/** The oldest queued requests (of one bin, or of all), with what their search text is made of. */
export async function queuedForIndexing(
  database: Pick<DatabaseHandle, "query">,
  params: { limit: number; binId?: string },
): Promise<QueuedRequest[]> {
  const rows = await database.query(QUEUED, [params.limit, params.binId ?? null]);
  return rows.map((row) => ({
    id: Number(row.id),
    binId: String(row.bin_id),
    request: row.gone
      ? null
      : {
          path: String(row.path),
          query: String(row.query),
          headers: row.headers as HeaderPair[],
          body: row.body as Uint8Array,
        },
  }));
}

/**
 * Takes requests off the queue and puts their text in the index, in one statement (one transaction):
 * a request leaves the queue exactly when its text is searchable. A request another indexer took
 * meanwhile is left to that one (the delete finds nothing, so nothing is inserted), and the text of
 * one deleted meanwhile is dropped.
 */
const STORE = `
  with entry as (
    select * from json_to_recordset($1::json) as entry(request_id bigint, bin_id text, search_text text)
  ),
  moved as (
    delete from search_queue where request_id in (select request_id from entry) returning request_id
  )
  insert into request_search (request_id, bin_id, search_text)
  select entry.request_id, entry.bin_id, entry.search_text from entry
  where entry.search_text is not null
    and entry.request_id in (select request_id from moved)
    and exists (select 1 from captured_requests where captured_requests.id = entry.request_id)
  on conflict (request_id) do nothing`;

export async function storeSearchText(
  database: Pick<DatabaseHandle, "query">,
  entries: { requestId: number; binId: string; searchText: string | null }[],
): Promise<void> {
  if (entries.length === 0) return;
  const json = entries.map((entry) => ({
    request_id: entry.requestId,
    bin_id: entry.binId,
    search_text: entry.searchText,
  }));
  await database.query(STORE, [JSON.stringify(json)]);
}
