"use client";

import { useEffect, useRef, useState } from "react";
import type { RequestSummary } from "@/core/requests/types";

export type StreamState = "connecting" | "live" | "reconnecting" | "offline";

const MAX_BACKOFF_MS = 30_000;

/**
 * Follows a bin's event stream. The browser reconnects by itself after a dropped connection (sending
 * Last-Event-ID, so the server replays what was missed); when it gives up (the server answered with
 * an error), we open a new stream ourselves with backoff, resuming after the newest request we hold.
 */
export function useBinEvents(
  binId: string,
  /** The filter's query parameters: the server sends only requests that pass it. Null: no stream. */
  filterQuery: string | null,
  newestId: () => string | undefined,
  onRequest: (summary: RequestSummary) => void,
): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  const handlers = useRef({ newestId, onRequest });
  handlers.current = { newestId, onRequest };

  useEffect(() => {
    if (filterQuery === null) {
      setState("offline");
      return;
    }
    let source: EventSource | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let disposed = false;

    const connect = () => {
      const after = handlers.current.newestId() ?? "0";
      const filter = filterQuery ? `&${filterQuery}` : "";
      source = new EventSource(`/api/bins/${encodeURIComponent(binId)}/events?lastEventId=${after}${filter}`);
      source.onopen = () => {
        attempts = 0;
        setState("live");
      };
      source.addEventListener("request", (event) => {
        handlers.current.onRequest(JSON.parse((event as MessageEvent<string>).data) as RequestSummary);
      });
      source.onerror = () => {
        if (source?.readyState === EventSource.CONNECTING) {
          setState("reconnecting");
          return;
        }
        source?.close();
        setState("offline");
        const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** attempts++);
        retryTimer = setTimeout(() => !disposed && connect(), delay);
      };
    };

    const reconnectNow = () => {
      if (source?.readyState !== EventSource.CLOSED) return;
      clearTimeout(retryTimer);
      attempts = 0;
      connect();
    };

    connect();
    window.addEventListener("online", reconnectNow);
    return () => {
      disposed = true;
      clearTimeout(retryTimer);
      window.removeEventListener("online", reconnectNow);
      source?.close();
    };
  }, [binId, filterQuery]);

  return state;
}
