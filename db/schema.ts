import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import type { BinSettings, ForwardRule } from "../core/bins/settings";
import type { RedirectHop } from "../core/replay/follow-redirects";
import type { HeaderPair } from "../core/requests/types";
import type { SignatureVerdict } from "../core/signatures/types";

// drizzle-orm has no bytea column; raw bodies must round-trip byte for byte on both drivers.
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const bins = pgTable("bins", {
  id: text().primaryKey(),
  name: text(),
  // SHA-256 of the owner token: a leaked database does not hand out access to the dashboards.
  tokenHash: text().notNull(),
  // Per-bin behaviour (signature scheme, responses, forwarding) lives here as later features add it.
  // Read through readBinSettings, which fills in defaults for whatever an older version stored.
  settings: jsonb().$type<Partial<BinSettings>>().notNull().default({}),
  // The signing secrets ({current, previous}) sealed with AES-256-GCM; never returned by the API.
  secretsSealed: text(),
  /** Failures still to simulate in the "next N requests" mode, counted down atomically by captures. */
  failuresRemaining: integer().notNull().default(0),
  /** Requests refused by the bin's rate limit (not stored), for the dashboard. */
  refusedCount: bigint({ mode: "number" }).notNull().default(0),
  /**
   * Whether the search indexer keeps this bin's requests in the trigram index. Set by the bin's first
   * search: most bins are never searched, and indexing costs more than storing the request.
   */
  searchIndexed: boolean().notNull().default(false),
  /**
   * The bin's newest request. Every capture statement locks the bin's row, reads this as its first
   * request's previous id and moves it on: see capturedRequests.previousId.
   */
  lastRequestId: bigint({ mode: "number" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const capturedRequests = pgTable(
  "captured_requests",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    binId: text()
      .notNull()
      .references(() => bins.id, { onDelete: "cascade" }),
    method: text().notNull(),
    /** Sub-path after `/h/<binId>`, still percent-encoded; empty when nothing follows the bin id. */
    path: text().notNull(),
    /** Raw query string without the leading `?`. */
    query: text().notNull().default(""),
    headers: jsonb().$type<HeaderPair[]>().notNull(),
    body: bytea().notNull(),
    contentType: text(),
    /** Bytes received, or the declared size when the body was refused as too large. */
    bodySize: bigint({ mode: "number" }).notNull(),
    bodyTooLarge: boolean().notNull().default(false),
    remoteAddr: text(),
    /** The event identity this delivery carries (see core/duplicates), and where it came from. */
    dedupKey: text(),
    dedupSource: text(),
    /** 1 for the first delivery of its key, 2 for the first retry, … */
    occurrence: integer(),
    /** For a repeated delivery, the first request that carried its key. */
    duplicateOf: bigint({ mode: "number" }),
    /**
     * The bin's request stored just before this one (null for a bin's first, and for requests stored
     * before this column existed). Captures of a bin hold its row lock from drawing their ids to their
     * commit, so these links chain a bin's requests in commit order across instances: an event
     * stream that sees a link to a request it has not seen yet reads the gap from the table first.
     */
    previousId: bigint({ mode: "number" }),
    /** valid | invalid | missing | expired | unchecked; a column of its own so lists can filter on it. */
    signatureVerdict: text(),
    /** The full verdict: scheme, reason, and what was compared. */
    signature: jsonb().$type<SignatureVerdict>(),
    /** The status Hookscope answered the sender with. */
    responseStatus: integer().notNull(),
    receivedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index("captured_requests_bin_id_id_idx").on(table.binId, sql`${table.id} desc`)],
);

/**
 * The text search runs over (core/requests/search-text), one row per captured request, under a
 * trigram index: substring search (ILIKE '%term%') without reading every row of a bin. Indexing a
 * row's trigrams costs more than storing the request, so it happens off the capture path, and only
 * for bins someone searches: captures only queue their id, and db/search-indexer fills this table in
 * batches.
 */
export const requestSearch = pgTable(
  "request_search",
  {
    requestId: bigint({ mode: "number" })
      .primaryKey()
      .references(() => capturedRequests.id, { onDelete: "cascade" }),
    binId: text().notNull(),
    searchText: text().notNull(),
  },
  (table) => [
    index("request_search_bin_id_idx").on(table.binId),
    index("request_search_text_idx").using("gin", table.searchText.op("gin_trgm_ops")),
  ],
);

/**
 * Captured requests whose text is not in request_search yet. A search first indexes its bin's
 * queued requests, so it never misses one. Every capture queues itself in its own transaction, so
 * the queue is exact even for a bin whose first search starts while captures are in flight. The
 * queue of a bin nobody searches lasts as long as its requests (the foreign key takes it along).
 */
export const searchQueue = pgTable(
  "search_queue",
  {
    requestId: bigint({ mode: "number" })
      .primaryKey()
      .references(() => capturedRequests.id, { onDelete: "cascade" }),
    binId: text().notNull(),
  },
  (table) => [index("search_queue_bin_id_request_id_idx").on(table.binId, table.requestId)],
);

/**
 * Forwarding tries that are due, or will be: kept in the database so that a restart, or the loss
 * of an instance, does not drop them. An instance claims a due try for a while (claimed_until) and
 * deletes it once made; a claim whose instance died runs out, and another instance makes the try.
 */
export const forwardTries = pgTable(
  "forward_tries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    binId: text()
      .notNull()
      .references(() => bins.id, { onDelete: "cascade" }),
    requestId: bigint({ mode: "number" })
      .notNull()
      .references(() => capturedRequests.id, { onDelete: "cascade" }),
    rule: jsonb().$type<ForwardRule>().notNull(),
    /** 0 for the first try, 1 for the first retry, … (an index into FORWARD_RETRY_DELAYS_MS). */
    attempt: integer().notNull(),
    dueAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    claimedUntil: timestamp({ withTimezone: true, precision: 3 }),
  },
  (table) => [index("forward_tries_due_at_idx").on(table.dueAt)],
);

/**
 * One row per event identity seen in a bin. Upserting it in the capture's own statement numbers the
 * deliveries of a key: the row lock makes concurrent deliveries take 1, 2, 3… with no gap or repeat.
 */
export const deliveryKeys = pgTable(
  "delivery_keys",
  {
    binId: text()
      .notNull()
      .references(() => bins.id, { onDelete: "cascade" }),
    key: text().notNull(),
    firstRequestId: bigint({ mode: "number" }).notNull(),
    deliveries: integer().notNull().default(1),
    lastSeenAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.binId, table.key] })],
);

