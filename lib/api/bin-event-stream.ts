import { orderedFeed } from "@/core/events/ordered-feed";
import { sseComment, sseEvent, sseRetry } from "@/core/events/sse";
import { logError } from "@/core/log-error";
import type { RequestFilter } from "@/core/requests/filter";
import { toRequestSummary } from "@/core/requests/serialize";
import type { RequestSummary } from "@/core/requests/types";
import type { DatabaseHandle } from "@/db/client";
import { listRequestSummaries, listRequestSummariesAfter } from "@/db/queries/requests";
import { liveFilter } from "./live-filter";

const HEARTBEAT_MS = 15_000;
const BACKFILL_PAGE = 500;

interface BinEventStreamOptions {
  database: DatabaseHandle;
  binId: string;
  /** Replay everything stored after this id before going live; without it, start from now. */
  lastEventId?: number;
  /** Only requests passing it are sent (the dashboard's active filter). */
  filter?: RequestFilter;
  signal: AbortSignal;
}

/**
 * A bin's live feed: its requests in id order, none missing, none twice, so that a client that
 * resumes after the last id it got (Last-Event-ID) misses nothing, whichever instance it reaches.
 * The ordered feed sends the backfill first and holds live events back until it is done; it drops
 * what was sent already and reads from the table any request that another instance committed but
 * whose event has not arrived yet.
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

      let cursor: number;
      try {
        // Read before subscribing: whatever lands from here on is backfilled or sent live.
        cursor =
          lastEventId ?? Number((await listRequestSummaries(database, { binId, limit: 1 }))[0]?.id ?? 0);
      } catch (error) {
        logError("event stream start failed", error);
        return controller.close();
      }

      const feed = orderedFeed<RequestSummary>({
        cursor,
        async readGap(after, before) {
          const missed: RequestSummary[] = [];
          for (let from = after; !closed; ) {
            const rows = await listRequestSummariesAfter(database, {
              binId,
              after: from,
              before,
              limit: BACKFILL_PAGE,
              filter,
            });
            missed.push(...rows.map(toRequestSummary));
            if (rows.length < BACKFILL_PAGE) break;
            from = Number(rows.at(-1)?.id);
          }
          return missed;
        },
        passes: (summary) => check.passes(summary),
        send: writeRequest,
        onError(error) {
          // The order can no longer be vouched for: the client reconnects and resumes from the table.
          logError("event stream read failed", error);
          stop();
        },
      });
      // The backfill goes first; live events wait behind it, and those it already sent are dropped.
      feed.catchUp();
      const unsubscribe = database.events.subscribe(binId, (summary) => feed.push(summary));
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
