import type { NextRequest } from "next/server";
import { type DatabaseHandle, getDatabase } from "@/db/client";
import type { Bin } from "@/db/schema";
import { authorizedBin, binCookieName, isShareToken, sharedBin, viewerCookieName } from "@/lib/bin-access";
import { ApiError, binNotFound, unauthorized } from "./errors";

/** Who is asking: the bin's owner, or someone holding a read-only share link (of one request, maybe). */
export type Access = { role: "owner" } | { role: "viewer"; shareId: string; requestId: number | null };

function bearerToken(request: NextRequest): string | undefined {
  return request.headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
}

export function presentedToken(request: NextRequest, binId: string): string | undefined {
  const bearer = bearerToken(request);
  if (bearer && !isShareToken(bearer)) return bearer;
  return request.cookies.get(binCookieName(binId))?.value;
}

function presentedShareToken(request: NextRequest, binId: string): string | undefined {
  const bearer = bearerToken(request);
  if (bearer && isShareToken(bearer)) return bearer;
  return request.cookies.get(viewerCookieName(binId))?.value;
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

export const readOnly = () =>
  new ApiError(
    403,
    "read_only",
    "A share link can read this bin, not change it, replay from it or see its secrets.",
  );

/**
 * Loads a bin for its owner (no credential is 401; a wrong one, or no such bin, 404). Routes that
 * only read pass `read: true` to let share links in too.
 */
export async function authorizeBin(
  request: NextRequest,
  binId: string,
  options: { read?: boolean } = {},
): Promise<{ database: DatabaseHandle; bin: Bin; access: Access }> {
  const ownerToken = presentedToken(request, binId);
  const shareToken = presentedShareToken(request, binId);
  if (!ownerToken && !shareToken) throw unauthorized();
  assertSameOrigin(request);
  const database = await getDatabase();
  const owned = ownerToken ? await authorizedBin(database.db, binId, ownerToken) : null;
  if (owned) return { database, bin: owned, access: { role: "owner" } };
  const shared = await sharedBin(database.db, binId, shareToken);
  if (!shared) throw binNotFound();
  if (!options.read) throw readOnly();
  const { bin, share } = shared;
  return { database, bin, access: { role: "viewer", shareId: share.id, requestId: share.requestId } };
}

/** A link to one request shows that request only; the others do not exist for it. */
export function assertMaySee(access: Access, requestId: number): void {
  if (access.role === "viewer" && access.requestId !== null && access.requestId !== requestId) {
    throw new ApiError(404, "not_found", "No such request in this bin.");
  }
}

/** Lists, streams and exports are for whole-bin access. */
export function assertWholeBin(access: Access): void {
  if (access.role === "viewer" && access.requestId !== null) {
    throw new ApiError(403, "read_only", "This share link shows one request only.");
  }
}
