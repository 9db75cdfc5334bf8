import type { HeaderPair } from "../requests/types";
import { headerValue } from "./header-pairs";

export function isPreflight(method: string, headers: readonly HeaderPair[]): boolean {
  return method === "OPTIONS" && headerValue(headers, "access-control-request-method") !== undefined;
}

/**
 * CORS headers that let a browser page send to a capture URL and read the answer. Credentials are
 * never allowed: a capture URL must not become a way to make requests with a visitor's cookies.
 */
export function corsHeaders(headers: readonly HeaderPair[]): Record<string, string> {
  const origin = headerValue(headers, "origin");
  return {
    "access-control-allow-origin": origin && origin !== "null" ? origin : "*",
    vary: "Origin",
    "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS",
    "access-control-allow-headers": headerValue(headers, "access-control-request-headers") ?? "*",
    "access-control-expose-headers": "x-hookscope-request-id",
    "access-control-max-age": "600",
  };
}
