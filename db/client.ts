import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { openSecrets } from "../core/bins/secrets";
import { readBinSettings } from "../core/bins/settings";
import { RateLimiter } from "../core/capture/rate-limiter";
import { loadConfig } from "../core/config";
import { logError } from "../core/log-error";
import { resolveSecretKey } from "../core/secrets/secret-key";
import { BinCache } from "./bin-cache";
import { type CaptureWriter, captureWriter } from "./capture-writer";
import { acquireDirectoryLock } from "./directory-lock";
import {
  CAPTURE_CHANNEL,
  CaptureEvents,
  type CapturePublisher,
  deliverNotification,
  localPublisher,
  postgresPublisher,
} from "./events";
import { HousekeepingLog } from "./housekeeping";
import { migrationsFolder } from "./migrations-folder";
import { getBin } from "./queries/bins";
import { getRequestSummariesByIds } from "./queries/requests";
import * as schema from "./schema";
import { SearchIndexer } from "./search-indexer";

/** Both drivers' drizzle databases, seen through the query API they share. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  driver: "postgres" | "pglite";
  db: Database;
  events: CaptureEvents;
  publisher: CapturePublisher;
  /** Bins as capture sees them, cached briefly. */
  bins: BinCache;
  secretKey: Buffer | null;
  rateLimiter: RateLimiter;
  housekeeping: HousekeepingLog;
  /**
   * Runs one parameterised statement of the db module's own (the capture insert) straight on the
   * driver: prepared once per connection on Postgres, where drizzle's execute would re-plan it.
   */
  query(text: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  /** Stores captures, batching those that arrive together into one statement and commit. */
  captures: CaptureWriter;
  /** Moves queued search text into the trigram index; captures poke it. */
  searchIndex: SearchIndexer;
  /** Call after changing or deleting a bin: drops it from every instance's cache. */
  binChanged(binId: string): void;
  close(): Promise<void>;
}

const BIN_CHANNEL = "hookscope_bins";

function binCache(db: Database, secretKey: Buffer | null): BinCache {
  return new BinCache(async (binId) => {
    const bin = await getBin(db, binId);
    return bin
      ? { settings: readBinSettings(bin.settings), secrets: openSecrets(bin.secretsSealed, secretKey) }
      : null;
  });
}

export interface OpenOptions {
  /** Seals and unseals bin secrets; null when none is configured (a server database without a key). */
  secretKey?: Buffer | null;
  /** postgres.js connection string; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite's folder, or `memory://` for a throwaway in-memory database (tests). */
  dataDir?: string;
}

const MIGRATION_LOCK_ID = 727_274;

function logErrors(context: string) {
  return (error: unknown) => logError(context, error);
}

async function openPostgres(url: string, secretKey: Buffer | null): Promise<DatabaseHandle> {
  // Several instances may start together: migrate on one connection holding a session advisory lock.
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(drizzlePostgres(migrator), { migrationsFolder: path.resolve(migrationsFolder) });
  } finally {
    await migrator.end({ timeout: 5 });
  }

  const sql = postgres(url, { max: 10, onnotice: () => {}, connection: { application_name: "hookscope" } });
  const db = drizzlePostgres(sql, { schema, casing: "snake_case" }) as unknown as Database;
  const events = new CaptureEvents();
  const instanceId = randomUUID();
  const listener = await sql.listen(CAPTURE_CHANNEL, (payload) => {
    deliverNotification(events, payload, instanceId, (ids) => getRequestSummariesByIds(db, ids)).catch(
      logErrors("cross-instance event"),
    );
  });
  const bins = binCache(db, secretKey);
  const binListener = await sql.listen(BIN_CHANNEL, (binId) => bins.invalidate(binId));
  const query: DatabaseHandle["query"] = (text, params) =>
    sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true }) as unknown as Promise<
      Record<string, unknown>[]
    >;
  const searchIndex = new SearchIndexer({ query }, { onError: logErrors("search indexing") });
  return {
    driver: "postgres",
    db,
    events,
    publisher: postgresPublisher(events, sql, instanceId, logErrors("NOTIFY")),
    bins,
    secretKey,
    rateLimiter: new RateLimiter(),
    housekeeping: new HousekeepingLog(),
    query,
    // One statement at a time, carrying whatever arrived meanwhile: measured faster here (npm run
    // bench) than several smaller ones in parallel, and it leaves the rest of the pool to the API.
    captures: captureWriter({ query }),
    searchIndex,
    binChanged(binId) {
      bins.invalidate(binId);
      sql.notify(BIN_CHANNEL, binId).catch(logErrors("NOTIFY"));
    },
    async close() {
      await searchIndex.close();
      await listener.unlisten().catch(() => {});
      await binListener.unlisten().catch(() => {});
      await sql.end({ timeout: 5 });
    },
  };
}

