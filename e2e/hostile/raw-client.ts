// A raw HTTP/1.1 client for the hostile-input suite: what goes on the wire is exactly what a case wrote,
// including what node's own client refuses to send (duplicate Content-Length, bare LF, 80 KiB of headers).
import { connect, type Socket } from "node:net";

/** One answer read off a raw socket. `status` is null when no (complete) answer came. */
export interface RawAnswer {
  status: number | null;
  /** Lower-cased names; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: Buffer;
  /** From connecting until this answer was complete (or the exchange ended). */
  durationMs: number;
  error?: string;
}

/** What to put on the wire: bytes, or a function that writes (e.g. trickles) them itself. */
export type RawWriter = Buffer | string | ((socket: Socket) => Promise<void>);

export interface ExchangeOptions {
  /** How many answers to wait for (pipelined requests); 1 by default. */
  answers?: number;
  /** Per answer: whether it answers a HEAD request (which has no body whatever its Content-Length). */
  head?: boolean[];
  /** Give up (and close the socket) after this long; answers not complete by then have status null. */
  timeoutMs?: number;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Parsed {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  next: number;
}

/** Decodes a chunked body starting at `offset`; null when it is not complete yet. */
function dechunk(buffer: Buffer, offset: number): { body: Buffer; next: number } | null {
  const parts: Buffer[] = [];
  let at = offset;
  for (;;) {
    const lineEnd = buffer.indexOf("\r\n", at);
    if (lineEnd === -1) return null;
    const size = Number.parseInt(buffer.subarray(at, lineEnd).toString("latin1").split(";")[0] ?? "", 16);
    if (!Number.isFinite(size)) return { body: Buffer.concat(parts), next: buffer.length };
    if (size === 0) {
      // Trailers end with an empty line.
      const end = buffer.indexOf("\r\n\r\n", lineEnd);
      if (end === -1) {
        return buffer.length >= lineEnd + 4 && buffer.subarray(lineEnd, lineEnd + 4).toString() === "\r\n\r\n"
          ? { body: Buffer.concat(parts), next: lineEnd + 4 }
          : null;
      }
      return { body: Buffer.concat(parts), next: end + 4 };
    }
    const start = lineEnd + 2;
    if (buffer.length < start + size + 2) return null;
    parts.push(buffer.subarray(start, start + size));
    at = start + size + 2;
  }
}

/** Parses one response at `offset`; null when more bytes are needed (or, once ended, none are there). */
function parseResponse(buffer: Buffer, offset: number, isHead: boolean, ended: boolean): Parsed | null {
  const headEnd = buffer.indexOf("\r\n\r\n", offset);
  if (headEnd === -1) return null;
  const [statusLine = "", ...lines] = buffer.subarray(offset, headEnd).toString("latin1").split("\r\n");
  const status = Number(statusLine.split(" ")[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const bodyStart = headEnd + 4;
  // An interim answer (100 Continue) precedes the real one.
  if (status >= 100 && status < 200) return parseResponse(buffer, bodyStart, isHead, ended);
  if (isHead || status === 204 || status === 304) {
    return { status, headers, body: Buffer.alloc(0), next: bodyStart };
  }
  const length = headers["content-length"];
  if (length !== undefined && /^\d+$/.test(length)) {
    const end = bodyStart + Number(length);
    if (buffer.length < end)
      return ended ? { status, headers, body: buffer.subarray(bodyStart), next: buffer.length } : null;
    return { status, headers, body: buffer.subarray(bodyStart, end), next: end };
  }
  if (headers["transfer-encoding"]?.toLowerCase().includes("chunked")) {
    const chunked = dechunk(buffer, bodyStart);
    if (chunked) return { status, headers, ...chunked };
    return ended ? { status, headers, body: buffer.subarray(bodyStart), next: buffer.length } : null;
  }
  // No framing: the body runs until the server closes.
  return ended ? { status, headers, body: buffer.subarray(bodyStart), next: buffer.length } : null;
}

/**
 * Opens a plain TCP connection, writes exactly what it is given (no client normalising the request
 * line, header names or framing) and reads the answers. It never rejects: a socket error, a close
 * without an answer or a timeout comes back as `status: null` with `error` saying which.
 */
export function exchange(
  baseURL: string,
  writer: RawWriter,
  options: ExchangeOptions = {},
): Promise<RawAnswer[]> {
  const { hostname, port } = new URL(baseURL);
  const wanted = options.answers ?? 1;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve) => {
    const started = performance.now();
    const answers: RawAnswer[] = [];
    let buffer = Buffer.alloc(0);
    let offset = 0;
    let socketError: string | undefined;
    let done = false;

    const parse = (ended: boolean) => {
      while (answers.length < wanted) {
        const parsed = parseResponse(buffer, offset, options.head?.[answers.length] ?? false, ended);
        if (!parsed) break;
        answers.push({
          status: parsed.status,
          headers: parsed.headers,
          body: Buffer.from(parsed.body),
          durationMs: performance.now() - started,
        });
        offset = parsed.next;
        if (ended && offset >= buffer.length) break;
      }
    };
    const finish = (reason?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      while (answers.length < wanted) {
        answers.push({
          status: null,
          headers: {},
          body: Buffer.alloc(0),
          durationMs: performance.now() - started,
          error: reason ?? socketError ?? "the connection closed without an answer",
        });
      }
      resolve(answers);
    };

    const socket = connect(Number(port), hostname, () => {
      if (typeof writer === "function") {
        writer(socket).catch((error: unknown) => {
          socketError ??= `write failed: ${error instanceof Error ? error.message : String(error)}`;
        });
      } else {
        socket.write(writer);
      }
    });
    const timer = setTimeout(() => finish(`no answer within ${timeoutMs} ms`), timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      parse(false);
      if (answers.length >= wanted) finish();
    });
    // A server that answers early and closes may reset a connection we are still writing to.
    socket.on("error", (error: NodeJS.ErrnoException) => {
      socketError ??= `socket error: ${error.code ?? error.message}`;
    });
    socket.on("close", () => {
      parse(true);
      finish();
    });
  });
}

