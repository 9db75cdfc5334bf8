import { and, asc, desc, eq, gt, inArray, lt, lte } from "drizzle-orm";
import type { CaptureRecord } from "../../core/capture/capture";
import type { RequestFilter } from "../../core/requests/filter";
import type { HeaderPair, StoredRequest, StoredRequestSummary } from "../../core/requests/types";
import type { SignatureVerdict } from "../../core/signatures/types";
import type { Database, DatabaseHandle } from "../client";
import { capturedRequests, deliveryKeys } from "../schema";
import { filterConditions, hasSearch } from "./request-filter";

const summaryColumns = {
  id: capturedRequests.id,
  binId: capturedRequests.binId,
  method: capturedRequests.method,
  path: capturedRequests.path,
  query: capturedRequests.query,
  contentType: capturedRequests.contentType,
  bodySize: capturedRequests.bodySize,
  bodyTooLarge: capturedRequests.bodyTooLarge,
  remoteAddr: capturedRequests.remoteAddr,
  responseStatus: capturedRequests.responseStatus,
  receivedAt: capturedRequests.receivedAt,
  dedupKey: capturedRequests.dedupKey,
  dedupSource: capturedRequests.dedupSource,
  occurrence: capturedRequests.occurrence,
  duplicateOf: capturedRequests.duplicateOf,
  previousId: capturedRequests.previousId,
  deliveries: deliveryKeys.deliveries,
  signature: capturedRequests.signature,
};

const deliveriesJoin = and(
  eq(deliveryKeys.binId, capturedRequests.binId),
  eq(deliveryKeys.key, capturedRequests.dedupKey),
);

const FOREIGN_KEY_VIOLATION = "23503";

function isForeignKeyViolation(error: unknown): boolean {
  // drizzle wraps driver errors; postgres.js and PGlite both carry the SQLSTATE as `code`.
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) return true;
  }
  return false;
}

interface InsertedRow {
  ord: number | string;
  id: string;
  received_ms: number | string;
  occurrence: number | null;
  duplicate_of: string | null;
  previous_id: string | null;
}

export interface CaptureToInsert {
  record: CaptureRecord;
  /** When the request was originally received (an import); a capture takes the commit's clock. */
  receivedAt?: Date;
}

/**
 * What one capture sends, in order: the input column, its type, and its value. The statement's
 * VALUES rows, its column list and the parameters are all read from this one list.
 */
const CAPTURE_INPUT: [column: string, type: string, value: (capture: CaptureToInsert) => unknown][] = [
  ["bin_id", "text", ({ record }) => record.binId],
  ["method", "text", ({ record }) => record.method],
  ["path", "text", ({ record }) => record.path],
  ["query", "text", ({ record }) => record.query],
  ["headers", "jsonb", ({ record }) => JSON.stringify(record.headers)],
  ["body", "bytea", ({ record }) => record.body],
  ["content_type", "text", ({ record }) => record.contentType],
  ["body_size", "bigint", ({ record }) => record.bodySize],
  ["body_too_large", "boolean", ({ record }) => record.bodyTooLarge],
  ["remote_addr", "text", ({ record }) => record.remoteAddr],
  ["response_status", "integer", ({ record }) => record.responseStatus],
  [
    "signature",
    "jsonb",
    ({ record }) => (record.signature === null ? null : JSON.stringify(record.signature)),
  ],
  ["dedup_key", "text", ({ record }) => record.dedupKey],
  ["dedup_source", "text", ({ record }) => record.dedupSource],
  ["signature_verdict", "text", ({ record }) => record.signatureVerdict],
  ["received_at", "timestamptz", ({ receivedAt }) => receivedAt?.toISOString() ?? null],
];

/**
 * Stores captures and numbers their deliveries in one statement (one round trip, one transaction,
 * one commit for the lot). The statement first locks its bins' rows (in id order, so two statements
 * cannot deadlock), and only then draws ids: within a bin, ids are drawn and committed in one order
 * on every instance, and each request records the bin's request before it (previous_id). Each key's
 * row is upserted with its request's id (the row lock orders concurrent deliveries of one key), and
 * the request is inserted with the resulting occurrence; its id joins the search indexer's queue.
 * Two records of one bin and key cannot share a statement (an upsert may touch a row once); the
 * capture writer keeps them apart. Postgres prepares each batch size's text once per connection.
 */
