import type { NextRequest } from "next/server";
import { z } from "zod";
import { getDatabase } from "@/db/client";
import { setBinCookie } from "@/lib/api/bin-cookie";
import { apiRoute, binNotFound, parseJsonBody } from "@/lib/api/errors";
import { authorizedBin } from "@/lib/bin-access";

type Context = { params: Promise<{ binId: string }> };

const unlockSchema = z.strictObject({ token: z.string().min(1, "token is required") });

// POST /api/bins/:binId/session {"token"}: opens a bin in this browser (another machine, a teammate).
export const POST = apiRoute(async (request: NextRequest, context: Context) => {
  const { binId } = await context.params;
  const { token } = await parseJsonBody(request, unlockSchema);
  const bin = await authorizedBin((await getDatabase()).db, binId, token);
  if (!bin) throw binNotFound();
  const response = new Response(null, { status: 204 });
  setBinCookie(response, request, bin.id, token);
  return response;
});