async function openPglite(dataDir: string, secretKey: Buffer | null): Promise<DatabaseHandle> {
  const inMemory = dataDir === "memory://";
  let releaseLock = () => {};
  let pglite: PGlite;
  if (inMemory) {
    pglite = new PGlite({ extensions: { pg_trgm } });
  } else {
    const root = path.resolve(dataDir);
    mkdirSync(root, { recursive: true });
    // Two processes on one PGlite folder both appear to work and corrupt it: allow exactly one.
    releaseLock = acquireDirectoryLock(root);
    pglite = new PGlite(path.join(root, "pglite"), { extensions: { pg_trgm } });
  }
  try {
    await pglite.waitReady;
    const db = drizzlePglite(pglite, { schema, casing: "snake_case" });
    await migratePglite(db, { migrationsFolder: path.resolve(migrationsFolder) });
    const events = new CaptureEvents();
    const bins = binCache(db as unknown as Database, secretKey);
    const query: DatabaseHandle["query"] = async (text, params) =>
      (await pglite.query<Record<string, unknown>>(text, params)).rows;
    // PGlite runs one statement at a time in this process, so captures wait behind an indexing pass:
    // keep passes short, and hold them back while captures keep coming (a search catches up anyway).
    const searchIndex = new SearchIndexer(
      { query },
      { batch: 100, maxWaitMs: 60_000, onError: logErrors("search indexing") },
    );
    return {
      driver: "pglite",
      db: db as unknown as Database,
      events,
      publisher: localPublisher(events),
      bins,
      secretKey,
      rateLimiter: new RateLimiter(),
      housekeeping: new HousekeepingLog(),
      query,
      // PGlite runs one statement at a time: everything that arrives meanwhile joins the next batch.
      captures: captureWriter({ query }),
      searchIndex,
      binChanged: (binId) => bins.invalidate(binId),
      async close() {
        await searchIndex.close();
        await pglite.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** Opens a database and brings its schema up to date. */
export function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  const secretKey = options.secretKey ?? null;
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, secretKey)
    : openPglite(options.dataDir ?? ".data", secretKey);
}

// The custom server and Next's bundled route code are two copies of this module in one process;
// they must share one database (and PGlite must be opened once), so the handle lives on globalThis.
const GLOBAL_KEY = Symbol.for("hookscope.database");
type GlobalWithDatabase = typeof globalThis & { [GLOBAL_KEY]?: Promise<DatabaseHandle> };

/** The process's database, opened from the environment on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  const store = globalThis as GlobalWithDatabase;
  if (!store[GLOBAL_KEY]) {
    const config = loadConfig();
    const secretKey = resolveSecretKey({
      setting: config.HOOKSCOPE_SECRET_KEY,
      // Only the embedded database keeps its key beside its data; a server database needs it configured.
      dataDir: config.DATABASE_URL ? undefined : config.HOOKSCOPE_DATA_DIR,
    });
    store[GLOBAL_KEY] = openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.HOOKSCOPE_DATA_DIR,
      secretKey,
    });
  }
  return store[GLOBAL_KEY];
}

export async function closeDatabase(): Promise<void> {
  const store = globalThis as GlobalWithDatabase;
  const handle = store[GLOBAL_KEY];
  store[GLOBAL_KEY] = undefined;
  if (handle) await (await handle).close();
}