function insertCapturesSql(count: number): string {
  const rows = Array.from({ length: count }, (_, row) => {
    const values = CAPTURE_INPUT.map(
      ([, type], column) => `$${row * CAPTURE_INPUT.length + column + 1}::${type}`,
    );
    return `(${row}, ${values.join(", ")})`;
  });
  const columns = CAPTURE_INPUT.map(([column]) => column).join(", ");
  return `
  with input (ord, ${columns}) as (values ${rows.join(",\n    ")}),
  locked as materialized (
    select id as bin_id, last_request_id from bins
    where id in (select bin_id from input)
    order by id
    for no key update
  ),
  numbered as materialized (
    select nextval('captured_requests_id_seq'::regclass) as id, input.* from input
    -- Evaluated before the first id is drawn: the bins are locked first.
    where (select count(*) from locked) >= 0
  ),
  chained as (
    select numbered.id,
      coalesce(lag(numbered.id) over (partition by numbered.bin_id order by numbered.id), locked.last_request_id)
        as previous_id
    -- A bin deleted a moment ago has no row to lock: its capture still goes on, to fail the bins
    -- foreign key (the caller's sign that the bin is gone).
    from numbered left join locked on locked.bin_id = numbered.bin_id
  ),
  advanced as (
    update bins set last_request_id = latest.id
    from (select bin_id, max(id) as id from numbered group by bin_id) as latest
    where bins.id = latest.bin_id
  ),
  delivery as (
    insert into delivery_keys (bin_id, key, first_request_id)
    select bin_id, dedup_key, id from numbered where dedup_key is not null
    on conflict (bin_id, key) do update
      set deliveries = delivery_keys.deliveries + 1, last_seen_at = now()
    returning bin_id, key, deliveries, first_request_id
  ),
  queued as (
    insert into search_queue (request_id, bin_id) select id, bin_id from numbered
  ),
  inserted as (
    insert into captured_requests (id, bin_id, method, path, query, headers, body, content_type, body_size,
      body_too_large, remote_addr, response_status, dedup_key, dedup_source, signature_verdict, signature,
      occurrence, duplicate_of, received_at, previous_id)
    select n.id, n.bin_id, n.method, n.path, n.query, n.headers, n.body, n.content_type, n.body_size,
      n.body_too_large, n.remote_addr, n.response_status, n.dedup_key, n.dedup_source, n.signature_verdict,
      n.signature, d.deliveries, case when d.deliveries > 1 then d.first_request_id end,
      coalesce(n.received_at, now()), chained.previous_id
    from numbered n
      join chained on chained.id = n.id
      left join delivery d on d.bin_id = n.bin_id and d.key = n.dedup_key
    returning id, received_at, occurrence, duplicate_of, previous_id
  )
  select numbered.ord, inserted.id::text, (extract(epoch from inserted.received_at) * 1000)::float8 as received_ms,
    inserted.occurrence, inserted.duplicate_of::text, inserted.previous_id::text
  from inserted join numbered on numbered.id = inserted.id`;
}

const statements = new Map<number, string>();
function statementFor(count: number): string {
  let text = statements.get(count);
  if (!text) {
    text = insertCapturesSql(count);
    statements.set(count, text);
  }
  return text;
}

function captureParams(captures: CaptureToInsert[]): unknown[] {
  const params: unknown[] = [];
  for (const capture of captures) for (const [, , value] of CAPTURE_INPUT) params.push(value(capture));
  return params;
}

// Field by field rather than a rest spread: this runs for every capture, and V8 copies a rest
// spread slowly.
function storedSummary(record: CaptureRecord, row: InsertedRow): StoredRequestSummary {
  return {
    binId: record.binId,
    method: record.method,
    path: record.path,
    query: record.query,
    contentType: record.contentType,
    bodySize: record.bodySize,
    bodyTooLarge: record.bodyTooLarge,
    remoteAddr: record.remoteAddr,
    responseStatus: record.responseStatus,
    dedupKey: record.dedupKey,
    dedupSource: record.dedupSource,
    signature: record.signature,
    id: Number(row.id),
    receivedAt: new Date(Number(row.received_ms)),
    occurrence: row.occurrence,
    duplicateOf: row.duplicate_of === null ? null : Number(row.duplicate_of),
    previousId: row.previous_id === null ? null : Number(row.previous_id),
    deliveries: row.occurrence,
  };
}

/**
 * Stores several captures in one transaction: all or none. A missing bin fails the whole statement
 * (the foreign-key violation is thrown); store them one by one to tell which.
 */
