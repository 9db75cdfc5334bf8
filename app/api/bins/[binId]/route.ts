import type { NextRequest } from "next/server";
import { toBinJson } from "@/core/bins/serialize";
import { applySettingsPatch, readBinSettings } from "@/core/bins/settings";
import { deleteBin, updateBin } from "@/db/queries/bins";
import { authorizeBin } from "@/lib/api/auth";
import { clearBinCookie } from "@/lib/api/bin-cookie";
import { apiRoute, binNotFound, parseJsonBody } from "@/lib/api/errors";
import { publicOrigin } from "@/lib/api/origin";
import { updateBinSchema } from "@/lib/api/schemas";

type Context = { params: Promise<{ binId: string }> };

// GET /api/bins/:binId
export const GET = apiRoute(async (request: NextRequest, context: Context) => {
  const { bin } = await authorizeBin(request, (await context.params).binId);
  return Response.json(toBinJson(bin, publicOrigin(request.headers)));
});

// PATCH /api/bins/:binId {name?, duplicates?}: only the fields sent change; null clears one.
export const PATCH = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin } = await authorizeBin(request, (await context.params).binId);
  const { name, ...patch } = await parseJsonBody(request, updateBinSchema);
  const updated = await updateBin(database.db, bin.id, {
    ...(name === undefined ? {} : { name: name || null }),
    settings: applySettingsPatch(readBinSettings(bin.settings), patch),
  });
  if (!updated) throw binNotFound();
  database.binChanged(bin.id);
  return Response.json(toBinJson(updated, publicOrigin(request.headers)));
});

// DELETE /api/bins/:binId: the bin and every request it captured.
export const DELETE = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin } = await authorizeBin(request, (await context.params).binId);
  await deleteBin(database.db, bin.id);
  database.binChanged(bin.id);
  const response = new Response(null, { status: 204 });
  clearBinCookie(response, bin.id);
  return response;
});
