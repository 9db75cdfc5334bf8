import { headerValue } from "../capture/header-pairs";
import type { ReplayRequest } from "./build-replay";
import type { ReplayResult } from "./send-replay";

/** One redirect the replay followed: the status that sent it on, and where to. */
export interface RedirectHop {
  status: number;
  url: string;
}

export const MAX_REDIRECTS = 5;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Sent to another origin, these would hand the original target's credentials to a stranger (the
// rule browsers follow too).
const CREDENTIALS = new Set(["authorization", "cookie", "proxy-authorization"]);
const BODY_HEADERS = new Set(["content-type", "content-length", "content-encoding", "transfer-encoding"]);

/**
 * The request a redirect asks for, as browsers make it: 303 (and 301/302 after a POST) turns into a
 * GET without a body; 307 and 308 repeat the method and the body. Null when the Location is not a
 * usable http(s) URL.
 */
export function redirectedRequest(
  previous: ReplayRequest,
  status: number,
  location: string,
): ReplayRequest | null {
  let next: URL;
  try {
    next = new URL(location, previous.url);
  } catch {
    return null;
  }
  if (next.protocol !== "http:" && next.protocol !== "https:") return null;
  const method = previous.method.toUpperCase();
  const toGet =
    (status === 303 && method !== "HEAD") || ((status === 301 || status === 302) && method === "POST");
  const crossOrigin = next.origin !== new URL(previous.url).origin;
  const headers = previous.headers.filter(([name]) => {
    const lower = name.toLowerCase();
    if (crossOrigin && CREDENTIALS.has(lower)) return false;
    return !(toGet && BODY_HEADERS.has(lower));
  });
  return {
    method: toGet ? "GET" : previous.method,
    url: next.toString(),
    headers,
    body: toGet ? Buffer.alloc(0) : previous.body,
  };
}

/**
 * Sends a replay and follows up to MAX_REDIRECTS redirects. Every hop goes through `send`, so each
 * new address meets the same address policy as the first (a redirect cannot reach what a target
 * URL could not). The answer is the last one; the hops say how it got there.
 */
export async function sendFollowingRedirects(
  replay: ReplayRequest,
  send: (request: ReplayRequest) => Promise<ReplayResult>,
): Promise<{ result: ReplayResult; redirects: RedirectHop[] }> {
  const redirects: RedirectHop[] = [];
  let request = replay;
  let elapsed = 0;
  for (;;) {
    const result = await send(request);
    elapsed += result.durationMs;
    const { status } = result;
    const location =
      status !== null && REDIRECTS.has(status) ? headerValue(result.headers, "location") : undefined;
    const next = status !== null && location ? redirectedRequest(request, status, location) : null;
    if (!next || status === null) return { result: { ...result, durationMs: elapsed }, redirects };
    if (redirects.length === MAX_REDIRECTS) {
      return {
        result: { ...result, durationMs: elapsed, error: `stopped after ${MAX_REDIRECTS} redirects` },
        redirects,
      };
    }
    redirects.push({ status, url: next.url });
    request = next;
  }
}
