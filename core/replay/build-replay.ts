import type { HeaderPair } from "../requests/types";
import { isHopByHop } from "./hop-by-hop";

export interface ReplayRequest {
  method: string;
  url: string;
  headers: HeaderPair[];
  body: Buffer;
}

export interface ReplayOptions {
  url: string;
  method?: string;
  /** Replaces the stored headers (hop-by-hop ones are dropped either way). */
  headers?: HeaderPair[];
  body?: Buffer;
  /** Append the captured sub-path and query to the target URL. */
  appendPath?: boolean;
}

/** The request to send: the stored one, exact body bytes and original headers, as edited by the user. */
export function buildReplay(
  stored: { method: string; path: string; query: string; headers: HeaderPair[]; body: Buffer },
  options: ReplayOptions,
): ReplayRequest {
  const base = options.appendPath ? options.url.replace(/\/+$/, "") : options.url;
  const suffix = options.appendPath ? `${stored.path}${stored.query ? `?${stored.query}` : ""}` : "";
  return {
    method: options.method ?? stored.method,
    url: base + suffix,
    headers: (options.headers ?? stored.headers).filter(([name]) => !isHopByHop(name)),
    body: options.body ?? stored.body,
  };
}
