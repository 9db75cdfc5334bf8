import { tokenMatches } from "@/core/auth/token";
import { isBinId } from "@/core/ids";
import type { Database } from "@/db/client";
import { getBin, getBinsByIds } from "@/db/queries/bins";
import type { Bin } from "@/db/schema";

/** The httpOnly cookie holding a bin's token in the browser that created (or unlocked) it. */
export const BIN_COOKIE_PREFIX = "hs_";

export function binCookieName(binId: string): string {
  return `${BIN_COOKIE_PREFIX}${binId}`;
}

/** The bin if `token` is its owner token; null otherwise, so a missing bin and a foreign one look alike. */
export async function authorizedBin(
  db: Database,
  binId: string,
  token: string | undefined,
): Promise<Bin | null> {
  if (!token || !isBinId(binId)) return null;
  const bin = await getBin(db, binId);
  return bin && tokenMatches(token, bin.tokenHash) ? bin : null;
}

/** Every bin this browser holds a valid token cookie for, newest first. */
export async function binsForCookies(
  db: Database,
  cookies: { name: string; value: string }[],
): Promise<Bin[]> {
  const tokens = new Map(
    cookies
      .filter(({ name }) => name.startsWith(BIN_COOKIE_PREFIX))
      .map(({ name, value }) => [name.slice(BIN_COOKIE_PREFIX.length), value] as const)
      .filter(([id]) => isBinId(id)),
  );
  const bins = await getBinsByIds(db, [...tokens.keys()]);
  return bins
    .filter((bin) => tokenMatches(tokens.get(bin.id) ?? "", bin.tokenHash))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