export async function insertCapturedRequests(
  database: Pick<DatabaseHandle, "query">,
  captures: CaptureToInsert[],
): Promise<StoredRequestSummary[]> {
  if (captures.length === 0) return [];
  const rows = (await database.query(
    statementFor(captures.length),
    captureParams(captures),
  )) as unknown as InsertedRow[];
  const byOrd = new Map(rows.map((row) => [Number(row.ord), row]));
  return captures.map((capture, ord) => {
    const row = byOrd.get(ord);
    if (!row) throw new Error("the capture insert returned no row");
    return storedSummary(capture.record, row);
  });
}

/** Stores a capture; a missing bin surfaces as the foreign-key violation and returns null, saving a lookup. */
export async function insertCapturedRequest(
  database: Pick<DatabaseHandle, "query">,
  record: CaptureRecord,
  receivedAt?: Date,
): Promise<StoredRequestSummary | null> {
  try {
    const [saved] = await insertCapturedRequests(database, [{ record, receivedAt }]);
    return saved ?? null;
  } catch (error) {
    if (isForeignKeyViolation(error)) return null;
    throw error;
  }
}

/** What the filtered reads need: the database, and the search index to catch up before a search. */
export type SearchableDatabase = Pick<DatabaseHandle, "db" | "searchIndex">;

/** A search reads the trigram index, which trails captures: bring the bin's part up to date first. */
async function readyFor(database: SearchableDatabase, binId: string, filter: RequestFilter | undefined) {
  if (filter && hasSearch(filter)) await database.searchIndex.catchUp(binId);
  return database.db;
}

/** Newest first, keyset-paginated on the (bin_id, id desc) index so deep pages cost the same as the first. */
export async function listRequestSummaries(
  database: SearchableDatabase,
  params: {
    binId: string;
    limit: number;
    before?: number;
    filter?: RequestFilter;
    /** Only this request (a share link to one request). */
    only?: number;
  },
): Promise<StoredRequestSummary[]> {
  const db = await readyFor(database, params.binId, params.filter);
  const conditions = [
    eq(capturedRequests.binId, params.binId),
    ...filterConditions(params.binId, params.filter ?? {}),
  ];
  if (params.before !== undefined) conditions.push(lt(capturedRequests.id, params.before));
  if (params.only !== undefined) conditions.push(eq(capturedRequests.id, params.only));
  return db
    .select(summaryColumns)
    .from(capturedRequests)
    .leftJoin(deliveryKeys, deliveriesJoin)
    .where(and(...conditions))
    .orderBy(desc(capturedRequests.id))
    .limit(params.limit);
}

/** Oldest first after a cursor (and before another): what an event stream has missed. */
export async function listRequestSummariesAfter(
  database: SearchableDatabase,
  params: { binId: string; after: number; before?: number; limit: number; filter?: RequestFilter },
): Promise<StoredRequestSummary[]> {
  const db = await readyFor(database, params.binId, params.filter);
  return db
    .select(summaryColumns)
    .from(capturedRequests)
    .leftJoin(deliveryKeys, deliveriesJoin)
    .where(
      and(
        eq(capturedRequests.binId, params.binId),
        gt(capturedRequests.id, params.after),
        params.before === undefined ? undefined : lt(capturedRequests.id, params.before),
        ...filterConditions(params.binId, params.filter ?? {}),
      ),
    )
    .orderBy(asc(capturedRequests.id))
    .limit(params.limit);
}

/** Which of these requests of a bin pass the filter, for conditions (search) a summary cannot answer. */
export async function requestIdsMatching(
  database: SearchableDatabase,
  params: { binId: string; ids: number[]; filter: RequestFilter },
): Promise<Set<number>> {
  if (params.ids.length === 0) return new Set();
  const db = await readyFor(database, params.binId, params.filter);
  const rows = await db
    .select({ id: capturedRequests.id })
    .from(capturedRequests)
    .where(
      and(
        eq(capturedRequests.binId, params.binId),
        inArray(capturedRequests.id, params.ids),
        ...filterConditions(params.binId, params.filter),
      ),
    );
  return new Set(rows.map((row) => row.id));
}

