// npm run bench: the capture path against the floor of this stack, measured in one run on this
// machine, then capture→event latency, large-bin page timings and many live subscribers.
// Needs wrk (apt-get install wrk) and the local PostgreSQL. Prints one report; takes 3–4 minutes.
import { spawn, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import path from "node:path";
import postgres from "postgres";
import { createSseParser } from "../core/events/sse-parser";
import { freshDataDir, type RunningServer, startServer } from "../e2e/servers";
import { recreateDatabase } from "../test/postgres";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const SECRET = "bench-secret";
const KEY = Buffer.alloc(32, 9).toString("base64");
const BODY = JSON.stringify({ event: "bench", padding: "x".repeat(1024 - 35) });
const SIGNATURE = `sha256=${createHmac("sha256", SECRET).update(BODY).digest("hex")}`;
const root = path.resolve(import.meta.dirname, "..");

interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

function ms(value: string): number {
  const match = value.match(/([\d.]+)(us|ms|s)/);
  if (!match) return Number.NaN;
  const number = Number(match[1]);
  return match[2] === "us" ? number / 1000 : match[2] === "s" ? number * 1000 : number;
}

function wrk(url: string, seconds: number): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "wrk",
      [
        "-t1",
        `-c${CONNECTIONS}`,
        `-d${seconds}s`,
        "--latency",
        "-s",
        path.join(root, "bench", "capture.lua"),
        url,
      ],
      { env: { ...process.env, BENCH_BODY: BODY, BENCH_SIGNATURE: SIGNATURE } },
    );
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.on("error", reject);
    child.on("exit", () => {
      const requests = Number(out.match(/(\d+) requests in/)?.[1] ?? 0);
      const non2xx = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
      const socket = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
      const socketErrors = socket ? socket.slice(1).reduce((sum, value) => sum + Number(value), 0) : 0;
      resolve({
        rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? 0),
        // Anchored: the thread-stats line also holds a percentage that ends in "50%".
        p50: ms(out.match(/^\s+50%\s+(\S+)/m)?.[1] ?? ""),
        p99: ms(out.match(/^\s+99%\s+(\S+)/m)?.[1] ?? ""),
        requests,
        errors: non2xx + socketErrors,
      });
    });
  });
}

async function api<T>(
  base: string,
  method: string,
  route: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface Bin {
  id: string;
  token: string;
}

/** Counts a bin's stored requests by walking its pages (PGlite lives inside the server process). */
async function countViaApi(base: string, bin: Bin): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const page: { requests: unknown[]; nextCursor: string | null } = await api(
      base,
      "GET",
      `/api/bins/${bin.id}/requests?limit=500${cursor ? `&before=${cursor}` : ""}`,
      bin.token,
    );
    total += page.requests.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}

const createBin = (base: string) =>
  api<Bin>(base, "POST", "/api/bins", undefined, { secret: SECRET, scheme: "github" });

const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });

