import { eq } from "drizzle-orm";
import type { ForwardRule } from "../../core/bins/settings";
import type { Database, DatabaseHandle } from "../client";
import { forwardTries } from "../schema";

export interface ForwardTry {
  id: number;
  binId: string;
  requestId: number;
  rule: ForwardRule;
  attempt: number;
}

/** Records a try to make at `dueAt`. */
export async function scheduleForwardTry(
  db: Database,
  entry: Omit<ForwardTry, "id"> & { dueAt: Date },
): Promise<void> {
  await db.insert(forwardTries).values(entry);
}

/**
 * Claims up to `limit` due tries for `claimMs`, skipping those another instance holds. A claim that
 * runs out (its instance died mid-try) makes the try due again.
 */
const CLAIM_DUE = `
  update forward_tries set claimed_until = now() + ($2::integer * interval '1 millisecond')
  where id in (
    select id from forward_tries
    where due_at <= now() and (claimed_until is null or claimed_until < now())
    order by due_at limit $1
    for update skip locked)
  returning id::text, bin_id, request_id::text, rule, attempt`;

export async function claimDueForwardTries(
  database: Pick<DatabaseHandle, "query">,
  params: { limit: number; claimMs: number },
): Promise<ForwardTry[]> {
  const rows = await database.query(CLAIM_DUE, [params.limit, params.claimMs]);
  return rows.map((row) => ({
    id: Number(row.id),
    binId: String(row.bin_id),
    requestId: Number(row.request_id),
    rule: row.rule as ForwardRule,
    attempt: Number(row.attempt),
  }));
}

export async function finishForwardTry(db: Database, id: number): Promise<void> {
  await db.delete(forwardTries).where(eq(forwardTries.id, id));
}
