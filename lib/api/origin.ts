import type { NextRequest } from "next/server";
import { config } from "@/lib/config";

/**
 * The origin users and senders reach this instance at: PUBLIC_URL when set (behind a proxy or on a
 * custom domain), else what this request was addressed to.
 */
export function publicOrigin(request: NextRequest): string {
  const { PUBLIC_URL, TRUST_PROXY } = config();
  if (PUBLIC_URL) return PUBLIC_URL.replace(/\/+$/, "");
  const host = request.headers.get("host") ?? request.nextUrl.host;
  const forwardedProto =
    TRUST_PROXY > 0 ? request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : null;
  const protocol = forwardedProto === "https" ? "https" : request.nextUrl.protocol.replace(":", "");
  return `${protocol}://${host}`;
}
