import { decodeContentEncoding } from "../body/content-encoding";
import { bodyAsText } from "../body/decode-body";
import { headerValue } from "../capture/header-pairs";
import type {
  DecodedBodyView,
  DuplicateInfo,
  RequestDetail,
  RequestSummary,
  StoredRequest,
  StoredRequestSummary,
} from "./types";

function duplicateInfo(row: StoredRequestSummary): DuplicateInfo | null {
  if (row.dedupKey === null || row.dedupSource === null || row.occurrence === null) return null;
  return {
    isDuplicate: row.occurrence > 1,
    key: row.dedupKey,
    keySource: row.dedupSource,
    firstId: String(row.duplicateOf ?? row.id),
    occurrence: row.occurrence,
    deliveries: Math.max(row.deliveries ?? row.occurrence, row.occurrence),
  };
}

export function toRequestSummary(row: StoredRequestSummary): RequestSummary {
  return {
    id: String(row.id),
    binId: row.binId,
    method: row.method,
    path: row.path,
    query: row.query,
    contentType: row.contentType,
    bodySize: row.bodySize,
    bodyTooLarge: row.bodyTooLarge,
    remoteAddr: row.remoteAddr,
    responseStatus: row.responseStatus,
    receivedAt: row.receivedAt.toISOString(),
    duplicate: duplicateInfo(row),
    signature: row.signature
      ? { verdict: row.signature.verdict, scheme: row.signature.scheme, reason: row.signature.reason }
      : null,
    previousId: row.previousId === null ? null : String(row.previousId),
  };
}

export function toRequestDetail(row: StoredRequest): RequestDetail {
  return {
    ...toRequestSummary(row),
    headers: row.headers,
    bodyBase64: row.body.toString("base64"),
    bodyText: bodyAsText(row.body),
    decoded: decodedView(row),
    signature: row.signature,
  };
}

function decodedView(row: StoredRequest): DecodedBodyView | null {
  const decoded = decodeContentEncoding(row.body, headerValue(row.headers, "content-encoding"));
  if (!decoded) return null;
  if (!decoded.ok) return { encoding: decoded.encoding, error: decoded.reason };
  return {
    encoding: decoded.encoding,
    bodyBase64: decoded.body.toString("base64"),
    bodyText: bodyAsText(decoded.body),
    size: decoded.body.length,
  };
}
