import type { ExportableRequest } from "./request-input";

export const JSON_EXPORT_FORMAT = "hookscope.requests";
export const JSON_EXPORT_VERSION = 1;

/** Hookscope's own export: lossless (exact body bytes, header order and casing) and re-importable. */
export interface HookscopeJsonExport {
  format: typeof JSON_EXPORT_FORMAT;
  version: typeof JSON_EXPORT_VERSION;
  exportedAt: string;
  bin: { id: string; name: string | null };
  requests: ExportableRequest[];
}

export interface JsonExportOptions {
  bin: { id: string; name: string | null };
  /** Defaults to now; fixed in tests. */
  exportedAt?: Date;
}

// Copies only the exportable fields: a RequestDetail also carries the sender's address, which stays out.
function exportable(request: ExportableRequest): ExportableRequest {
  return {
    id: request.id,
    binId: request.binId,
    method: request.method,
    path: request.path,
    query: request.query,
    headers: request.headers.map(([name, value]) => [name, value]),
    bodyBase64: request.bodyBase64,
    bodyText: request.bodyText,
    contentType: request.contentType,
    receivedAt: request.receivedAt,
    responseStatus: request.responseStatus,
    bodyTooLarge: request.bodyTooLarge,
    signature: request.signature ?? null,
    duplicate: request.duplicate ?? null,
  };
}

/** The export document, requests oldest first like the HAR export. */
export function toJsonExport(
  requests: readonly ExportableRequest[],
  options: JsonExportOptions,
): HookscopeJsonExport {
  return {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    exportedAt: (options.exportedAt ?? new Date()).toISOString(),
    bin: { id: options.bin.id, name: options.bin.name },
    requests: [...requests]
      .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt))
      .map(exportable),
  };
}
