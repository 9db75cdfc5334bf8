import { EventEmitter } from "node:events";
import { toRequestSummary } from "../core/requests/serialize";
import type { RequestSummary, StoredRequestSummary } from "../core/requests/types";

export type CaptureListener = (summary: RequestSummary) => void;

/**
 * Fans captured requests out to the event streams open in this process. One emitter per process,
 * keyed by bin, so a browser tab costs a listener, not a database connection.
 */
export class CaptureEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  subscribe(binId: string, listener: CaptureListener): () => void {
    this.emitter.on(binId, listener);
    return () => this.emitter.off(binId, listener);
  }

  hasSubscribers(binId: string): boolean {
    return this.emitter.listenerCount(binId) > 0;
  }

  deliver(summary: RequestSummary): void {
    this.emitter.emit(summary.binId, summary);
  }
}

/** What a capture hands to the fan-out once its row is committed. */
export interface CapturePublisher {
  publish(summary: RequestSummary): void;
}

export function localPublisher(events: CaptureEvents): CapturePublisher {
  return { publish: (summary) => events.deliver(summary) };
}

interface NotifyClient {
  notify(channel: string, payload: string): PromiseLike<unknown>;
}

export const CAPTURE_CHANNEL = "hookscope_captures";
// Postgres refuses NOTIFY payloads of 8000 bytes or more.
const MAX_PAYLOAD_BYTES = 7900;

type NotifiedCapture = [binId: string, id: number];
export interface CaptureNotification {
  from: string;
  captures: NotifiedCapture[];
}

/**
 * Publishes to this process at once and to other instances through NOTIFY, sent after the capture
 * committed and coalesced: a NOTIFY inside each capture's transaction would serialise all commits.
 * At most one NOTIFY is in flight, and under load they are spaced at least `gapMs` apart: captures
 * that land meanwhile share the next one. A lone capture is sent at once.
 */
export function postgresPublisher(
  events: CaptureEvents,
  client: NotifyClient,
  instanceId: string,
  onError: (error: unknown) => void,
  gapMs = 10,
): CapturePublisher {
  let queue: NotifiedCapture[] = [];
  let sending = false;
  let lastSent = 0;

  const flush = () => {
    if (sending || queue.length === 0) return;
    const batch: NotifiedCapture[] = [];
    let size = 64 + instanceId.length;
    while (queue.length > 0) {
      const next = queue[0] as NotifiedCapture;
      const entrySize = next[0].length + String(next[1]).length + 8;
      if (batch.length > 0 && size + entrySize > MAX_PAYLOAD_BYTES) break;
      batch.push(next);
      queue.shift();
      size += entrySize;
    }
    if (queue.length === 0) queue = [];
    sending = true;
    lastSent = Date.now();
    const payload: CaptureNotification = { from: instanceId, captures: batch };
    Promise.resolve(client.notify(CAPTURE_CHANNEL, JSON.stringify(payload)))
      .catch(onError)
      .finally(() => {
        const wait = gapMs - (Date.now() - lastSent);
        if (wait <= 0) {
          sending = false;
          flush();
          return;
        }
        setTimeout(() => {
          sending = false;
          flush();
        }, wait).unref();
      });
  };

  return {
    publish(summary) {
      events.deliver(summary);
      queue.push([summary.binId, Number(summary.id)]);
      flush();
    },
  };
}

/** Turns another instance's notification into local events, reading summaries only for watched bins. */
export async function deliverNotification(
  events: CaptureEvents,
  payload: string,
  instanceId: string,
  loadSummaries: (ids: number[]) => Promise<StoredRequestSummary[]>,
): Promise<void> {
  const notification = JSON.parse(payload) as CaptureNotification;
  if (notification.from === instanceId) return;
  const ids = notification.captures.filter(([binId]) => events.hasSubscribers(binId)).map(([, id]) => id);
  if (ids.length === 0) return;
  for (const row of await loadSummaries(ids)) events.deliver(toRequestSummary(row));
}
