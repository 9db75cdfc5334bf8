import type { NextRequest } from "next/server";
import { type RequestFilter, requestFilterParamsSchema } from "@/core/requests/filter";
import { parseWith } from "./errors";

/** The filter in a request's query string (method, verdict, duplicates, status, since, until, q). */
export function filterFromQuery(request: NextRequest): RequestFilter {
  return parseWith(
    requestFilterParamsSchema,
    Object.fromEntries(request.nextUrl.searchParams),
    "query parameters",
  );
}
