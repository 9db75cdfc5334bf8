import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { type NewReplay, type Replay, replays } from "../schema";

export async function insertReplay(db: Database, replay: NewReplay): Promise<Replay> {
  const [row] = await db.insert(replays).values(replay).returning();
  if (!row) throw new Error("insert into replays returned no row");
  return row;
}

/** A request's replays, newest first. */
export function listReplays(db: Database, params: { binId: string; requestId: number }): Promise<Replay[]> {
  return db
    .select()
    .from(replays)
    .where(and(eq(replays.binId, params.binId), eq(replays.requestId, params.requestId)))
    .orderBy(desc(replays.id))
    .limit(100);
}