/** One POST on a kept-alive connection, as a webhook sender's client would send it. */
function post(url: string, body: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: "POST", agent: keepAlive, headers: { "content-type": "application/json", ...headers } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Signed posts one at a time, 10 ms apart, to `${base}/lat/<n>`; when each left and how long its reply took. */
async function postSequentially(base: string, count: number) {
  const sent: { path: string; start: number; reply: number }[] = [];
  for (let index = 0; index < count; index++) {
    const path = `/lat/${index}`;
    const start = performance.now();
    await post(`${base}${path}`, BODY, { "x-hub-signature-256": SIGNATURE });
    sent.push({ path, start, reply: performance.now() - start });
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return sent;
}

/** Counts (and times) the events a bin's stream delivers. */
function subscribe(base: string, bin: Bin) {
  const arrivals = new Map<string, number>();
  let count = 0;
  const req = httpRequest(`${base}/api/bins/${bin.id}/events`, {
    headers: { authorization: `Bearer ${bin.token}` },
  });
  const ready = new Promise<void>((resolve) => {
    req.on("response", (res) => {
      res.setEncoding("utf8");
      res.on(
        "data",
        createSseParser((event) => {
          count++;
          arrivals.set(JSON.parse(event.data).path, performance.now());
        }),
      );
      resolve();
    });
  });
  req.on("error", () => {});
  req.end();
  return { ready, arrivals, count: () => count, close: () => req.destroy() };
}

function rssMb(server: RunningServer): number {
  const status = readFileSync(`/proc/${server.process.pid}/status`, "utf8");
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

const rows: string[][] = [];
const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");

async function measureCapture(
  label: string,
  base: string,
  binPath: string,
  stored: () => Promise<number>,
  floor?: number,
  streamed?: () => number,
): Promise<WrkResult> {
  await wrk(`${base}${binPath}`, 3);
  const before = await stored();
  const eventsBefore = streamed?.() ?? 0;
  const result = await wrk(`${base}${binPath}`, DURATION);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const storedCount = (await stored()) - before;
  const acknowledged = result.requests - result.errors;
  const events = streamed ? String(streamed() - eventsBefore) : "–";
  rows.push([
    label,
    fmt(result.rps, 0),
    fmt(result.p50, 2),
    fmt(result.p99, 2),
    String(result.errors),
    `${storedCount} / ${acknowledged}`,
    events,
    floor ? fmt(result.rps / floor, 2) : "1.00",
  ]);
  return result;
}

async function main() {
  const started = Date.now();
  if (spawnSync("wrk", ["--version"]).error) throw new Error("wrk is needed: apt-get install wrk");
  const databaseUrl = await recreateDatabase("hookscope_bench");
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  // No retention cap: the run counts every stored request, and reads memory after 100,000 of them.
  const keepAll = { MAX_REQUESTS_PER_BIN: "100000000" };
  const pgEnv = { DATABASE_URL: databaseUrl, HOOKSCOPE_SECRET_KEY: KEY, ...keepAll };

  const fast = await startServer({ name: "bench-postgres", port: 3402, env: pgEnv });
  await sql`insert into bins (id, token_hash) values ('floor', 'x')`;
  const floorServer = spawn(process.execPath, [
    path.join(root, "bench", "floor-server.mjs"),
    "3401",
    databaseUrl,
    "floor",
  ]);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const countRows = (binId: string) => async () =>
    Number((await sql`select count(*)::int as n from captured_requests where bin_id = ${binId}`)[0]?.n ?? 0);

  const bin = await createBin(fast.url);
  const live = subscribe(fast.url, bin);
  await live.ready;

  // Two interleaved rounds: each round compares the two in the same minute of machine time.
  const floors: number[] = [];
  for (let round = 1; round <= 2; round++) {
    const floor = await measureCapture(
      `floor: node:http + INSERT (round ${round})`,
      "http://127.0.0.1:3401",
      "/h/floor/x",
      countRows("floor"),
    );
    floors.push(floor.rps);
    await measureCapture(
      `Hookscope fast path, Postgres, full (round ${round})`,
      fast.url,
      `/h/${bin.id}/x`,
      countRows(bin.id),
      floor.rps,
      live.count,
    );
  }
  // Memory is read once the instance has taken at least 100,000 captures.
  while ((await countRows(bin.id)()) < 100_000) await wrk(`${fast.url}/h/${bin.id}/x`, 10);
  const rssAfterLoad = rssMb(fast);
  const capturedSoFar = await countRows(bin.id)();
  live.close();
  // What one commit costs on this machine: the floor's reply time to the same sequential posts.
  const floorReplies = (await postSequentially("http://127.0.0.1:3401/h/floor", 200)).map(
    ({ reply }) => reply,
  );
  const floorSequential = `floor, sequential (for scale: its reply is one INSERT and its commit): reply p50 ${fmt(percentile(floorReplies, 50), 2)} ms, p99 ${fmt(percentile(floorReplies, 99), 2)} ms`;
  floorServer.kill();

  // PGlite: the fast path against the Next route handler doing the same capture.
  const pgliteRps: Record<string, number> = {};
  for (const mount of ["next", "fast"] as const) {
    const server = await startServer({
      name: `bench-pglite-${mount}`,
      port: 3403,
      env: { HOOKSCOPE_DATA_DIR: freshDataDir(`bench-${mount}`), HOOKSCOPE_CAPTURE_MOUNT: mount, ...keepAll },
    });
    const pgBin = await createBin(server.url);
    const stored = () => countViaApi(server.url, pgBin);
    const result = await measureCapture(
      `PGlite, ${mount === "fast" ? "fast path" : "Next route handler"}, full`,
      server.url,
      `/h/${pgBin.id}/x`,
      stored,
      pgliteRps.next,
    );
    pgliteRps[mount] = result.rps;
    await server.stop();
  }

  // Capture → event latency, sequential posts with a 10 ms gap, then while wrk loads the path.
  const latency = async (label: string, under: boolean) => {
    const target = await createBin(fast.url);
    const stream = subscribe(fast.url, target);
    await stream.ready;
    const load = under ? wrk(`${fast.url}/h/${bin.id}/x`, 8) : null;
    if (under) await new Promise((resolve) => setTimeout(resolve, 1000));
    const count = under ? 100 : 200;
    const sent = await postSequentially(`${fast.url}/h/${target.id}`, count);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await load;
    const delays = sent.map(({ path, start }) => (stream.arrivals.get(path) ?? Number.NaN) - start);
    const replies = sent.map(({ reply }) => reply);
    stream.close();
    return `${label}: event p50 ${fmt(percentile(delays, 50), 2)} ms, p99 ${fmt(percentile(delays, 99), 2)} ms, reply p50 ${fmt(percentile(replies, 50), 2)} ms, ${delays.filter(Number.isFinite).length}/${count} events`;
  };
  const latencyLines = [
    await latency("sequential", false),
    await latency(`under load (${CONNECTIONS} connections)`, true),
    floorSequential,
  ];

  // The first search of a bin indexes its backlog: what that costs once, for a bin of 10,000+ captures.
  // Measured before the 100,000-row seeding below, whose own indexing the database is busy with for a while.
  const fresh = await createBin(fast.url);
  while ((await countRows(fresh.id)()) < 10_000) await wrk(`${fast.url}/h/${fresh.id}/x`, 1);
  const firstSearchStart = performance.now();
  await api(fast.url, "GET", `/api/bins/${fresh.id}/requests?limit=50&q=bench`, fresh.token);
  const firstSearchMs = performance.now() - firstSearchStart;
  const firstSearchLine = `first search of a never-searched bin of ${(await countRows(fresh.id)()).toLocaleString("en-US")} captures (indexes them all): ${fmt(firstSearchMs, 0)} ms`;

  // A bin of 100,000 requests: the first page, filtered pages and a deep page.
  const big = await createBin(fast.url);
  // Benchmark seeding only: the product writes through db/, this fills a table quickly.
  await sql`
    with seeded as (
      insert into captured_requests (bin_id, method, path, query, headers, body, content_type, body_size,
        response_status, signature_verdict, signature, dedup_key, dedup_source, occurrence)
      select ${big.id}, 'POST', '/seed/' || n, '', '[]'::jsonb, convert_to('{"n":' || n || ',"customer":"cus_' || n || '"}', 'UTF8'), 'application/json', 10, 200,
        case when n % 10 = 0 then 'invalid' else 'valid' end,
        jsonb_build_object('verdict', case when n % 10 = 0 then 'invalid' else 'valid' end, 'scheme', 'github', 'reason', 'seeded'),
        'fingerprint:' || (n / 3), 'fingerprint', (n % 3) + 1
      from generate_series(1, 100000) as n
      returning id, bin_id, path, body
    )
    insert into request_search (request_id, bin_id, search_text)
    select id, bin_id, path || E'?\n\n\n' || convert_from(body, 'UTF8') from seeded`;
  // Seeded with its search text, as a bin that was searched before: its later searches are measured.
  await sql`update bins set search_indexed = true where id = ${big.id}`;
  await sql`analyze captured_requests`;
  await sql`analyze request_search`;
  const pageTimes = async (label: string, query: string) => {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      await api(fast.url, "GET", `/api/bins/${big.id}/requests?${query}`, big.token);
      times.push(performance.now() - start);
    }
    return `${label}: p50 ${fmt(percentile(times, 50), 2)} ms, p99 ${fmt(percentile(times, 99), 2)} ms`;
  };
  const middle = Number(
    (await sql`select id from captured_requests where bin_id = ${big.id} order by id limit 1 offset 50000`)[0]
      ?.id,
  );
  const pageLines = [
    await pageTimes("first page (50)", "limit=50"),
    await pageTimes("verdict=invalid", "limit=50&verdict=invalid"),
    await pageTimes("duplicates=hide", "limit=50&duplicates=hide"),
    await pageTimes("deep page (before the 50,000th)", `limit=50&before=${middle}`),
    await pageTimes("search, one match (q=cus_77777)", "limit=50&q=cus_77777"),
    await pageTimes("search, every row matches (q=customer)", "limit=50&q=customer"),
    await pageTimes("search + verdict + status", "limit=50&q=cus_1234&verdict=invalid&status=2xx"),
    await pageTimes(
      "time range (an hour ago to now)",
      `limit=50&since=${Date.now() - 3_600_000}&until=${Date.now()}`,
    ),
    firstSearchLine,
  ];

  // 1,000 live subscribers on one instance, each receiving every capture.
  const crowdBin = await createBin(fast.url);
  const crowd = Array.from({ length: 1000 }, () => subscribe(fast.url, crowdBin));
  await Promise.all(crowd.map((subscriber) => subscriber.ready));
  for (let index = 0; index < 100; index++) {
    await post(`${fast.url}/h/${crowdBin.id}/crowd/${index}`, BODY);
  }
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const complete = crowd.filter((subscriber) => subscriber.count() === 100).length;
  const rssWithCrowd = rssMb(fast);
  for (const subscriber of crowd) subscriber.close();

  await fast.stop();
  await sql.end();

  const header = ["target", "req/s", "p50 ms", "p99 ms", "errors", "stored / acked", "streamed", "ratio"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ");
  console.log(
    `\nCapture, ${CONNECTIONS} connections, ${DURATION} s per run, 1 KiB signed JSON, ~10 % retries (ratio: to the floor of the same round; PGlite fast path: to the Next route on PGlite)`,
  );
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(`floor median ${fmt(percentile(floors, 50), 0)} req/s`);
  console.log(`\nCapture → event on the stream (Postgres, fast path)\n  ${latencyLines.join("\n  ")}`);
  console.log(
    `\nGET /api/bins/:id/requests on a bin of 100,000 requests (Postgres)\n  ${pageLines.join("\n  ")}`,
  );
  console.log(
    `\nServer memory: ${fmt(rssAfterLoad, 0)} MB RSS after ${capturedSoFar.toLocaleString("en-US")} captures; ${fmt(rssWithCrowd, 0)} MB with 1,000 subscribers, of which ${complete} received all 100 events`,
  );
  console.log(`\nTotal time ${fmt((Date.now() - started) / 1000, 0)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
