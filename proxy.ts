import { type NextRequest, NextResponse } from "next/server";
import { dashboardCsp, newNonce } from "@/core/security/csp";

// Pages get a fresh nonce per view; Next reads it from the request's policy and puts it on its scripts.
export function proxy(request: NextRequest) {
  const policy = dashboardCsp(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: not the API, not capture URLs (their own sandbox policy), not static files.
  matcher: [
    {
      source: "/((?!api/|h/|h$|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
