import path from "node:path";
import type { Config } from "../core/config";

/** Which database is in use, for the start-up line: never the connection string, which may hold a password. */
export function describeDatabase(config: Config): string {
  if (!config.DATABASE_URL) return `embedded database in ${path.resolve(config.HOOKSCOPE_DATA_DIR)}`;
  try {
    const url = new URL(config.DATABASE_URL);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  } catch {
    return "PostgreSQL";
  }
}
