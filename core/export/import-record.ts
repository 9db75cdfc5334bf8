import type { CaptureBin, CaptureRecord } from "../capture/capture";
import { headerValue } from "../capture/header-pairs";
import { duplicateKey } from "../duplicates/duplicate-key";
import { signatureVerdictFor } from "../signatures/verdict-for";
import type { ImportedRequest } from "./import";

/**
 * An imported request as the bin would have stored it on arrival: its duplicate key and its
 * signature verdict (timestamps judged against when it was originally received) follow the bin's
 * current settings. What Hookscope answered the original sender is not in the file, so it reads 200.
 */
export function importedRecord(
  request: ImportedRequest,
  bin: CaptureBin & { id: string },
  origin: string,
): CaptureRecord {
  const body = Buffer.from(request.body);
  const contentType = headerValue(request.headers, "content-type") ?? null;
  const identity = duplicateKey(
    { method: request.method, path: request.path, headers: request.headers, body, contentType },
    bin.settings.duplicates,
  );
  const signature = signatureVerdictFor(
    { ...request, binId: bin.id, body, receivedAt: request.receivedAt ?? new Date() },
    bin,
    origin,
  );
  return {
    binId: bin.id,
    method: request.method,
    path: request.path,
    query: request.query,
    headers: request.headers,
    body,
    contentType,
    bodySize: body.length,
    bodyTooLarge: false,
    remoteAddr: null,
    responseStatus: 200,
    dedupKey: identity?.key ?? null,
    dedupSource: identity?.source ?? null,
    signatureVerdict: signature.verdict,
    signature,
  };
}
