import type { NextRequest } from "next/server";
import {
  binNotFound,
  CAPTURE_ISOLATION_HEADERS,
  type CaptureReply,
  captureRequest,
} from "@/core/capture/capture";
import { headerPairsFromRaw } from "@/core/capture/header-pairs";
import { parseCaptureUrl } from "@/core/capture/parse-capture-url";
import { publicOrigin } from "@/core/capture/public-origin";
import { remoteAddress } from "@/core/capture/remote-address";
import { sendOptionsFrom } from "@/core/replay/send-options";
import { captureStore } from "@/db/capture-store";
import { type DatabaseHandle, getDatabase } from "@/db/client";
import { processForwarder } from "@/db/forwarder";
import { config } from "@/lib/config";
import { readWebBody } from "@/lib/read-web-body";
import { RAW_REQUEST_HEADER, readRawRequest } from "@/server/raw-request";

export const dynamic = "force-dynamic";

const forwarderFor = (database: DatabaseHandle) =>
  processForwarder(database, sendOptionsFrom(config()), config().FORWARD_RETRY_DELAYS_MS);

/**
 * The capture URL mounted as a Next route handler: the reference mount, served when the server runs
 * with HOOKSCOPE_CAPTURE_MOUNT=next (and by a plain `next dev`). The default production server
 * answers /h/… on its node:http fast path instead; both call the same capture function.
 */
async function capture(request: NextRequest): Promise<Response> {
  const { MAX_BODY_BYTES, TRUST_PROXY, PUBLIC_URL, CAPTURE_URL, RATE_LIMIT_PER_MINUTE } = config();
  const raw = readRawRequest(request.headers.get(RAW_REQUEST_HEADER));
  const target = parseCaptureUrl(raw?.url ?? `${request.nextUrl.pathname}${request.nextUrl.search}`);
  // Without the server's hand-over (plain `next dev`), Web headers are the best there is: lower-cased.
  const headers = raw
    ? headerPairsFromRaw(raw.rawHeaders)
    : [...request.headers].filter(([name]) => name !== RAW_REQUEST_HEADER);
  const body = await readWebBody(request, MAX_BODY_BYTES);
  if (!target) return toResponse(request, binNotFound());
  const database = await getDatabase();
  const outcome = await captureRequest(
    {
      ...target,
      method: request.method,
      headers,
      body: body.bytes,
      tooLarge: body.tooLarge,
      remoteAddr: remoteAddress(raw?.remoteAddress, headers, TRUST_PROXY),
      origin: publicOrigin({
        publicUrl: CAPTURE_URL ?? PUBLIC_URL,
        trustedProxies: TRUST_PROXY,
        host: request.headers.get("host") ?? undefined,
        forwardedHost: request.headers.get("x-forwarded-host") ?? undefined,
        forwardedProto: request.headers.get("x-forwarded-proto") ?? undefined,
        protocol: raw?.encrypted ? "https" : "http",
      }),
    },
    captureStore(database, { rateLimitPerMinute: RATE_LIMIT_PER_MINUTE, forwarder: forwarderFor(database) }),
  );
  if (outcome.stored) database.publisher.publish(outcome.stored);
  const { delayMs, holdMs } = outcome.reply;
  // A route handler cannot drop its connection: the timeout simulation holds, then answers 504.
  if (holdMs) {
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    return new Response(null, { status: 504 });
  }
  if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
  return toResponse(request, outcome.reply);
}

function toResponse(request: Request, reply: CaptureReply): Response {
  const bodyless = request.method === "HEAD" || reply.status === 204 || reply.status === 304;
  return new Response(bodyless ? null : reply.body, {
    status: reply.status,
    headers: { ...reply.headers, ...CAPTURE_ISOLATION_HEADERS },
  });
}

export {
  capture as DELETE,
  capture as GET,
  capture as HEAD,
  capture as OPTIONS,
  capture as PATCH,
  capture as POST,
  capture as PUT,
};
