import type { CaptureRecord } from "../core/capture/capture";

/** A plain stored capture for database tests, with whatever the test cares about overridden. */
export function captureRecord(binId: string, overrides: Partial<CaptureRecord> = {}): CaptureRecord {
  return {
    binId,
    method: "POST",
    path: "/hook",
    query: "",
    headers: [["Content-Type", "application/json"]],
    body: Buffer.from("{}"),
    contentType: "application/json",
    bodySize: 2,
    bodyTooLarge: false,
    remoteAddr: "127.0.0.1",
    responseStatus: 200,
    dedupKey: null,
    dedupSource: null,
    signatureVerdict: null,
    signature: null,
    ...overrides,
  };
}
