import { request as httpRequest, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import { type APIRequestContext, expect } from "@playwright/test";
import { createSseParser, type ParsedEvent } from "../core/events/sse-parser";

export interface CreatedBin {
  id: string;
  name: string | null;
  token: string;
  captureUrl: string;
  dashboardUrl: string;
  createdAt: string;
}

export async function createBin(api: APIRequestContext, name?: string): Promise<CreatedBin> {
  const response = await api.post("/api/bins", { data: name === undefined ? {} : { name } });
  expect(response.status()).toBe(201);
  return (await response.json()) as CreatedBin;
}

export const bearer = (bin: { token: string }) => ({ authorization: `Bearer ${bin.token}` });

export interface RequestDetailJson {
  id: string;
  binId: string;
  method: string;
  path: string;
  query: string;
  headers: [string, string][];
  contentType: string | null;
  bodySize: number;
  bodyTooLarge: boolean;
  bodyBase64: string;
  bodyText: string | null;
  remoteAddr: string | null;
  responseStatus: number;
  receivedAt: string;
  duplicate: unknown;
  signature: unknown;
}

export async function getDetail(
  api: APIRequestContext,
  bin: CreatedBin,
  id: string,
): Promise<RequestDetailJson> {
  const response = await api.get(`/api/bins/${bin.id}/requests/${id}`, { headers: bearer(bin) });
  expect(response.status()).toBe(200);
  return (await response.json()) as RequestDetailJson;
}

export interface RawResponse {
  status: number;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

/**
 * Sends bytes exactly as given over a plain socket (no client normalising the path or headers) and
 * reads one response, which must be complete when the server closes or ends it.
 */
export function rawHttp(baseURL: string, message: Buffer | string): Promise<RawResponse> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    // Requests carry `Connection: close`; half-closing the socket instead could cut the reply short.
    const socket = connect(Number(port), hostname, () => socket.write(message));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf("\r\n\r\n");
      if (split === -1) return reject(new Error(`no complete response: ${raw.toString("latin1")}`));
      const [statusLine, ...headerLines] = raw.subarray(0, split).toString("latin1").split("\r\n");
      const headers: IncomingMessage["headers"] = {};
      for (const line of headerLines) {
        const colon = line.indexOf(":");
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine?.split(" ")[1]), headers, body: raw.subarray(split + 4) });
    });
  });
}

/** Sends a request with node:http, which keeps header casing and order, and reads the reply. */
export function nodeHttp(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string | string[]>;
    body?: Buffer | string | Buffer[];
  },
): Promise<RawResponse> {
  const body = options.body;
  // node:http frames GET/DELETE/OPTIONS bodies only when told their length.
  const headers =
    body === undefined || Array.isArray(body)
      ? options.headers
      : { "content-length": String(Buffer.byteLength(body)), ...options.headers };
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "POST", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    if (Array.isArray(body)) {
      // Written chunk by chunk with no Content-Length: a chunked upload.
      for (const chunk of body) req.write(chunk);
      req.end();
    } else {
      req.end(body);
    }
  });
}

export type SseEvent = ParsedEvent;

/** A minimal event-stream reader, so tests see the exact frames the server sends. */
export function openEventStream(url: string, headers: Record<string, string>) {
  const events: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  let response: IncomingMessage | undefined;
  const feed = createSseParser((event) => events.push(event));
  const req = httpRequest(url, { headers: { accept: "text/event-stream", ...headers } });
  const opened = new Promise<IncomingMessage>((resolve, reject) => {
    req.on("response", (res) => {
      response = res;
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        feed(chunk);
        for (const wake of waiters.splice(0)) wake();
      });
      resolve(res);
    });
    req.on("error", reject);
  });
  req.end();

  return {
    opened,
    events,
    status: () => response?.statusCode,
    async waitForEvents(count: number, timeoutMs = 10_000): Promise<SseEvent[]> {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} events, got ${events.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return events;
    },
    close() {
      req.destroy();
    },
  };
}
