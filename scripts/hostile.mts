// The hostile-input catalogue at a larger scale than the e2e suite: every case repeated `--scale` times
// in parallel, slow senders trickling for 60 s. Starts its own production server (run `npm run build`
// first) on the embedded database or on Postgres, or attacks one already running with `--url`.
// Usage: npm run hostile -- [--scale 20] [--db pglite|postgres] [--url http://host:port] [--only name]
import { parseArgs } from "node:util";
import { describeFailures, runAttacks } from "../e2e/hostile/runner";
import { E2E_MAX_BODY_BYTES, freshDataDir, type RunningServer, startServer } from "../e2e/servers";
import { recreateDatabase } from "../test/postgres";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "20" },
    db: { type: "string", default: "postgres" },
    url: { type: "string" },
    only: { type: "string", multiple: true },
    "trickle-ms": { type: "string" },
    "max-body-bytes": { type: "string", default: String(E2E_MAX_BODY_BYTES) },
  },
});
const scale = Number(values.scale);
if (!(scale > 0)) throw new Error(`--scale must be a positive number, not ${values.scale}`);

let server: RunningServer | null = null;
let baseURL = values.url;
if (!baseURL) {
  const env: Record<string, string> =
    values.db === "pglite"
      ? { HOOKSCOPE_DATA_DIR: freshDataDir("hostile-pglite") }
      : { DATABASE_URL: await recreateDatabase("hookscope_hostile") };
  server = await startServer({
    name: `hostile-${values.db}`,
    port: 3321,
    env: { ...env, MAX_BODY_BYTES: values["max-body-bytes"] },
  });
  baseURL = server.url;
}

console.log(`Attacking ${baseURL} at scale ${scale}${server ? ` (${values.db})` : ""}`);
try {
  const report = await runAttacks(baseURL, {
    scale,
    maxBodyBytes: Number(values["max-body-bytes"]),
    trickleMs: values["trickle-ms"] ? Number(values["trickle-ms"]) : undefined,
    only: values.only,
    onProgress: (message) => console.log(`  … ${message}`),
  });
  const rows = report.cases.map((row) => ({
    case: row.name.length > 60 ? `${row.name.slice(0, 59)}…` : row.name,
    sent: row.sent,
    "2xx": row.acknowledged,
    recorded: row.recorded,
    stored: row.stored,
    statuses: Object.entries(row.statuses)
      .map(([status, count]) => `${status}×${count}`)
      .join(" "),
    ok: row.passed ? "yes" : "NO",
  }));
  console.table(rows);
  const { totals } = report;
  console.log(
    `sent ${totals.sent}, acknowledged ${totals.acknowledged}, recorded ${totals.recorded}, stored ${totals.stored}; ` +
      `health ${report.health.before} → ${report.health.after}; ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  if (!report.passed) {
    console.log(`\nFAILED:\n${describeFailures(report)}`);
    process.exitCode = 1;
  } else console.log("\nPassed: every acknowledged request is stored byte for byte, nothing else is.");
} finally {
  await server?.stop();
}
