import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "../client";
import { type Bin, bins, type NewBin } from "../schema";

export async function insertBin(db: Database, bin: NewBin): Promise<Bin> {
  const [row] = await db.insert(bins).values(bin).returning();
  if (!row) throw new Error("insert into bins returned no row");
  return row;
}

/** Inserts a bin under a chosen id (an alias); null when that id is taken. */
export async function insertBinIfFree(db: Database, bin: NewBin): Promise<Bin | null> {
  const [row] = await db.insert(bins).values(bin).onConflictDoNothing({ target: bins.id }).returning();
  return row ?? null;
}

export async function getBin(db: Database, id: string): Promise<Bin | null> {
  const [row] = await db.select().from(bins).where(eq(bins.id, id));
  return row ?? null;
}

export function getBinsByIds(db: Database, ids: string[]): Promise<Bin[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(bins).where(inArray(bins.id, ids));
}

/** Deletes the bin and, through the cascade, every request it captured. */
export async function deleteBin(db: Database, id: string): Promise<boolean> {
  const deleted = await db.delete(bins).where(eq(bins.id, id)).returning({ id: bins.id });
  return deleted.length > 0;
}

export async function updateBin(
  db: Database,
  id: string,
  changes: Partial<Pick<NewBin, "name" | "settings" | "secretsSealed" | "failuresRemaining">>,
): Promise<Bin | null> {
  const [row] = await db.update(bins).set(changes).where(eq(bins.id, id)).returning();
  return row ?? null;
}

/** Takes one simulated failure from the bin's countdown; false once it is used up. Atomic across instances. */
export async function takeFailure(db: Database, binId: string): Promise<boolean> {
  const taken = await db
    .update(bins)
    .set({ failuresRemaining: sql`${bins.failuresRemaining} - 1` })
    .where(and(eq(bins.id, binId), gt(bins.failuresRemaining, 0)))
    .returning({ id: bins.id });
  return taken.length > 0;
}

export async function addRefused(db: Database, binId: string, count: number): Promise<void> {
  await db
    .update(bins)
    .set({ refusedCount: sql`${bins.refusedCount} + ${count}` })
    .where(eq(bins.id, binId));
}

/** Deletes bins created before the cutoff (their requests go with them); returns their ids. */
export async function deleteBinsCreatedBefore(db: Database, cutoff: Date): Promise<string[]> {
  const deleted = await db.delete(bins).where(lt(bins.createdAt, cutoff)).returning({ id: bins.id });
  return deleted.map((row) => row.id);
}

export async function updateBinToken(db: Database, id: string, tokenHash: string): Promise<boolean> {
  const updated = await db.update(bins).set({ tokenHash }).where(eq(bins.id, id)).returning({ id: bins.id });
  return updated.length > 0;
}