/** Each time a captured request was sent again to a target, and what the target answered. */
export const replays = pgTable(
  "replays",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    requestId: bigint({ mode: "number" })
      .notNull()
      .references(() => capturedRequests.id, { onDelete: "cascade" }),
    binId: text()
      .notNull()
      .references(() => bins.id, { onDelete: "cascade" }),
    method: text().notNull(),
    url: text().notNull(),
    requestHeaders: jsonb().$type<HeaderPair[]>().notNull(),
    /** Null when no answer came (see error). */
    status: integer(),
    responseHeaders: jsonb().$type<HeaderPair[]>().notNull(),
    responseBody: bytea().notNull(),
    bodyTruncated: boolean().notNull().default(false),
    durationMs: integer().notNull(),
    error: text(),
    /** "manual" (the dashboard or API) or "forward" (a bin's forwarding rule). */
    trigger: text().notNull().default("manual"),
    /** 1 for the first try, counting up through a forwarding rule's retries. */
    attempt: integer().notNull().default(1),
    /** The redirects followed on the way to the answer (only when asked to follow them). */
    redirects: jsonb().$type<RedirectHop[]>(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index("replays_request_id_idx").on(table.requestId, sql`${table.id} desc`)],
);

/**
 * Read-only links to a bin (or to one of its requests). The token is stored as its SHA-256, as owner
 * tokens are; revoking a link deletes its row.
 */
export const binShares = pgTable(
  "bin_shares",
  {
    id: text().primaryKey(),
    binId: text()
      .notNull()
      .references(() => bins.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    /** Set when the link shows one request only. */
    requestId: bigint({ mode: "number" }).references(() => capturedRequests.id, { onDelete: "cascade" }),
    label: text(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index("bin_shares_bin_id_idx").on(table.binId)],
);

export type Bin = typeof bins.$inferSelect;
export type BinShare = typeof binShares.$inferSelect;
export type NewBin = typeof bins.$inferInsert;
export type CapturedRequest = typeof capturedRequests.$inferSelect;
export type NewCapturedRequest = typeof capturedRequests.$inferInsert;
export type Replay = typeof replays.$inferSelect;
export type NewReplay = typeof replays.$inferInsert;
