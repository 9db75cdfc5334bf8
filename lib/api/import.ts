import { ImportError, parseImport } from "@/core/export/import";
import { importedRecord } from "@/core/export/import-record";
import { toRequestSummary } from "@/core/requests/serialize";
import type { DatabaseHandle } from "@/db/client";
import { insertCapturedRequest } from "@/db/queries/requests";
import type { Bin } from "@/db/schema";
import { config } from "@/lib/config";
import { readWebBody } from "@/lib/read-web-body";
import { ApiError, binNotFound } from "./errors";

/** A HAR of a thousand webhooks is a few MiB; this bounds what one import may hold in memory. */
const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Stores the requests of a HAR or Hookscope JSON export in a bin, oldest first, each numbered and
 * verified as a capture would be, and announces them to open dashboards. All or nothing is checked
 * before the first is stored: a bad file stores none.
 */
export async function importIntoBin(
  request: Request,
  database: DatabaseHandle,
  bin: Bin,
  origin: string,
): Promise<string[]> {
  const { bytes, tooLarge } = await readWebBody(request, MAX_IMPORT_FILE_BYTES);
  if (tooLarge)
    throw new ApiError(413, "too_large", `An import file may be at most ${MAX_IMPORT_FILE_BYTES} bytes.`);
  let document: unknown;
  try {
    document = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new ApiError(
      400,
      "invalid_json",
      "The file is not JSON: send a HAR file or a Hookscope JSON export.",
    );
  }
  let parsed: ReturnType<typeof parseImport>;
  try {
    parsed = parseImport(document, { maxBodyBytes: config().MAX_BODY_BYTES });
  } catch (error) {
    if (error instanceof ImportError) throw new ApiError(400, "invalid_import", error.message);
    throw error;
  }
  const captureBin = await database.bins.get(bin.id);
  if (!captureBin) throw binNotFound();
  const oldestFirst = [...parsed.requests].sort(
    (a, b) => (a.receivedAt?.getTime() ?? 0) - (b.receivedAt?.getTime() ?? 0),
  );
  const ids: string[] = [];
  for (const imported of oldestFirst) {
    const record = importedRecord(imported, { ...captureBin, id: bin.id }, origin);
    const saved = await insertCapturedRequest(database, record, imported.receivedAt ?? undefined);
    if (!saved) throw binNotFound();
    const summary = toRequestSummary(saved);
    database.publisher.publish(summary);
    ids.push(summary.id);
  }
  return ids;
}
