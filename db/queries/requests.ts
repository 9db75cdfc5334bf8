import { and, asc, desc, eq, gt, inArray, lt } from "drizzle-orm";
import type { CaptureRecord } from "../../core/capture/capture";
import type { StoredRequest, StoredRequestSummary } from "../../core/requests/types";
import type { Database } from "../client";
import { capturedRequests } from "../schema";

const summaryColumns = {
  id: capturedRequests.id,
  binId: capturedRequests.binId,
  method: capturedRequests.method,
  path: capturedRequests.path,
  query: capturedRequests.query,
  contentType: capturedRequests.contentType,
  bodySize: capturedRequests.bodySize,
  bodyTooLarge: capturedRequests.bodyTooLarge,
  remoteAddr: capturedRequests.remoteAddr,
  responseStatus: capturedRequests.responseStatus,
  receivedAt: capturedRequests.receivedAt,
};

const FOREIGN_KEY_VIOLATION = "23503";

function isForeignKeyViolation(error: unknown): boolean {
  // drizzle wraps driver errors; postgres.js and PGlite both carry the SQLSTATE as `code`.
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) return true;
  }
  return false;
}

/** Inserts a capture; a missing bin surfaces as the foreign-key violation and returns null, saving a lookup. */
export async function insertCapturedRequest(
  db: Database,
  record: CaptureRecord,
): Promise<StoredRequestSummary | null> {
  try {
    const [row] = await db.insert(capturedRequests).values(record).returning(summaryColumns);
    return row ?? null;
  } catch (error) {
    if (isForeignKeyViolation(error)) return null;
    throw error;
  }
}

/** Newest first, keyset-paginated on the (bin_id, id desc) index so deep pages cost the same as the first. */
export function listRequestSummaries(
  db: Database,
  params: { binId: string; limit: number; before?: number },
): Promise<StoredRequestSummary[]> {
  const conditions = [eq(capturedRequests.binId, params.binId)];
  if (params.before !== undefined) conditions.push(lt(capturedRequests.id, params.before));
  return db
    .select(summaryColumns)
    .from(capturedRequests)
    .where(and(...conditions))
    .orderBy(desc(capturedRequests.id))
    .limit(params.limit);
}

/** Oldest first after a cursor: what an event stream that reconnects has missed. */
export function listRequestSummariesAfter(
  db: Database,
  params: { binId: string; after: number; limit: number },
): Promise<StoredRequestSummary[]> {
  return db
    .select(summaryColumns)
    .from(capturedRequests)
    .where(and(eq(capturedRequests.binId, params.binId), gt(capturedRequests.id, params.after)))
    .orderBy(asc(capturedRequests.id))
    .limit(params.limit);
}

export function getRequestSummariesByIds(db: Database, ids: number[]): Promise<StoredRequestSummary[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select(summaryColumns)
    .from(capturedRequests)
    .where(inArray(capturedRequests.id, ids))
    .orderBy(asc(capturedRequests.id));
}

export async function getRequest(
  db: Database,
  params: { binId: string; id: number },
): Promise<StoredRequest | null> {
  const [row] = await db
    .select()
    .from(capturedRequests)
    .where(and(eq(capturedRequests.binId, params.binId), eq(capturedRequests.id, params.id)));
  return row ?? null;
}
