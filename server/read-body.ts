import type { IncomingMessage } from "node:http";

export type BodyResult =
  | { body: Buffer; tooLarge?: undefined }
  | { body: Buffer; tooLarge: { declaredSize: number; limit: number }; drained: boolean };

function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers["content-length"];
  if (header === undefined || !/^\d+$/.test(header)) return undefined;
  return Number(header);
}

/**
 * Reads the body up to `limit` bytes. Past the limit it keeps reading but discards, up to
 * `drainLimit`, so that an ordinary client still sending its upload gets to read our 413 instead of
 * a reset connection; a sender that goes on beyond that is cut off (`drained: false`).
 */
export function readBody(req: IncomingMessage, limit: number, drainLimit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const declared = declaredLength(req);
    const chunks: Buffer[] = [];
    let received = 0;
    let overflow = declared !== undefined && declared > limit;

    const tooLarge = (drained: boolean): BodyResult => ({
      body: Buffer.alloc(0),
      tooLarge: { declaredSize: declared ?? received, limit },
      drained,
    });

    if (overflow && (declared ?? 0) > drainLimit) {
      req.pause();
      resolve(tooLarge(false));
      return;
    }

    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (!overflow && received > limit) {
        overflow = true;
        chunks.length = 0;
      }
      if (!overflow) {
        chunks.push(chunk);
      } else if (received > drainLimit) {
        cleanup();
        req.pause();
        resolve(tooLarge(false));
      }
    };
    const onEnd = () => {
      cleanup();
      resolve(overflow ? tooLarge(true) : { body: Buffer.concat(chunks, received) });
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      if (!req.complete) onError(new Error("the sender closed the connection before the body was complete"));
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}
