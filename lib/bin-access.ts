import { randomBytes } from "node:crypto";
import { hashToken, tokenMatches } from "@/core/auth/token";
import { isBinId } from "@/core/ids";
import type { Database } from "@/db/client";
import { getBin, getBinsByIds } from "@/db/queries/bins";
import { findShare } from "@/db/queries/shares";
import type { Bin, BinShare } from "@/db/schema";

/** The httpOnly cookie holding a bin's token in the browser that created (or unlocked) it. */
export const BIN_COOKIE_PREFIX = "hs_";

export function binCookieName(binId: string): string {
  return `${BIN_COOKIE_PREFIX}${binId}`;
}

/** The httpOnly cookie holding a share link's token in a browser that opened the link. */
export function viewerCookieName(binId: string): string {
  return `hsv_${binId}`;
}

const SHARE_PREFIX = "hss_";

/** 256 random bits, recognisable as a share link's token (never an owner token). */
export function newShareToken(): string {
  return SHARE_PREFIX + randomBytes(32).toString("base64url");
}

export const isShareToken = (token: string) => token.startsWith(SHARE_PREFIX);

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

/** The bin a share link's token opens, read-only; null for a revoked link or another bin's. */
export async function sharedBin(
  db: Database,
  binId: string,
  token: string | undefined,
): Promise<{ bin: Bin; share: BinShare } | null> {
  if (!token || !isShareToken(token) || !isBinId(binId)) return null;
  const share = await findShare(db, hashToken(token));
  if (share?.binId !== binId) return null;
  const bin = await getBin(db, binId);
  return bin ? { bin, share } : null;
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