/** Writes bytes and resolves once they are handed to the kernel (or the socket failed). */
export function writeAsync(socket: Socket, data: Buffer | string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed) return reject(new Error("socket closed"));
    socket.write(data, (error) => (error ? reject(error) : resolve()));
  });
}

export type HeaderLine = [name: string, value: string | Buffer];

/** An HTTP/1.1 request as bytes. Header values given as Buffers go on the wire unchanged. */
export function rawRequest(parts: {
  method?: string;
  target: string | Buffer;
  version?: string;
  headers?: HeaderLine[];
  body?: Buffer | string;
  /** Frame the body as these chunks (Transfer-Encoding: chunked) instead of with Content-Length. */
  chunks?: Buffer[];
  /** Add Host, Content-Length and Connection: close unless the headers already carry them. */
  defaults?: boolean;
}): Buffer {
  const headers: HeaderLine[] = [...(parts.headers ?? [])];
  const has = (name: string) => headers.some(([key]) => key.toLowerCase() === name);
  const body = typeof parts.body === "string" ? Buffer.from(parts.body, "utf8") : parts.body;
  if (parts.defaults !== false) {
    if (!has("host")) headers.unshift(["Host", "hostile.test"]);
    if (parts.chunks && !has("transfer-encoding")) headers.push(["Transfer-Encoding", "chunked"]);
    if (body && !parts.chunks && !has("content-length") && !has("transfer-encoding"))
      headers.push(["Content-Length", String(body.length)]);
    if (!has("connection")) headers.push(["Connection", "close"]);
  }
  const lines: Buffer[] = [
    Buffer.from(`${parts.method ?? "POST"} `, "latin1"),
    typeof parts.target === "string" ? Buffer.from(parts.target, "latin1") : parts.target,
    Buffer.from(` ${parts.version ?? "HTTP/1.1"}\r\n`, "latin1"),
  ];
  for (const [name, value] of headers) {
    lines.push(
      Buffer.from(`${name}: `, "latin1"),
      Buffer.isBuffer(value) ? value : Buffer.from(value, "latin1"),
    );
    lines.push(Buffer.from("\r\n"));
  }
  lines.push(Buffer.from("\r\n"));
  if (parts.chunks) {
    for (const chunk of parts.chunks) {
      lines.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n"));
    }
    lines.push(Buffer.from("0\r\n\r\n"));
  } else if (body) {
    lines.push(body);
  }
  return Buffer.concat(lines);
}
