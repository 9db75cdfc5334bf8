import { searchText } from "../core/requests/search-text";
import type { DatabaseHandle } from "./client";
import { queuedForIndexing, startIndexingBin, storeSearchText } from "./queries/search-index";

/** The key of passes over the whole queue (a bin id is never empty). */
const ALL_BINS = "";

export interface SearchIndexerOptions {
  /** Indexing waits until captures pause for this long, so that it never slows a burst down… */
  quietMs?: number;
  /** …but waits no longer than this, so a search under steady load has little to catch up. */
  maxWaitMs?: number;
  /** Most requests one statement indexes. */
  batch?: number;
  onError?: (error: unknown) => void;
}

/**
 * Keeps the trigram index up to date, off the capture path. Indexing a request's trigrams costs
 * more than storing it, and costs least when many go in at once, so a capture only queues its id and
 * pokes this; the queue is indexed in batches once captures pause (or after maxWaitMs of steady
 * load). Only bins that have been searched are indexed: a bin's first search indexes its backlog,
 * and from then on the bin is kept up to date. A search first catches up its bin (catchUp), so it
 * never misses a stored request.
 */
export class SearchIndexer {
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly passes = new Map<
    string,
    { running: Promise<number> | null; next: Promise<number> | null }
  >();
  /** Bins this process knows to be kept in the index, so a search does not mark them again. */
  private readonly indexedBins = new Set<string>();
  private lastPoke = 0;
  private firstPoke: number | null = null;
  private readonly quietMs: number;
  private readonly maxWaitMs: number;
  private readonly batch: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly database: Pick<DatabaseHandle, "query">,
    options: SearchIndexerOptions = {},
  ) {
    this.quietMs = options.quietMs ?? 200;
    this.maxWaitMs = options.maxWaitMs ?? 5_000;
    this.batch = options.batch ?? 1000;
    this.onError = options.onError ?? (() => {});
  }

  /** Something was queued: index it once captures pause. Cheap enough to call on every capture. */
  poke(): void {
    this.lastPoke = Date.now();
    this.firstPoke ??= this.lastPoke;
    this.schedule(this.quietMs);
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => this.tick(), delayMs);
    this.timer.unref();
  }

  private tick(): void {
    this.timer = null;
    const now = Date.now();
    const quietFor = now - this.lastPoke;
    if (quietFor < this.quietMs && now - (this.firstPoke ?? now) < this.maxWaitMs) {
      this.schedule(this.quietMs - quietFor);
      return;
    }
    this.firstPoke = null;
    this.run().catch(this.onError);
  }

  /** Indexes what is queued for the searched bins (by any instance); resolves with how many it took. */
  run(): Promise<number> {
    return this.pass(ALL_BINS);
  }

  /**
   * Indexes what is queued for one bin: after it, a search of the bin sees every stored request. The
   * first catch-up of a bin also keeps it in the index from then on.
   */
  catchUp(binId: string): Promise<number> {
    return this.pass(binId);
  }

  /**
   * Calls that overlap share passes (a stream with a search filter asks on every event): one that
   * comes while a pass runs waits for the next pass, which every caller arriving meanwhile shares,
   * since the running one may have read the queue before their request was stored.
   */
  private pass(scope: string): Promise<number> {
    const entry = this.passes.get(scope) ?? { running: null, next: null };
    this.passes.set(scope, entry);
    if (entry.next) return entry.next;
    const start = (): Promise<number> => {
      entry.next = null;
      const running = this.drain(scope === ALL_BINS ? undefined : scope).finally(() => {
        if (entry.running === running) entry.running = null;
        if (!entry.running && !entry.next) this.passes.delete(scope);
      });
      entry.running = running;
      return running;
    };
    if (!entry.running) return start();
    entry.next = entry.running.catch(() => 0).then(start);
    return entry.next;
  }

  private async drain(binId?: string): Promise<number> {
    if (binId !== undefined && !this.indexedBins.has(binId)) {
      await startIndexingBin(this.database, binId);
      // Forgetting costs one more (idle) update per bin, so a long-lived process need not grow this.
      if (this.indexedBins.size >= 10_000) this.indexedBins.clear();
      this.indexedBins.add(binId);
    }
    let total = 0;
    while (!this.closed) {
      // A whole-queue pass leaves alone the bins a catch-up is working on, rather than race it.
      const scope =
        binId === undefined
          ? { exceptBins: [...this.passes.keys()].filter((key) => key !== ALL_BINS) }
          : { binId };
      const queued = await queuedForIndexing(this.database, { limit: this.batch, ...scope });
      await storeSearchText(
        this.database,
        queued.map(({ id, binId, request }) => ({
          requestId: id,
          binId,
          searchText: searchText(request),
        })),
      );
      total += queued.length;
      if (queued.length < this.batch) break;
    }
    return total;
  }

  /** Stops scheduling and waits for the passes in progress, so the connection can close under none. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const inFlight = [...this.passes.values()].flatMap(({ running, next }) => [running, next]);
    await Promise.allSettled(inFlight);
  }
}
