import { bodyAsText } from "../body/decode-body";
import type { HeaderPair } from "../requests/types";
import type { RedirectHop } from "./follow-redirects";

interface ReplayRow {
  id: number;
  requestId: number;
  method: string;
  url: string;
  requestHeaders: HeaderPair[];
  status: number | null;
  responseHeaders: HeaderPair[];
  responseBody: Buffer;
  bodyTruncated: boolean;
  durationMs: number;
  error: string | null;
  trigger: string;
  attempt: number;
  redirects: RedirectHop[] | null;
  createdAt: Date;
}

export interface ReplayJson {
  id: string;
  requestId: string;
  method: string;
  url: string;
  requestHeaders: HeaderPair[];
  status: number | null;
  headers: HeaderPair[];
  /** The target's answer as text, or null when it is not UTF-8 (then see bodyBase64). */
  body: string | null;
  bodyBase64: string;
  bodyTruncated: boolean;
  durationMs: number;
  error: string | null;
  /** "manual", or "forward" for a bin's forwarding rule (with the try number in attempt). */
  trigger: string;
  attempt: number;
  /** The redirects followed before this answer (empty unless the replay was asked to follow them). */
  redirects: RedirectHop[];
  createdAt: string;
}

export function toReplayJson(row: ReplayRow): ReplayJson {
  return {
    id: String(row.id),
    requestId: String(row.requestId),
    method: row.method,
    url: row.url,
    requestHeaders: row.requestHeaders,
    status: row.status,
    headers: row.responseHeaders,
    body: bodyAsText(row.responseBody),
    bodyBase64: row.responseBody.toString("base64"),
    bodyTruncated: row.bodyTruncated,
    durationMs: row.durationMs,
    error: row.error,
    trigger: row.trigger,
    attempt: row.attempt,
    redirects: row.redirects ?? [],
    createdAt: row.createdAt.toISOString(),
  };
}
