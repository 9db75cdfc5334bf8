import type { NextRequest } from "next/server";
import { tokenMatches } from "@/core/auth/token";
import { isBinId } from "@/core/ids";
import { type DatabaseHandle, getDatabase } from "@/db/client";
import { getBin } from "@/db/queries/bins";
import type { Bin } from "@/db/schema";
import { binNotFound, unauthorized } from "./errors";

/** The httpOnly cookie holding a bin's token in the browser that created (or unlocked) it. */
export function binCookieName(binId: string): string {
  return `hs_${binId}`;
}

export const BIN_COOKIE_PREFIX = "hs_";

export function presentedToken(request: NextRequest, binId: string): string | null {
  const authorization = request.headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? request.cookies.get(binCookieName(binId))?.value ?? null;
}

/** Loads a bin for a caller who holds its token: no token is 401, a wrong one 404. */
export async function authorizeBin(
  request: NextRequest,
  binId: string,
): Promise<{ database: DatabaseHandle; bin: Bin }> {
  const token = presentedToken(request, binId);
  if (!token) throw unauthorized();
  if (!isBinId(binId)) throw binNotFound();
  const database = await getDatabase();
  const bin = await getBin(database.db, binId);
  if (!bin || !tokenMatches(token, bin.tokenHash)) throw binNotFound();
  return { database, bin };
}
