import type { NextRequest } from "next/server";
import { deleteShare } from "@/db/queries/shares";
import { authorizeBin } from "@/lib/api/auth";
import { ApiError, apiRoute } from "@/lib/api/errors";
import { SHARE_ID } from "@/lib/api/shares";

type Context = { params: Promise<{ binId: string; shareId: string }> };

// DELETE /api/bins/:binId/shares/:shareId: revokes the link; whoever holds it loses access at once.
export const DELETE = apiRoute(async (request: NextRequest, context: Context) => {
  const params = await context.params;
  const { database, bin } = await authorizeBin(request, params.binId);
  const wellFormed = SHARE_ID.test(params.shareId);
  if (!wellFormed || !(await deleteShare(database.db, { binId: bin.id, id: params.shareId }))) {
    throw new ApiError(404, "not_found", "This bin has no share link with that id.");
  }
  return new Response(null, { status: 204 });
});
