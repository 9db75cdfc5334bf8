import type { NextRequest } from "next/server";
import { toRequestDetail } from "@/core/requests/serialize";
import { deleteRequest, getRequest } from "@/db/queries/requests";
import { assertMaySee, authorizeBin } from "@/lib/api/auth";
import { ApiError, apiRoute, parseWith } from "@/lib/api/errors";
import { requestIdSchema } from "@/lib/api/schemas";

type Context = { params: Promise<{ binId: string; requestId: string }> };

// GET /api/bins/:binId/requests/:requestId: everything that was sent, body as base64 and (if UTF-8) text.
export const GET = apiRoute(async (request: NextRequest, context: Context) => {
  const params = await context.params;
  const { database, bin, access } = await authorizeBin(request, params.binId, { read: true });
  const id = parseWith(requestIdSchema, params.requestId, "request id");
  assertMaySee(access, id);
  const row = await getRequest(database.db, { binId: bin.id, id });
  if (!row) throw new ApiError(404, "not_found", "This bin has no request with that id.");
  return Response.json(toRequestDetail(row));
});

// DELETE /api/bins/:binId/requests/:requestId
export const DELETE = apiRoute(async (request: NextRequest, context: Context) => {
  const params = await context.params;
  const { database, bin } = await authorizeBin(request, params.binId);
  const id = parseWith(requestIdSchema, params.requestId, "request id");
  if (!(await deleteRequest(database.db, { binId: bin.id, id }))) {
    throw new ApiError(404, "not_found", "This bin has no request with that id.");
  }
  return new Response(null, { status: 204 });
});
