import type { NextRequest } from "next/server";
import { hashToken, newToken } from "@/core/auth/token";
import { updateBinToken } from "@/db/queries/bins";
import { authorizeBin } from "@/lib/api/auth";
import { setBinCookie } from "@/lib/api/bin-cookie";
import { apiRoute, binNotFound } from "@/lib/api/errors";

type Context = { params: Promise<{ binId: string }> };

// POST /api/bins/:binId/token: a new owner token; the old one stops working at once.
export const POST = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin } = await authorizeBin(request, (await context.params).binId);
  const token = newToken();
  if (!(await updateBinToken(database.db, bin.id, hashToken(token)))) throw binNotFound();
  const response = Response.json({ token });
  setBinCookie(response, request, bin.id, token);
  return response;
});
