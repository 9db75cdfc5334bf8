// Runs the hostile-input catalogue against a server, then reads the bin back and checks the accounting:
// every acknowledged request stored byte for byte, nothing stored that no answer announced.
import {
  ATTACKS,
  type AttackCase,
  type AttackContext,
  type AttackGroup,
  REQUEST_ID,
  type Shot,
  type StoredDetail,
} from "./attacks";

export interface CaseResult {
  name: string;
  group: AttackGroup;
  expected: string;
  /** Requests sent. */
  sent: number;
  /** Answers with a 2xx status. */
  acknowledged: number;
  /** Answers that carried a request id (2xx, and 413 for a refused body). */
  recorded: number;
  /** Of those ids, how many the API lists. */
  stored: number;
  /** Status → count; "none" for no answer. */
  statuses: Record<string, number>;
  passed: boolean;
  reasons: string[];
  durationMs: number;
}

export interface AttackReport {
  baseURL: string;
  binId: string;
  scale: number;
  cases: CaseResult[];
  totals: { sent: number; acknowledged: number; recorded: number; stored: number };
  /** Ids the bin holds that no answer announced. */
  unexplainedStored: string[];
  health: { before: number | null; after: number | null };
  /** Problems not tied to one case (accounting, health). */
  globalFailures: string[];
  passed: boolean;
  durationMs: number;
}

export interface RunOptions {
  scale: number;
  /** How long the slow senders take; 3 s at scale ≤ 1, 60 s above. */
  trickleMs?: number;
  /** The server's MAX_BODY_BYTES (the e2e servers and scripts/hostile.mts use 1 MiB). */
  maxBodyBytes?: number;
  /** Run only the cases whose name contains one of these. */
  only?: string[];
  onResult?: (result: CaseResult) => void;
  onProgress?: (message: string) => void;
}

async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  });
  await Promise.all(workers);
  return results;
}

