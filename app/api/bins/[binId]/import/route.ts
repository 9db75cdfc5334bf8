import type { NextRequest } from "next/server";
import { authorizeBin } from "@/lib/api/auth";
import { apiRoute } from "@/lib/api/errors";
import { importIntoBin } from "@/lib/api/import";
import { captureOrigin } from "@/lib/api/origin";

type Context = { params: Promise<{ binId: string }> };

// POST /api/bins/:binId/import (a HAR 1.2 file or a Hookscope JSON export): stores its requests in this bin.
export const POST = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin } = await authorizeBin(request, (await context.params).binId);
  const ids = await importIntoBin(request, database, bin, captureOrigin(request.headers));
  return Response.json({ imported: ids.length, ids }, { status: 201 });
});
