import type { NextRequest } from "next/server";
import { z } from "zod";
import { assertWholeBin, authorizeBin } from "@/lib/api/auth";
import { apiRoute, parseWith } from "@/lib/api/errors";
import { exportResponse } from "@/lib/api/export";
import { captureOrigin } from "@/lib/api/origin";
import { filterFromQuery } from "@/lib/api/request-filter";

type Context = { params: Promise<{ binId: string }> };

const exportQuerySchema = z.object({
  format: z.enum(["har", "json"], { message: 'format must be "har" or "json"' }).default("json"),
  limit: z.coerce.number().int().min(1).max(10_000, "limit is at most 10000").default(1000),
});

// GET /api/bins/:binId/export?format=har|json&limit=&<filter>: the newest `limit` matching requests as a download.
export const GET = apiRoute(async (request: NextRequest, context: Context) => {
  const { database, bin, access } = await authorizeBin(request, (await context.params).binId, { read: true });
  assertWholeBin(access);
  const query = parseWith(
    exportQuerySchema,
    Object.fromEntries(request.nextUrl.searchParams),
    "query parameters",
  );
  return exportResponse({
    database,
    bin,
    filter: filterFromQuery(request),
    format: query.format,
    limit: query.limit,
    origin: captureOrigin(request.headers),
  });
});