async function apiJson<T>(
  baseURL: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; json: T }> {
  const response = await fetch(new URL(path, baseURL), {
    method: init.method ?? "GET",
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, json: json as T };
}

async function healthStatus(baseURL: string): Promise<number | null> {
  try {
    return (await apiJson<unknown>(baseURL, "/api/health")).status;
  } catch {
    return null;
  }
}

function judgeShot(shot: Shot, stored: Map<string, StoredDetail>): string | null {
  const { answer, expect } = shot;
  const id = answer.headers[REQUEST_ID];
  const shown = answer.status === null ? `no answer (${answer.error})` : String(answer.status);
  if (expect.kind === "abandon") {
    return answer.status === null ? null : `answered ${shown} to a request the sender abandoned`;
  }
  if (expect.kind === "refuse") {
    if (!expect.statuses.includes(answer.status))
      return `answered ${shown}, expected ${expect.statuses.join(" or ")}`;
    if (id) return `refused with ${shown} but announced request id ${id}`;
    return shot.checkAnswer?.(answer) ?? null;
  }
  if (answer.status !== expect.status) {
    const body = answer.body.toString("utf8").slice(0, 120);
    return `answered ${shown}, expected ${expect.status}${body ? ` (${body})` : ""}`;
  }
  const answerProblem = shot.checkAnswer?.(answer);
  if (answerProblem) return answerProblem;
  if (!id || !/^\d+$/.test(id)) return `answered ${shown} without an ${REQUEST_ID} header`;
  const detail = stored.get(id);
  if (!detail) return `acknowledged as request ${id}, but the bin does not hold it`;
  if (detail.responseStatus !== expect.status) return `stored responseStatus ${detail.responseStatus}`;
  if (expect.kind === "record-without-body") {
    if (!detail.bodyTooLarge) return "stored without bodyTooLarge";
    if (detail.bodyBase64 !== "") return `stored ${detail.bodyBase64.length} base64 chars of a refused body`;
    if (detail.bodySize !== expect.declaredSize)
      return `stored bodySize ${detail.bodySize}, expected ${expect.declaredSize}`;
  } else {
    if (detail.bodyTooLarge) return "stored as bodyTooLarge";
    if (shot.sent) {
      const body = Buffer.from(detail.bodyBase64, "base64");
      if (!body.equals(shot.sent)) {
        let at = 0;
        while (at < body.length && body[at] === shot.sent[at]) at++;
        return `stored body differs from the one sent (${body.length} vs ${shot.sent.length} bytes, first difference at byte ${at})`;
      }
    }
  }
  return shot.checkStored?.(detail) ?? null;
}

/**
 * Creates a bin, fires every attack at it, then reads back what the bin holds and checks that every
 * acknowledged request is stored (byte for byte), nothing else is, and the server still answers.
 */
export async function runAttacks(baseURL: string, options: RunOptions): Promise<AttackReport> {
  const started = performance.now();
  const scale = options.scale;
  const progress = options.onProgress ?? (() => {});
  const healthBefore = await healthStatus(baseURL);
  const created = await apiJson<{ id: string; token: string; captureUrl: string }>(baseURL, "/api/bins", {
    method: "POST",
    // Limits high enough that neither the rate limit nor retention interferes with the accounting.
    body: { name: "hostile input", rateLimitPerMinute: 10_000_000, maxRequests: 10_000_000 },
  });
  if (created.status !== 201)
    throw new Error(`POST /api/bins answered ${created.status}: ${JSON.stringify(created.json)}`);
  const bin = created.json;
  const ctx: AttackContext = {
    baseURL,
    binId: bin.id,
    capture: (sub = "") => `/h/${bin.id}${sub}`,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    scale,
    trickleMs: options.trickleMs ?? (scale <= 1 ? 3_000 : 60_000),
  };

  const cases = options.only?.length
    ? ATTACKS.filter((attack) => options.only?.some((part) => attack.name.includes(part)))
    : ATTACKS;
  const fired: { attack: AttackCase; shots: Shot[]; durationMs: number; error?: string }[] = [];
  for (const attack of cases) {
    const caseStarted = performance.now();
    const runs = attack.scaled === false ? 1 : Math.max(1, Math.round((attack.repeat ?? 1) * scale));
    progress(`${attack.name} ×${runs}`);
    try {
      const shots = (
        await mapLimit(
          Array.from({ length: runs }, (_, index) => index),
          64,
          (index) => attack.run(ctx, index),
        )
      ).flat();
      fired.push({ attack, shots, durationMs: performance.now() - caseStarted });
    } catch (error) {
      fired.push({
        attack,
        shots: [],
        durationMs: performance.now() - caseStarted,
        error: `the case itself failed: ${error instanceof Error ? error.stack : String(error)}`,
      });
    }
  }

  // Everything the bin holds, then each request's detail.
  progress("reading back the bin");
  const summaries: { id: string }[] = [];
  let before: string | null = null;
  do {
    const page: { status: number; json: { requests: { id: string }[]; nextCursor: string | null } } =
      await apiJson(baseURL, `/api/bins/${bin.id}/requests?limit=500${before ? `&before=${before}` : ""}`, {
        token: bin.token,
      });
    if (page.status !== 200)
      throw new Error(`listing the bin answered ${page.status}: ${JSON.stringify(page.json)}`);
    summaries.push(...page.json.requests);
    before = page.json.nextCursor;
  } while (before);
  const stored = new Map<string, StoredDetail>();
  const detailFailures: string[] = [];
  await mapLimit(summaries, 8, async ({ id }) => {
    const detail = await apiJson<StoredDetail>(baseURL, `/api/bins/${bin.id}/requests/${id}`, {
      token: bin.token,
    });
    if (detail.status === 200) stored.set(id, detail.json);
    else detailFailures.push(`GET request ${id} answered ${detail.status}`);
  });

  const healthAfter = await healthStatus(baseURL);
  const globalFailures: string[] = [...detailFailures];
  if (healthAfter !== 200)
    globalFailures.push(`GET /api/health answered ${healthAfter ?? "nothing"} after the attacks`);

  const announced = new Map<string, string>();
  const results: CaseResult[] = [];
  const rows = new Map<string, CaseResult>();
  const rowFor = (name: string, attack: AttackCase, durationMs: number): CaseResult => {
    let row = rows.get(name);
    if (!row) {
      const companion = attack.companions?.find((entry) => entry.name === name);
      row = {
        name,
        group: attack.group,
        expected: companion?.expected ?? attack.expected,
        sent: 0,
        acknowledged: 0,
        recorded: 0,
        stored: 0,
        statuses: {},
        passed: true,
        reasons: [],
        durationMs,
      };
      rows.set(name, row);
      results.push(row);
    }
    return row;
  };
  for (const { attack, shots, durationMs, error } of fired) {
    const main = rowFor(attack.name, attack, durationMs);
    for (const companion of attack.companions ?? []) rowFor(companion.name, attack, durationMs);
    if (error) main.reasons.push(error);
    for (const shot of shots) {
      const row = rowFor(shot.caseName ?? attack.name, attack, durationMs);
      row.sent++;
      const key = shot.answer.status === null ? "none" : String(shot.answer.status);
      row.statuses[key] = (row.statuses[key] ?? 0) + 1;
      if (shot.answer.status !== null && shot.answer.status >= 200 && shot.answer.status < 300)
        row.acknowledged++;
      const id = shot.answer.headers[REQUEST_ID];
      if (id) {
        row.recorded++;
        if (stored.has(id)) row.stored++;
        const previous = announced.get(id);
        if (previous) row.reasons.push(`request id ${id} was also announced to "${previous}"`);
        announced.set(id, row.name);
      }
      const problem = judgeShot(shot, stored);
      if (problem) row.reasons.push(shot.label ? `${shot.label}: ${problem}` : problem);
    }
  }
  for (const row of results) {
    // The same problem from many repetitions is one reason with a count.
    const counts = new Map<string, number>();
    for (const reason of row.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    row.reasons = [...counts].map(([reason, count]) => (count > 1 ? `${reason} (×${count})` : reason));
    row.passed = row.reasons.length === 0;
    options.onResult?.(row);
  }

  const unexplainedStored = [...stored.keys()].filter((id) => !announced.has(id));
  if (unexplainedStored.length > 0)
    globalFailures.push(
      `the bin holds ${unexplainedStored.length} request(s) no answer announced: ${unexplainedStored.slice(0, 10).join(", ")}`,
    );
  const totals = results.reduce(
    (sum, row) => ({
      sent: sum.sent + row.sent,
      acknowledged: sum.acknowledged + row.acknowledged,
      recorded: sum.recorded + row.recorded,
      stored: sum.stored + row.stored,
    }),
    { sent: 0, acknowledged: 0, recorded: 0, stored: 0 },
  );
  if (stored.size !== announced.size)
    globalFailures.push(`the bin holds ${stored.size} requests, the answers announced ${announced.size}`);
  return {
    baseURL,
    binId: bin.id,
    scale,
    cases: results,
    totals,
    unexplainedStored,
    health: { before: healthBefore, after: healthAfter },
    globalFailures,
    passed: globalFailures.length === 0 && results.every((row) => row.passed),
    durationMs: performance.now() - started,
  };
}

/** The failing cases and global problems, one line each: for an assertion message. */
export function describeFailures(report: AttackReport): string {
  const lines = [
    ...report.globalFailures,
    ...report.cases.filter((row) => !row.passed).map((row) => `${row.name}: ${row.reasons.join("; ")}`),
  ];
  return lines.join("\n");
}
