import type { NextRequest } from "next/server";
import { type DatabaseHandle, getDatabase } from "@/db/client";
import type { Bin } from "@/db/schema";
import { authorizedBin, binCookieName } from "@/lib/bin-access";
import { binNotFound, unauthorized } from "./errors";

export function presentedToken(request: NextRequest, binId: string): string | undefined {
  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? request.cookies.get(binCookieName(binId))?.value;
}

/** Loads a bin for a caller who holds its token: no token is 401, a wrong one (or no such bin) 404. */
export async function authorizeBin(
  request: NextRequest,
  binId: string,
): Promise<{ database: DatabaseHandle; bin: Bin }> {
  const token = presentedToken(request, binId);
  if (!token) throw unauthorized();
  const database = await getDatabase();
  const bin = await authorizedBin(database.db, binId, token);
  if (!bin) throw binNotFound();
  return { database, bin };
}
