import type { NextRequest } from "next/server";
import { listShares } from "@/db/queries/shares";
import { authorizeBin } from "@/lib/api/auth";
import { apiRoute } from "@/lib/api/errors";
import { createShare, toShareJson } from "@/lib/api/shares";

type Context = { params: Promise<{ binId: string }> };

// GET /api/bins/:binId/shares: the bin's live read-only links (without their tokens).
export const GET = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin } = await authorizeBin(request, (await context.params).binId);
  return Response.json({ shares: (await listShares(database.db, bin.id)).map(toShareJson) });
});

// POST /api/bins/:binId/shares {requestId?, label?}: a read-only link to the bin or to one request.
export const POST = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin } = await authorizeBin(request, (await context.params).binId);
  return Response.json(await createShare(request, database, bin), { status: 201 });
});
