import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { createSseParser } from "../core/events/sse-parser";
import { buildReplay } from "../core/replay/build-replay";
import { sendReplay } from "../core/replay/send-replay";
import type { RequestDetail, RequestSummary } from "../core/requests/types";

export interface ForwardOptions {
  /** Where Hookscope runs: `https://hooks.example.com`. */
  server: string;
  binId: string;
  token: string;
  /** The local target, e.g. `http://localhost:4000/webhooks`. */
  to: string;
  /** Append each request's captured sub-path and query to the target. */
  appendPath: boolean;
  /** Forward the last N stored requests before following new ones. */
  replayLast: number;
  timeoutMs: number;
  log: (line: string) => void;
}

async function api<T>(options: ForwardOptions, path: string): Promise<T> {
  const response = await fetch(`${options.server}${path}`, {
    headers: { authorization: `Bearer ${options.token}` },
  });
  if (!response.ok) throw new Error(`${path}: the server answered ${response.status}`);
  return (await response.json()) as T;
}

const clock = () => new Date().toTimeString().slice(0, 8);

/** Fetches one captured request and sends it to the target; prints what happened. */
async function forwardOne(options: ForwardOptions, summary: RequestSummary): Promise<void> {
  const detail = await api<RequestDetail>(options, `/api/bins/${options.binId}/requests/${summary.id}`);
  const replay = buildReplay(
    { ...detail, body: Buffer.from(detail.bodyBase64, "base64") },
    { url: options.to, appendPath: options.appendPath },
  );
  // The target is the user's own machine: private addresses are the point here.
  const result = await sendReplay(replay, { timeoutMs: options.timeoutMs, blockPrivate: false });
  const verdict = detail.signature?.verdict ?? "unchecked";
  const outcome = result.status === null ? `✗ ${result.error}` : `→ ${result.status}`;
  options.log(
    `${clock()}  ${detail.method.padEnd(6)} ${(detail.path || "/") + (detail.query ? `?${detail.query}` : "")}  [${verdict}]  ${outcome}  ${result.durationMs} ms`,
  );
}

/**
 * Follows a bin's event stream and forwards every new request, in order, to the target. After a
 * dropped connection it reconnects with Last-Event-ID, so the server replays what was missed.
 */
export async function forward(options: ForwardOptions, signal: AbortSignal): Promise<void> {
  let lastId = "0";
  const newest = await api<{ requests: RequestSummary[] }>(
    options,
    `/api/bins/${options.binId}/requests?limit=${Math.max(1, options.replayLast)}`,
  );
  if (options.replayLast > 0) {
    for (const summary of [...newest.requests].reverse()) await forwardOne(options, summary);
  }
  lastId = newest.requests[0]?.id ?? "0";

  let queue = Promise.resolve();
  let delay = 500;
  while (!signal.aborted) {
    const connected = await new Promise<boolean>((resolve) => {
      const url = new URL(`${options.server}/api/bins/${options.binId}/events`);
      const send = url.protocol === "https:" ? httpsRequest : httpRequest;
      const req = send(url, {
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: "text/event-stream",
          "last-event-id": lastId,
        },
        signal,
      });
      req.on("response", (res) => {
        if (res.statusCode !== 200) {
          options.log(`${clock()}  the server refused the stream (${res.statusCode}); check the token`);
          res.resume();
          return resolve(false);
        }
        delay = 500;
        options.log(`${clock()}  connected; forwarding to ${options.to}`);
        res.setEncoding("utf8");
        const feed = createSseParser((event) => {
          if (event.event !== "request" || !event.id) return;
          const summary = JSON.parse(event.data) as RequestSummary;
          lastId = event.id;
          queue = queue.then(() =>
            forwardOne(options, summary).catch((error: unknown) =>
              options.log(
                `${clock()}  could not forward ${summary.id}: ${error instanceof Error ? error.message : error}`,
              ),
            ),
          );
        });
        res.on("data", feed);
        res.on("end", () => resolve(true));
        res.on("error", () => resolve(true));
      });
      req.on("error", () => resolve(true));
      req.end();
    });
    if (signal.aborted) break;
    if (!connected) throw new Error("the event stream was refused");
    options.log(`${clock()}  disconnected; reconnecting…`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 10_000);
  }
  await queue;
}