/** Whole requests (headers and body) newest first, for exports; the same filter and cursor as lists. */
export async function listRequestDetails(
  database: SearchableDatabase,
  params: { binId: string; limit: number; before?: number; filter?: RequestFilter },
): Promise<StoredRequest[]> {
  const db = await readyFor(database, params.binId, params.filter);
  const conditions = [
    eq(capturedRequests.binId, params.binId),
    ...filterConditions(params.binId, params.filter ?? {}),
  ];
  if (params.before !== undefined) conditions.push(lt(capturedRequests.id, params.before));
  return db
    .select({ ...summaryColumns, headers: capturedRequests.headers, body: capturedRequests.body })
    .from(capturedRequests)
    .leftJoin(deliveryKeys, deliveriesJoin)
    .where(and(...conditions))
    .orderBy(desc(capturedRequests.id))
    .limit(params.limit);
}

export function getRequestSummariesByIds(db: Database, ids: number[]): Promise<StoredRequestSummary[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select(summaryColumns)
    .from(capturedRequests)
    .leftJoin(deliveryKeys, deliveriesJoin)
    .where(inArray(capturedRequests.id, ids))
    .orderBy(asc(capturedRequests.id));
}

export async function getRequest(
  db: Database,
  params: { binId: string; id: number },
): Promise<StoredRequest | null> {
  const [row] = await db
    .select({ ...summaryColumns, headers: capturedRequests.headers, body: capturedRequests.body })
    .from(capturedRequests)
    .leftJoin(deliveryKeys, deliveriesJoin)
    .where(and(eq(capturedRequests.binId, params.binId), eq(capturedRequests.id, params.id)));
  return row ?? null;
}

export interface StoredSignedParts {
  id: number;
  binId: string;
  method: string;
  path: string;
  query: string;
  headers: HeaderPair[];
  body: Buffer;
  bodyTooLarge: boolean;
  receivedAt: Date;
}

const REVERIFY_PAGE = 200;

/**
 * Recomputes the signature verdict of every request in a bin, oldest first, a page at a time (each
 * page in one transaction), and returns how many requests got each verdict.
 */
export async function reverifyRequests(
  db: Database,
  binId: string,
  verdictFor: (request: StoredSignedParts) => SignatureVerdict | null,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let after = 0; ; ) {
    const page: StoredSignedParts[] = await db
      .select({
        id: capturedRequests.id,
        binId: capturedRequests.binId,
        method: capturedRequests.method,
        path: capturedRequests.path,
        query: capturedRequests.query,
        headers: capturedRequests.headers,
        body: capturedRequests.body,
        bodyTooLarge: capturedRequests.bodyTooLarge,
        receivedAt: capturedRequests.receivedAt,
      })
      .from(capturedRequests)
      .where(and(eq(capturedRequests.binId, binId), gt(capturedRequests.id, after)))
      .orderBy(asc(capturedRequests.id))
      .limit(REVERIFY_PAGE);
    if (page.length === 0) return counts;
    await db.transaction(async (tx) => {
      for (const request of page) {
        const signature = verdictFor(request);
        if (!signature) continue;
        counts[signature.verdict] = (counts[signature.verdict] ?? 0) + 1;
        await tx
          .update(capturedRequests)
          .set({ signature, signatureVerdict: signature.verdict })
          .where(eq(capturedRequests.id, request.id));
      }
    });
    after = page.at(-1)?.id ?? after;
  }
}

export async function deleteRequest(db: Database, params: { binId: string; id: number }): Promise<boolean> {
  const deleted = await db
    .delete(capturedRequests)
    .where(and(eq(capturedRequests.binId, params.binId), eq(capturedRequests.id, params.id)))
    .returning({ id: capturedRequests.id });
  return deleted.length > 0;
}

/** Removes every request of a bin, and its delivery numbering with them. */
export async function clearBin(db: Database, binId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(capturedRequests)
      .where(eq(capturedRequests.binId, binId))
      .returning({ id: capturedRequests.id });
    await tx.delete(deliveryKeys).where(eq(deliveryKeys.binId, binId));
    return deleted.length;
  });
}

/**
 * Keeps a bin's newest `keep` requests and deletes the older ones: one indexed lookup of the
 * boundary id, then a range delete on the (bin_id, id) index.
 */
export async function trimBin(db: Database, binId: string, keep: number): Promise<number> {
  const [boundary] = await db
    .select({ id: capturedRequests.id })
    .from(capturedRequests)
    .where(eq(capturedRequests.binId, binId))
    .orderBy(desc(capturedRequests.id))
    .offset(keep)
    .limit(1);
  if (!boundary) return 0;
  const deleted = await db
    .delete(capturedRequests)
    .where(and(eq(capturedRequests.binId, binId), lte(capturedRequests.id, boundary.id)))
    .returning({ id: capturedRequests.id });
  return deleted.length;
}
