import type { NextRequest } from "next/server";
import { type DatabaseHandle, getDatabase } from "@/db/client";
import type { Bin } from "@/db/schema";
import { authorizedBin, binCookieName } from "@/lib/bin-access";
import { ApiError, binNotFound, unauthorized } from "./errors";

export function presentedToken(request: NextRequest, binId: string): string | undefined {
  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? request.cookies.get(binCookieName(binId))?.value;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser sends the bin cookie along with any request to this origin, even one a hostile page
 * starts; a state-changing request that relies on the cookie must come from a page of this origin.
 * (SameSite=Lax already stops most; this also covers same-site subdomains and older browsers.)
 */
function assertSameOrigin(request: NextRequest): void {
  if (SAFE_METHODS.has(request.method) || request.headers.get("authorization")) return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  if (origin && host && new URL(origin).host !== host) {
    throw new ApiError(
      403,
      "cross_origin",
      "Requests that change a bin must come from its dashboard or carry its token.",
    );
  }
}

/** Loads a bin for a caller who holds its token: no token is 401, a wrong one (or no such bin) 404. */
export async function authorizeBin(
  request: NextRequest,
  binId: string,
): Promise<{ database: DatabaseHandle; bin: Bin }> {
  const token = presentedToken(request, binId);
  if (!token) throw unauthorized();
  assertSameOrigin(request);
  const database = await getDatabase();
  const bin = await authorizedBin(database.db, binId, token);
  if (!bin) throw binNotFound();
  return { database, bin };
}
