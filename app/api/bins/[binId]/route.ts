import type { NextRequest } from "next/server";
import { toBinJson } from "@/core/bins/serialize";
import { deleteBin } from "@/db/queries/bins";
import { authorizeBin } from "@/lib/api/auth";
import { clearBinCookie } from "@/lib/api/bin-cookie";
import { apiRoute } from "@/lib/api/errors";
import { publicOrigin } from "@/lib/api/origin";

type Context = { params: Promise<{ binId: string }> };

// GET /api/bins/:binId
export const GET = apiRoute(async (request: NextRequest, context: Context) => {
  const { bin } = await authorizeBin(request, (await context.params).binId);
  return Response.json(toBinJson(bin, publicOrigin(request.headers)));
});

// DELETE /api/bins/:binId: the bin and every request it captured.
export const DELETE = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin } = await authorizeBin(request, (await context.params).binId);
  await deleteBin(database.db, bin.id);
  const response = new Response(null, { status: 204 });
  clearBinCookie(response, bin.id);
  return response;
});
