import { bodyAsText } from "../body/decode-body";
import type { RequestDetail, RequestSummary, StoredRequest, StoredRequestSummary } from "./types";

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
  };
}

export function toRequestDetail(row: StoredRequest): RequestDetail {
  return {
    ...toRequestSummary(row),
    headers: row.headers,
    bodyBase64: row.body.toString("base64"),
    bodyText: bodyAsText(row.body),
  };
}
