import { randomBytes } from "node:crypto";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { hashToken } from "@/core/auth/token";
import type { DatabaseHandle } from "@/db/client";
import { getRequest } from "@/db/queries/requests";
import { insertShare } from "@/db/queries/shares";
import type { Bin, BinShare } from "@/db/schema";
import { newShareToken } from "@/lib/bin-access";
import { ApiError, parseJsonBody } from "./errors";
import { publicOrigin } from "./origin";
import { requestIdSchema } from "./schemas";

/** Share ids are 9 random bytes in base64url; anything else cannot name a share. */
export const SHARE_ID = /^[A-Za-z0-9_-]{12}$/;

export const createShareSchema = z.strictObject({
  /** Share one request rather than the whole bin. */
  requestId: requestIdSchema.optional(),
  label: z.string().trim().max(100, "label must be at most 100 characters").optional(),
});

export interface ShareJson {
  id: string;
  requestId: string | null;
  label: string | null;
  createdAt: string;
}

export const toShareJson = (share: BinShare): ShareJson => ({
  id: share.id,
  requestId: share.requestId === null ? null : String(share.requestId),
  label: share.label,
  createdAt: share.createdAt.toISOString(),
});

/** A new read-only link; its URL (holding the token) is shown this once and stored only as a hash. */
export async function createShare(request: NextRequest, database: DatabaseHandle, bin: Bin) {
  const { requestId, label } = await parseJsonBody(request, createShareSchema);
  if (requestId !== undefined && !(await getRequest(database.db, { binId: bin.id, id: requestId }))) {
    throw new ApiError(404, "not_found", "This bin has no request with that id.");
  }
  const token = newShareToken();
  const share = await insertShare(database.db, {
    id: randomBytes(9).toString("base64url"),
    binId: bin.id,
    tokenHash: hashToken(token),
    requestId: requestId ?? null,
    label: label || null,
  });
  return { ...toShareJson(share), token, url: `${publicOrigin(request.headers)}/share/${token}` };
}
