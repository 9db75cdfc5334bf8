import { eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { type Bin, bins, type NewBin } from "../schema";

export async function insertBin(db: Database, bin: NewBin): Promise<Bin> {
  const [row] = await db.insert(bins).values(bin).returning();
  if (!row) throw new Error("insert into bins returned no row");
  return row;
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
  changes: Partial<Pick<NewBin, "name" | "settings" | "secretsSealed">>,
): Promise<Bin | null> {
  const [row] = await db.update(bins).set(changes).where(eq(bins.id, id)).returning();
  return row ?? null;
}
