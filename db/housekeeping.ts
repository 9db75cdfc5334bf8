import { logError } from "../core/log-error";
import type { DatabaseHandle } from "./client";
import { addRefused, deleteBinsCreatedBefore } from "./queries/bins";
import { trimBin } from "./queries/requests";

/** What captures leave for the background: bins to trim and refusals to count. Cheap to record. */
export class HousekeepingLog {
  private bins = new Set<string>();
  private refusals = new Map<string, number>();

  touched(binId: string): void {
    this.bins.add(binId);
  }

  refused(binId: string): void {
    this.refusals.set(binId, (this.refusals.get(binId) ?? 0) + 1);
  }

  /** Hands over what was recorded since the last call. */
  drain(): { bins: string[]; refusals: [string, number][] } {
    const drained = { bins: [...this.bins], refusals: [...this.refusals] };
    this.bins = new Set();
    this.refusals = new Map();
    return drained;
  }
}

export interface HousekeepingOptions {
  /** The instance's cap on stored requests per bin (a bin's own setting wins). */
  maxRequests: number;
  /** Bins older than this are deleted with their requests; undefined keeps bins forever. */
  binTtlDays?: number;
}

/**
 * One pass: trims the bins that received requests since the last pass to their cap (oldest first),
 * deletes expired bins, and adds up refused requests. It only touches bins that changed, in small
 * statements, so capture never waits on it.
 */
export async function runHousekeeping(
  database: DatabaseHandle,
  options: HousekeepingOptions,
): Promise<{ trimmed: number; expired: string[] }> {
  const { bins, refusals } = database.housekeeping.drain();
  for (const [binId, count] of refusals) await addRefused(database.db, binId, count);
  let trimmed = 0;
  for (const binId of bins) {
    const bin = await database.bins.get(binId);
    if (bin) trimmed += await trimBin(database.db, binId, bin.settings.maxRequests ?? options.maxRequests);
  }
  let expired: string[] = [];
  if (options.binTtlDays !== undefined) {
    expired = await deleteBinsCreatedBefore(
      database.db,
      new Date(Date.now() - options.binTtlDays * 86_400_000),
    );
    for (const binId of expired) database.binChanged(binId);
  }
  database.rateLimiter.prune();
  // Also indexes, in a quiet moment, what another instance queued and did not index before it stopped.
  database.searchIndex.poke();
  return { trimmed, expired };
}

/** Runs a pass every `intervalMs`, one at a time, logging (never throwing) failures. */
export function startHousekeeping(
  database: DatabaseHandle,
  options: HousekeepingOptions,
  intervalMs: number,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runHousekeeping(database, options)
      .catch((error: unknown) => logError("housekeeping failed", error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
