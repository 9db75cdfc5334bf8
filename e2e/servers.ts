import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { recreateDatabase } from "../test/postgres";

/** The servers the suite runs against: the real build, on each database, two instances sharing Postgres. */
export const SERVERS = {
  pglite: { port: 3301 },
  postgresA: { port: 3302 },
  postgresB: { port: 3303 },
  nextMount: { port: 3304 },
} as const;

export const E2E_MAX_BODY_BYTES = 1024 * 1024;
export const E2E_DATABASE = "hookscope_e2e";
// Instances sharing a database must share the key that seals bin secrets.
export const E2E_SECRET_KEY = Buffer.alloc(32, 42).toString("base64");

export const serverUrl = (name: keyof typeof SERVERS) => `http://127.0.0.1:${SERVERS[name].port}`;

const root = path.resolve(__dirname, "..");
const logDir = path.join(root, "test-results", "server-logs");

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node dist/server.mjs` (what `npm start` runs) and waits until it answers its health check. */
export async function startServer(options: {
  name: string;
  port: number;
  env: Record<string, string>;
}): Promise<RunningServer> {
  const entry = path.join(root, "dist", "server.mjs");
  if (!existsSync(entry))
    throw new Error("dist/server.mjs is missing: run `npm run build` before the e2e tests.");
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(path.join(logDir, `${options.name}.log`));
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      PORT: String(options.port),
      MAX_BODY_BYTES: String(E2E_MAX_BODY_BYTES),
      // Retention and refusal counts show up within a second rather than a minute.
      HOUSEKEEPING_INTERVAL_SECONDS: "0.5",
      FORWARD_RETRY_DELAYS_MS: "0,300,600,900",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) =>
      reject(
        new Error(`${options.name} exited with ${code}; see test-results/server-logs/${options.name}.log`),
      ),
    ),
  );
  await Promise.race([waitForHealth(url), exited]);
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs} ms`);
}

export function freshDataDir(name: string): string {
  const dir = path.join(root, ".data", "test", name);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

/**
 * Playwright global setup: a PGlite server, the same with captures served by the Next route mount,
 * and two Postgres servers started together (racing their migrations).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const databaseUrl = await recreateDatabase(E2E_DATABASE);
  const servers = await Promise.all([
    startServer({
      name: "pglite",
      port: SERVERS.pglite.port,
      env: { HOOKSCOPE_DATA_DIR: freshDataDir("e2e-pglite") },
    }),
    startServer({
      name: "next-mount",
      port: SERVERS.nextMount.port,
      env: { HOOKSCOPE_DATA_DIR: freshDataDir("e2e-next-mount"), HOOKSCOPE_CAPTURE_MOUNT: "next" },
    }),
    startServer({
      name: "postgres-a",
      port: SERVERS.postgresA.port,
      env: { DATABASE_URL: databaseUrl, HOOKSCOPE_SECRET_KEY: E2E_SECRET_KEY },
    }),
    startServer({
      name: "postgres-b",
      port: SERVERS.postgresB.port,
      env: { DATABASE_URL: databaseUrl, HOOKSCOPE_SECRET_KEY: E2E_SECRET_KEY },
    }),
  ]);
  return async () => {
    await Promise.all(servers.map((server) => server.stop()));
  };
}
