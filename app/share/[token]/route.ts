import type { NextRequest } from "next/server";
import { hashToken } from "@/core/auth/token";
import { getDatabase } from "@/db/client";
import { findShare } from "@/db/queries/shares";
import { setViewerCookie } from "@/lib/api/bin-cookie";
import { isShareToken } from "@/lib/bin-access";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

// GET /share/:token: opens a read-only link. The token moves into an httpOnly cookie and out of the
// address bar, so the dashboard URL can be looked at (or screenshotted) without leaking it.
export async function GET(request: NextRequest, context: Context): Promise<Response> {
  const { token } = await context.params;
  const share = isShareToken(token) ? await findShare((await getDatabase()).db, hashToken(token)) : null;
  if (!share) {
    return new Response("This share link is not valid: it may have been revoked.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const response = new Response(null, { status: 303, headers: { location: `/bins/${share.binId}` } });
  setViewerCookie(response, request, share.binId, token);
  return response;
}
