import { sseComment, sseEvent, sseRetry } from "@/core/events/sse";
import { logError } from "@/core/log-error";
import type { RequestFilter } from "@/core/requests/filter";
import { toRequestSummary } from "@/core/requests/serialize";
import type { RequestSummary } from "@/core/requests/types";
import type { DatabaseHandle } from "@/db/client";
import { listRequestSummariesAfter } from "@/db/queries/requests";
import { liveFilter } from "./live-filter";

const HEARTBEAT_MS = 15_000;
const BACKFILL_PAGE = 500;
// Longer than a capture takes from its commit to its publish, even under load.
const REPLAYED_MEMORY_MS = 30_000;

interface BinEventStreamOptions {
  database: DatabaseHandle;
  binId: string;
  /** Replay everything stored after this id before going live. */
  lastEventId?: number;
  /** Only requests passing it are sent (the dashboard's active filter). */
  filter?: RequestFilter;
  signal: AbortSignal;
}

/**
 * A bin's live feed. Live events are subscribed to before the backfill is read and held back until it
 * is done, so a request that lands meanwhile is sent exactly once, whichever side sees it. A row can
 * also become visible to the backfill a moment before its capture publishes it, so ids the backfill
 * sent are remembered for a while and their late live event is dropped.
 */
export function binEventStream(options: BinEventStreamOptions): Response {
  const { database, binId, lastEventId, signal, filter = {} } = options;
  const encoder = new TextEncoder();
  const check = liveFilter(database, binId, filter);
  let stop = () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      // Events of one burst (a batch of captures commits together) leave in one write, not one each.
      let unsent = "";
      const flush = () => {
        const text = unsent;
        unsent = "";
        if (closed || text === "") return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const write = (text: string) => {
        if (closed) return;
        if (unsent === "") setImmediate(flush);
        unsent += text;
      };
      const writeRequest = (summary: RequestSummary) =>
        write(sseEvent({ id: summary.id, event: "request", data: JSON.stringify(summary) }));
      // Checks that wait on the database are chained, which keeps events in the order they came.
      let queue = Promise.resolve();
      const writeIfPasses = (summary: RequestSummary) => {
        if (!check.fromDatabase) {
          if (check.passes(summary)) writeRequest(summary);
          return;
        }
        queue = queue.then(async () => {
          if (await check.passes(summary).catch(() => false)) writeRequest(summary);
        });
      };

      let held: RequestSummary[] | null = [];
      let replayed = new Set<string>();
      const unsubscribe = database.events.subscribe(binId, (summary) => {
        if (held) held.push(summary);
        else if (!replayed.has(summary.id)) writeIfPasses(summary);
      });
      const heartbeat = setInterval(() => write(sseComment("ping")), HEARTBEAT_MS);
      stop = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // The consumer already cancelled.
        }
      };
      if (signal.aborted) return stop();
      signal.addEventListener("abort", stop, { once: true });

      write(sseRetry(2_000));
      write(sseComment("connected"));

      try {
        for (let after = lastEventId; after !== undefined && !closed; ) {
          const rows = await listRequestSummariesAfter(database, {
            binId,
            after,
            limit: BACKFILL_PAGE,
            filter,
          });
          for (const row of rows) {
            const summary = toRequestSummary(row);
            replayed.add(summary.id);
            writeRequest(summary);
          }
          after = rows.length === BACKFILL_PAGE ? rows.at(-1)?.id : undefined;
        }
      } catch (error) {
        logError("event stream backfill failed", error);
        return stop();
      }
      const pending = held;
      held = null;
      for (const summary of pending) if (!replayed.has(summary.id)) writeIfPasses(summary);
      if (replayed.size > 0) {
        setTimeout(() => {
          replayed = new Set();
        }, REPLAYED_MEMORY_MS).unref();
      }
    },
    cancel() {
      stop();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform keeps compressing proxies from buffering; X-Accel-Buffering does the same for nginx.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
