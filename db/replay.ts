import type { BinSettings } from "../core/bins/settings";
import { buildReplay, type ReplayOptions, type ReplayRequest } from "../core/replay/build-replay";
import { sendFollowingRedirects } from "../core/replay/follow-redirects";
import { resignHeaders } from "../core/replay/resign";
import { type SendOptions, sendReplay } from "../core/replay/send-replay";
import type { StoredRequest } from "../core/requests/types";
import type { Secret } from "../core/signatures/types";
import type { Database } from "./client";
import { insertReplay } from "./queries/replays";
import type { Replay } from "./schema";

export class ResignError extends Error {}

interface ReplayParams {
  bin: { id: string; settings: BinSettings; secrets: Secret[] | null };
  stored: StoredRequest;
  options: ReplayOptions & { resign?: boolean; followRedirects?: boolean };
  send: SendOptions;
  trigger?: "manual" | "forward";
  attempt?: number;
}

/** Sends a stored request to a target (re-signed if asked) and records what came back. */
export async function replayStored(db: Database, params: ReplayParams): Promise<Replay> {
  const { bin, stored, options } = params;
  const replay = buildReplay(stored, options);
  if (options.resign) {
    const secret = bin.secrets?.[0]?.value;
    if (!secret) throw new ResignError("this bin has no readable secret");
    const { signing } = bin.settings;
    const result = resignHeaders({
      scheme: signing.scheme === "auto" ? (stored.signature?.scheme ?? null) : signing.scheme,
      custom: signing.custom,
      headers: replay.headers,
      body: replay.body,
      secret,
      now: Math.floor(Date.now() / 1000),
    });
    if ("error" in result) throw new ResignError(result.error);
    replay.headers = result.headers;
  }
  const send = (request: ReplayRequest) => sendReplay(request, params.send);
  const { result, redirects } = options.followRedirects
    ? await sendFollowingRedirects(replay, send)
    : { result: await send(replay), redirects: null };
  return insertReplay(db, {
    requestId: stored.id,
    binId: bin.id,
    method: replay.method,
    url: replay.url,
    requestHeaders: replay.headers,
    status: result.status,
    responseHeaders: result.headers,
    responseBody: result.body,
    bodyTruncated: result.bodyTruncated,
    durationMs: result.durationMs,
    error: result.error,
    trigger: params.trigger ?? "manual",
    attempt: params.attempt ?? 1,
    redirects,
  });
}
