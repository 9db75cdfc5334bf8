import { afterAll, beforeAll } from "vitest";
import { type DatabaseHandle, openDatabase } from "../db/client";
import { testDatabaseUrl } from "./postgres";

export const drivers = ["pglite", "postgres"] as const;
export type Driver = (typeof drivers)[number];

/**
 * Opens a real database of the given driver for one describe block: an in-memory PGlite, or the
 * suite's Postgres database (created by the global setup).
 */
export function useDatabase(driver: Driver): () => DatabaseHandle {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await openDatabase(
      driver === "postgres" ? { databaseUrl: testDatabaseUrl("hookscope_unit") } : { dataDir: "memory://" },
    );
  });
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error("database not open yet");
    return handle;
  };
}
