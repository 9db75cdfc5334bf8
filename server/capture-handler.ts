import type { IncomingMessage, ServerResponse } from "node:http";
import {
  binNotFound,
  CAPTURE_ISOLATION_HEADERS,
  type CaptureReply,
  captureError,
  captureRequest,
} from "../core/capture/capture";
import { headerPairsFromRaw } from "../core/capture/header-pairs";
import { parseCaptureUrl } from "../core/capture/parse-capture-url";
import { publicOrigin } from "../core/capture/public-origin";
import { remoteAddress } from "../core/capture/remote-address";
import { logError } from "../core/log-error";
import { captureStore } from "../db/capture-store";
import type { DatabaseHandle } from "../db/client";
import type { Forwarder } from "../db/forwarder";
import { readBody } from "./read-body";

export interface CaptureHandlerOptions {
  database: DatabaseHandle;
  maxBodyBytes: number;
  rateLimitPerMinute: number;
  forwarder: Forwarder;
  trustedProxies: number;
  publicUrl?: string;
}

const MiB = 1024 * 1024;

function send(res: ServerResponse, reply: CaptureReply, close = false): void {
  if (res.headersSent) return;
  const body = Buffer.from(reply.body);
  res.writeHead(reply.status, {
    ...reply.headers,
    ...CAPTURE_ISOLATION_HEADERS,
    "content-length": String(body.length),
    ...(close ? { connection: "close" } : {}),
  });
  res.end(body);
}

/**
 * The node:http adapter for capture URLs. It sits outside Next so that it sees the request exactly
 * as sent (raw header order and casing, no added x-forwarded-* headers, an unnormalised path).
 */
export function createCaptureHandler(options: CaptureHandlerOptions) {
  const { database, maxBodyBytes, trustedProxies, publicUrl } = options;
  const store = captureStore(database, {
    rateLimitPerMinute: options.rateLimitPerMinute,
    forwarder: options.forwarder,
  });
  const drainLimit = Math.max(2 * maxBodyBytes, 32 * MiB);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = parseCaptureUrl(req.url ?? "");
    if (!target) {
      req.resume();
      send(res, binNotFound());
      return;
    }
    const read = await readBody(req, maxBodyBytes, drainLimit);
    const headers = headerPairsFromRaw(req.rawHeaders);
    const outcome = await captureRequest(
      {
        ...target,
        method: req.method ?? "GET",
        headers,
        body: read.body,
        tooLarge: read.tooLarge,
        remoteAddr: remoteAddress(req.socket.remoteAddress, headers, trustedProxies),
        origin: publicOrigin({
          publicUrl,
          trustedProxies,
          host: req.headers.host,
          forwardedHost: req.headers["x-forwarded-host"]?.toString(),
          forwardedProto: req.headers["x-forwarded-proto"]?.toString(),
          protocol: "encrypted" in req.socket ? "https" : "http",
        }),
      },
      store,
    );
    if (outcome.stored) database.publisher.publish(outcome.stored);
    const { delayMs, holdMs } = outcome.reply;
    if (holdMs) {
      // Failure simulation: never answer, like an endpoint that hangs until the sender gives up.
      setTimeout(() => res.destroy(), holdMs).unref();
      return;
    }
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    send(res, outcome.reply, read.tooLarge !== undefined && !read.drained);
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (!req.complete && (req.destroyed || req.readableAborted)) {
        // The sender went away mid-request: nothing was acknowledged, so nothing is owed. (A request
        // read whole is destroyed too, once consumed: its sender is still there and gets the 503.)
        res.destroy();
        return;
      }
      logError("capture failed", error);
      send(
        res,
        captureError(503, "storage_unavailable", "The request could not be stored. Please retry."),
        true,
      );
    });
  };
}
