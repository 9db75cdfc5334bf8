import postgres from "postgres";

/** The server every machine here runs; tests create and own a database of their own on it. */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function testDatabaseUrl(name: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and creates a database, so every run starts from an empty schema and applies the migrations. */
export async function recreateDatabase(name: string): Promise<string> {
  const admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } catch (error) {
    throw new Error(
      `Cannot prepare the test database on ${TEST_POSTGRES_URL}. Is PostgreSQL running? ` +
        `(pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)\n${String(error)}`,
    );
  } finally {
    await admin.end({ timeout: 5 });
  }
  return testDatabaseUrl(name);
}
