import type { NextRequest } from "next/server";
import { binCookieName, viewerCookieName } from "@/lib/bin-access";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

/** httpOnly so page scripts cannot read it; SameSite=Lax so other sites cannot make the browser use it. */
function setTokenCookie(response: Response, request: NextRequest, name: string, token: string): void {
  const attributes = [`Path=/`, `Max-Age=${ONE_YEAR_SECONDS}`, "HttpOnly", "SameSite=Lax"];
  if (isHttps(request)) attributes.push("Secure");
  response.headers.append("set-cookie", `${name}=${token}; ${attributes.join("; ")}`);
}

export function setBinCookie(response: Response, request: NextRequest, binId: string, token: string): void {
  setTokenCookie(response, request, binCookieName(binId), token);
}

/** A share link's token, for the read-only dashboard it opens. */
export function setViewerCookie(
  response: Response,
  request: NextRequest,
  binId: string,
  token: string,
): void {
  setTokenCookie(response, request, viewerCookieName(binId), token);
}

export function clearBinCookie(response: Response, binId: string): void {
  response.headers.append(
    "set-cookie",
    `${binCookieName(binId)}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`,
  );
}
