import { afterAll, beforeAll } from "vitest";
import { type DatabaseHandle, openDatabase } from "../db/client";
import { recreateDatabase, testDatabaseUrl } from "./postgres";

export const drivers = ["pglite", "postgres"] as const;
export type Driver = (typeof drivers)[number];

/**
 * Opens a real database of the given driver for one describe block: an in-memory PGlite, or the
 * suite's Postgres database (created by the global setup). Tests that count rows across bins, which
 * the suite's other files write to at the same time, ask for a Postgres database of their own.
 */
export function useDatabase(driver: Driver, options: { ownDatabase?: string } = {}): () => DatabaseHandle {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    if (driver === "pglite") {
      handle = await openDatabase({ dataDir: "memory://" });
      return;
    }
    const databaseUrl = options.ownDatabase
      ? await recreateDatabase(options.ownDatabase)
      : testDatabaseUrl("hookscope_unit");
    handle = await openDatabase({ databaseUrl });
  });
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error("database not open yet");
    return handle;
  };
}
