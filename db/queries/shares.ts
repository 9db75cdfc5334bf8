import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { type BinShare, binShares } from "../schema";

export async function insertShare(
  db: Database,
  share: { id: string; binId: string; tokenHash: string; requestId: number | null; label: string | null },
): Promise<BinShare> {
  const [row] = await db.insert(binShares).values(share).returning();
  if (!row) throw new Error("insert into bin_shares returned no row");
  return row;
}

export function listShares(db: Database, binId: string): Promise<BinShare[]> {
  return db.select().from(binShares).where(eq(binShares.binId, binId)).orderBy(desc(binShares.createdAt));
}

/** Revokes a link: its token stops working at once. */
export async function deleteShare(db: Database, params: { binId: string; id: string }): Promise<boolean> {
  const deleted = await db
    .delete(binShares)
    .where(and(eq(binShares.binId, params.binId), eq(binShares.id, params.id)))
    .returning({ id: binShares.id });
  return deleted.length > 0;
}

export async function findShare(db: Database, tokenHash: string): Promise<BinShare | null> {
  const [row] = await db.select().from(binShares).where(eq(binShares.tokenHash, tokenHash));
  return row ?? null;
}
