import type { HeaderPair } from "../../core/requests/types";
import type { DatabaseHandle } from "../client";

export interface QueuedRequest {
  id: number;
  binId: string;
  request: { path: string; query: string; headers: HeaderPair[]; body: Uint8Array };
}

// The ids are picked first (a LIMIT keeps the planner from joining first): a queue that grew in a
// burst has stale statistics, and a join planned before the limit read every queued request's row.
// A queued id always has its request: deleting a request takes its queue entry along.
const readQueued = (pick: string) => `
  select picked.request_id::text as id, picked.bin_id, captured_requests.path, captured_requests.query,
    captured_requests.headers, captured_requests.body
  from (${pick}) as picked join captured_requests on captured_requests.id = picked.request_id
  order by picked.request_id`;

const QUEUED_FOR_BIN = readQueued(`
  select request_id, bin_id from search_queue where bin_id = $2 order by request_id limit $1`);

// Bin by bin (the queue's bin index), so the queues of the many bins nobody searched are not read.
const QUEUED_FOR_INDEXED_BINS = readQueued(`
  select search_queue.request_id, search_queue.bin_id
  from bins join search_queue on search_queue.bin_id = bins.id
  where bins.search_indexed and bins.id <> all($2::text[])
  limit $1`);

/**
 * Queued requests with what their search text is made of: a bin's oldest, or any of the bins kept
 * in the index (searchIndexed) but those another pass is already on.
 */
export async function queuedForIndexing(
  database: Pick<DatabaseHandle, "query">,
  params: { limit: number } & ({ binId: string } | { exceptBins: string[] }),
): Promise<QueuedRequest[]> {
  const rows = await ("binId" in params
    ? database.query(QUEUED_FOR_BIN, [params.limit, params.binId])
    : database.query(QUEUED_FOR_INDEXED_BINS, [params.limit, params.exceptBins]));
  return rows.map((row) => ({
    id: Number(row.id),
    binId: String(row.bin_id),
    request: {
      path: String(row.path),
      query: String(row.query),
      headers: row.headers as HeaderPair[],
      body: row.body as Uint8Array,
    },
  }));
}

/** Keeps the bin in the index from now on (its queue so far is the backlog to index). */
export async function startIndexingBin(
  database: Pick<DatabaseHandle, "query">,
  binId: string,
): Promise<void> {
  await database.query("update bins set search_indexed = true where id = $1 and not search_indexed", [binId]);
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
  where entry.request_id in (select request_id from moved)
    and exists (select 1 from captured_requests where captured_requests.id = entry.request_id)
  on conflict (request_id) do nothing`;

export async function storeSearchText(
  database: Pick<DatabaseHandle, "query">,
  entries: { requestId: number; binId: string; searchText: string }[],
): Promise<void> {
  if (entries.length === 0) return;
  const json = entries.map((entry) => ({
    request_id: entry.requestId,
    bin_id: entry.binId,
    search_text: entry.searchText,
  }));
  await database.query(STORE, [JSON.stringify(json)]);
}
