import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import type { HeaderPair } from "../requests/types";
import { blockedAddressReason } from "./address-policy";
import type { ReplayRequest } from "./build-replay";

export interface ReplayResult {
  /** The target's HTTP status, or null when no answer came. */
  status: number | null;
  headers: HeaderPair[];
  body: Buffer;
  bodyTruncated: boolean;
  durationMs: number;
  /** What went wrong, in plain words; null when the target answered. */
  error: string | null;
}

export interface SendOptions {
  timeoutMs: number;
  /** True on hosted instances: loopback and private addresses are refused (link-local and metadata always are). */
  blockPrivate: boolean;
  maxBodyBytes?: number;
}

class BlockedAddress extends Error {}

/** Resolves the name itself, so the address that is checked is the address that is dialled (no rebinding). */
function guardedLookup(blockPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      // A throw here would leave the request hanging until its timeout: report it instead.
      try {
        const list = addresses as LookupAddress[];
        const blocked = list.map((entry) => blockedAddressReason(entry.address, blockPrivate)).find(Boolean);
        if (blocked) return callback(new BlockedAddress(`${hostname} resolves to ${blocked}`), "", 0);
        if (options.all) return callback(null, list as unknown as string, 0);
        const first = list[0];
        callback(null, first?.address ?? "", first?.family ?? 4);
      } catch (failure) {
        callback(failure as NodeJS.ErrnoException, "", 0);
      }
    });
  };
}

function describeError(error: NodeJS.ErrnoException, url: URL, timeoutMs: number): string {
  if (error instanceof BlockedAddress) return `blocked by the address policy: ${error.message}`;
  const code = error.code ?? "";
  if (code === "ETIMEDOUT_REPLAY") return `timed out: no answer within ${timeoutMs / 1000} s`;
  if (code === "ECONNREFUSED") return `connection refused by ${url.host} (is the server running?)`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return `DNS failure: ${url.hostname} could not be resolved`;
  if (code === "ECONNRESET") return "the target closed the connection before answering";
  if (
    code.startsWith("ERR_TLS") ||
    code.includes("CERT") ||
    code.startsWith("ERR_SSL") ||
    /certificate|ssl|tls/i.test(error.message)
  ) {
    return `TLS error: ${error.message}`;
  }
  return `${error.message}${code ? ` (${code})` : ""}`;
}

/** Sends a replay and reports what the target answered, or why it did not; never throws. */
export function sendReplay(replay: ReplayRequest, options: SendOptions): Promise<ReplayResult> {
  const started = performance.now();
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const failed = (error: string): ReplayResult => ({
    status: null,
    headers: [],
    body: Buffer.alloc(0),
    bodyTruncated: false,
    durationMs: Math.round(performance.now() - started),
    error,
  });

  let url: URL;
  try {
    url = new URL(replay.url);
  } catch {
    return Promise.resolve(failed("the target is not a valid URL"));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Promise.resolve(failed("only http and https targets can be replayed to"));
  }
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(literal)) {
    const reason = blockedAddressReason(literal, options.blockPrivate);
    if (reason) return Promise.resolve(failed(`blocked by the address policy: ${reason}`));
  }

  // Given as a raw list (to keep order, casing and repeats), Node adds no Host header of its own.
  const headers = ["Host", url.host, ...replay.headers.flat()];
  const hasBody = replay.body.length > 0 || !["GET", "HEAD"].includes(replay.method.toUpperCase());
  if (hasBody) headers.push("Content-Length", String(replay.body.length));

  return new Promise((resolve) => {
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(url, {
      method: replay.method,
      headers,
      lookup: guardedLookup(options.blockPrivate),
    });
    const timer = setTimeout(() => {
      const error: NodeJS.ErrnoException = new Error("timeout");
      error.code = "ETIMEDOUT_REPLAY";
      req.destroy(error);
    }, options.timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(failed(describeError(error, url, options.timeoutMs)));
    });
    req.on("response", (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      res.on("data", (chunk: Buffer) => {
        if (size + chunk.length > maxBody) {
          truncated = true;
          chunk = chunk.subarray(0, Math.max(0, maxBody - size));
        }
        size += chunk.length;
        if (chunk.length > 0) chunks.push(chunk);
      });
      res.on("end", () => {
        clearTimeout(timer);
        const pairs: HeaderPair[] = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          pairs.push([res.rawHeaders[i] ?? "", res.rawHeaders[i + 1] ?? ""]);
        }
        resolve({
          status: res.statusCode ?? null,
          headers: pairs,
          body: Buffer.concat(chunks),
          bodyTruncated: truncated,
          durationMs: Math.round(performance.now() - started),
          error: null,
        });
      });
      res.on("error", (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        resolve(failed(describeError(error, url, options.timeoutMs)));
      });
    });
    req.end(hasBody ? replay.body : undefined);
  });
}
