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
 * Live events are subscribed to before the backfill is read and held back until it is done; from
 * then on the ordered feed drops what was sent already and reads from the table any request that
 * another instance committed but whose event has not arrived yet.
 */
export function binEventStream(options: BinEventStreamOptions): Response {
  const { database, binId, lastEventId, signal, filter = {} } = options;
  const encoder = new TextEncoder();
  const check = liveFilter(database, binId, filter);
  let stop = () => {};

  const page = async (after: number, before?: number) =>
    (await listRequestSummariesAfter(database, { binId, after, before, limit: BACKFILL_PAGE, filter })).map(
      toRequestSummary,
    );

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

      let held: RequestSummary[] | null = [];
      let feed: ReturnType<typeof orderedFeed<RequestSummary>> | null = null;
      const unsubscribe = database.events.subscribe(binId, (summary) => {
        if (feed) feed.push(summary);
        else held?.push(summary);
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
        for (let rows = await page(cursor); rows.length > 0 && !closed; ) {
          for (const summary of rows) writeRequest(summary);
          cursor = Number(rows.at(-1)?.id);
          rows = rows.length === BACKFILL_PAGE ? await page(cursor) : [];
        }
      } catch (error) {
        logError("event stream backfill failed", error);
        return stop();
      }
      feed = orderedFeed<RequestSummary>({
        cursor,
        async readGap(after, before) {
          const missed: RequestSummary[] = [];
          for (let rows = await page(after, before); rows.length > 0; ) {
            missed.push(...rows);
            rows = rows.length === BACKFILL_PAGE ? await page(Number(rows.at(-1)?.id), before) : [];
          }
          return missed;
        },
        passes: (summary) => check.passes(summary),
        send: writeRequest,
        onError(error) {
          // The order can no longer be vouched for: the client reconnects and resumes from the table.
          logError("event stream gap failed", error);
          stop();
        },
      });
      for (const summary of held ?? []) feed.push(summary);
      held = null;
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
