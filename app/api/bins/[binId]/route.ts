import type { NextRequest } from "next/server";
import { deleteBin, updateBin } from "@/db/queries/bins";
import { authorizeBin } from "@/lib/api/auth";
import { clearBinCookie } from "@/lib/api/bin-cookie";
import { binJson, binPatchOrThrow, forViewer } from "@/lib/api/bin-json";
import { apiRoute, binNotFound, parseJsonBody } from "@/lib/api/errors";
import { updateBinSchema } from "@/lib/api/schemas";

type Context = { params: Promise<{ binId: string }> };

// GET /api/bins/:binId: the bin; secrets appear only as masked hints (to share links, not at all).
export const GET = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin, access } = await authorizeBin(request, (await context.params).binId, { read: true });
  const json = binJson(bin, request, database);
  return Response.json(access.role === "owner" ? json : forViewer(json));
});

// PATCH /api/bins/:binId {name?, duplicates?, secret?, previousSecret?, scheme?, customScheme?, response?,
// failure?, cors?, maxRequests?, rateLimitPerMinute?}: only the fields sent change; null clears one.
export const PATCH = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin } = await authorizeBin(request, (await context.params).binId);
  const { name, ...patch } = await parseJsonBody(request, updateBinSchema);
  const { settings, secretsSealed } = binPatchOrThrow(bin, patch, database.secretKey);
  const updated = await updateBin(database.db, bin.id, {
    ...(name === undefined ? {} : { name: name || null }),
    settings,
    secretsSealed,
    // Setting a failure mode (re)starts its countdown; any other mode has none.
    ...(patch.failure === undefined ? {} : { failuresRemaining: patch.failure?.count ?? 0 }),
  });
  if (!updated) throw binNotFound();
  database.binChanged(bin.id);
  return Response.json(binJson(updated, request, database));
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
