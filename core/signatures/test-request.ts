import type { HeaderPair } from "../requests/types";
import type { SignedRequest } from "./types";

/** A request as captured, for signature tests: headers in order, body bytes, a receive time. */
export function signedRequest(options: {
  headers?: HeaderPair[];
  body?: string | Buffer;
  receivedAt?: Date | number;
  method?: string;
  url?: string;
}): SignedRequest {
  const url = new URL(options.url ?? "https://hooks.example.com/h/bin/hook");
  const receivedAt = options.receivedAt ?? new Date();
  return {
    method: options.method ?? "POST",
    path: url.pathname.replace(/^\/h\/[^/]+/, ""),
    query: url.search.slice(1),
    headers: options.headers ?? [],
    body: Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body ?? "", "utf8"),
    receivedAt: typeof receivedAt === "number" ? new Date(receivedAt * 1000) : receivedAt,
    url: url.toString(),
  };
}
