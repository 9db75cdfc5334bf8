import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { headerPairsFromRaw } from "../core/capture/header-pairs";
import type { HeaderPair } from "../core/requests/types";

/** A request as a test target received it: exactly what came over the wire. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

/** The same, with its headers as pairs in wire order (casing and repeats kept) and its body as bytes. */
export interface ReceivedPairs {
  method: string;
  url: string;
  headers: HeaderPair[];
  body: Uint8Array;
}

const withHeaderPairs = (request: ReceivedRequest): ReceivedPairs => ({
  method: request.method,
  url: request.url,
  headers: headerPairsFromRaw(request.rawHeaders),
  body: new Uint8Array(request.body),
});

export interface RecordingServer {
  url: string;
  received: ReceivedRequest[];
  /** Runs `send` and returns the one request it made (as pairs); fails unless it made exactly one. */
  receiveOne(send: () => Promise<unknown>): Promise<ReceivedPairs>;
  close(): Promise<void>;
}

/**
 * A real HTTP server on loopback, standing in for a replay or forwarding target: it records every
 * request whole, then answers it with `answer` (by default 200 "ok"; an answer may also leave it
 * hanging).
 */
export async function recordingServer(
  answer: (request: ReceivedRequest, res: ServerResponse) => void = (_request, res) => res.end("ok"),
): Promise<RecordingServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks),
      };
      received.push(request);
      answer(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    async receiveOne(send) {
      received.length = 0;
      await send();
      const [only, ...more] = received;
      if (!only || more.length > 0) throw new Error(`expected exactly 1 request, got ${received.length}`);
      return withHeaderPairs(only);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
