import type { HeaderPair } from "./types";

interface RawMessageInput {
  method: string;
  binId: string;
  path: string;
  query: string;
  headers: readonly HeaderPair[];
  bodyText: string | null;
  bodySize: number;
}

/**
 * The request as it crossed the wire (HTTP/1.1 framing), for reading and copying. A body that is not
 * text is described rather than pasted, so the message stays printable.
 */
export function rawHttpMessage(request: RawMessageInput): string {
  const target = `/h/${request.binId}${request.path}${request.query ? `?${request.query}` : ""}`;
  const head = [
    `${request.method} ${target} HTTP/1.1`,
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
  ];
  const body = request.bodyText ?? (request.bodySize > 0 ? `[${request.bodySize} bytes of binary data]` : "");
  return `${head.join("\r\n")}\r\n\r\n${body}`;
}
