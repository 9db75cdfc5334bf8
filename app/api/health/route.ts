import { getDatabase } from "@/db/client";
import { pingDatabase } from "@/db/queries/health";
import { apiRoute } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

// GET /api/health: for load balancers and start-up checks; proves the database answers.
export const GET = apiRoute(async () => {
  const { db, driver } = await getDatabase();
  await pingDatabase(db);
  return Response.json({ ok: true, database: driver });
});
