import type { CaptureRecord } from "../core/capture/capture";
import type { StoredRequestSummary } from "../core/requests/types";
import type { DatabaseHandle } from "./client";
import { insertCapturedRequest, insertCapturedRequests } from "./queries/requests";

export interface CaptureWriterOptions {
  /** Most captures one statement stores. */
  maxBatch?: number;
  /** Most body bytes one statement carries (a lone larger capture still goes, alone). */
  maxBatchBytes?: number;
  /** Most statements in flight at once; captures that arrive meanwhile wait to form the next batch. */
  maxInFlight?: number;
}

export interface CaptureWriter {
  /** Resolves once the capture is committed (null: its bin no longer exists). */
  save(record: CaptureRecord): Promise<StoredRequestSummary | null>;
}

interface Pending {
  record: CaptureRecord;
  resolve: (saved: StoredRequestSummary | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for captures. A capture waits only for the current turn of the event loop, so a quiet
 * bin waits for nothing; under load, the captures that arrive while a statement is in flight share
 * the next statement and its commit (up to maxBatch of them, or maxBatchBytes of bodies). That is
 * what lets one instance take a burst: per capture, the database parses, plans and flushes its log
 * once per batch instead of once per row. Every capture still resolves only after its own
 * transaction committed.
 */
export function captureWriter(
  database: Pick<DatabaseHandle, "query">,
  { maxBatch = 64, maxBatchBytes = 4 * 1024 * 1024, maxInFlight = 1 }: CaptureWriterOptions = {},
): CaptureWriter {
  let queue: Pending[] = [];
  let inFlight = 0;

  // Two deliveries of one key cannot share a statement (its upsert may touch a row once): the later
  // waits for the next batch, which keeps them in arrival order too.
  function takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const keys = new Set<string>();
    const rest: Pending[] = [];
    let bytes = 0;
    for (const pending of queue) {
      const { binId, dedupKey, body } = pending.record;
      const key = dedupKey === null ? null : `${binId}\n${dedupKey}`;
      const full = batch.length >= maxBatch || (batch.length > 0 && bytes + body.length > maxBatchBytes);
      if (full || (key !== null && keys.has(key))) {
        rest.push(pending);
        continue;
      }
      if (key !== null) keys.add(key);
      bytes += body.length;
      batch.push(pending);
    }
    queue = rest;
    return batch;
  }

  /** What a statement gave each capture of its batch; settled only after the next batch is sent. */
  type Outcome = { ok: true; saved: StoredRequestSummary | null } | { ok: false; error: unknown };

  async function write(batch: Pending[]): Promise<Outcome[]> {
    const one = (record: CaptureRecord) =>
      insertCapturedRequest(database, record).then(
        (saved): Outcome => ({ ok: true, saved }),
        (error: unknown): Outcome => ({ ok: false, error }),
      );
    if (batch.length === 1) return [await one((batch[0] as Pending).record)];
    try {
      const saved = await insertCapturedRequests(
        database,
        batch.map(({ record }) => ({ record })),
      );
      return batch.map((_, index) => ({ ok: true, saved: saved[index] ?? null }));
    } catch {
      // One capture the database refuses (its bin deleted a moment ago) must not fail the others.
      return Promise.all(batch.map(({ record }) => one(record)));
    }
  }

  function pump(): void {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = takeBatch();
      inFlight++;
      write(batch).then((outcomes) => {
        // The next statement goes out before this batch's captures are answered, so the database
        // works on it while this process sends the replies, instead of the two taking turns.
        inFlight--;
        pump();
        outcomes.forEach((outcome, index) => {
          const pending = batch[index] as Pending;
          if (outcome.ok) pending.resolve(outcome.saved);
          else pending.reject(outcome.error);
        });
      });
    }
  }

  // A capture does not start a statement at once: requests whose bytes arrived together are read one
  // after the other, each in its own callback, and the first would otherwise go out alone. PGlite
  // even runs a statement to completion before the next callback, so every capture would be a
  // statement of its own. Waiting until this turn of the event loop has read them all costs a lone
  // capture a few microseconds.
  let scheduled = false;
  const pumpSoon = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      pump();
    });
  };

  return {
    save(record) {
      return new Promise((resolve, reject) => {
        queue.push({ record, resolve, reject });
        pumpSoon();
      });
    },
  };
}
