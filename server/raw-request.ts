import type { IncomingMessage } from "node:http";

/**
 * What Next's route handlers cannot see of a request: the raw target, the raw header list (order,
 * casing, repeats) and the socket. When the capture route is served through Next, the server hands
 * them over in this header, which it always strips from what senders send.
 */
export const RAW_REQUEST_HEADER = "x-hookscope-raw-request";

export interface RawRequest {
  url: string;
  rawHeaders: string[];
  remoteAddress?: string;
  encrypted: boolean;
}

export function attachRawRequest(req: IncomingMessage): void {
  const raw: RawRequest = {
    url: req.url ?? "",
    rawHeaders: req.rawHeaders.filter((_, index, list) => {
      const name = index % 2 === 0 ? list[index] : list[index - 1];
      return name?.toLowerCase() !== RAW_REQUEST_HEADER;
    }),
    remoteAddress: req.socket.remoteAddress,
    encrypted: "encrypted" in req.socket,
  };
  req.headers[RAW_REQUEST_HEADER] = Buffer.from(JSON.stringify(raw)).toString("base64");
}

export function readRawRequest(value: string | null): RawRequest | null {
  if (!value) return null;
  try {
    return JSON.parse(Buffer.from(value, "base64").toString("utf8")) as RawRequest;
  } catch {
    return null;
  }
}
