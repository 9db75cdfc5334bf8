import { publicOrigin as originFrom } from "@/core/capture/public-origin";
import { config } from "@/lib/config";

interface HeaderSource {
  get(name: string): string | null;
}

/** Where senders reach capture URLs: CAPTURE_URL when set, else the public origin. */
export function captureOrigin(headers: HeaderSource): string {
  return config().CAPTURE_URL?.replace(/\/+$/, "") ?? publicOrigin(headers);
}

/** The origin users and senders reach this instance at (see core/capture/public-origin). */
export function publicOrigin(headers: HeaderSource): string {
  const { PUBLIC_URL, TRUST_PROXY } = config();
  return originFrom({
    publicUrl: PUBLIC_URL,
    trustedProxies: TRUST_PROXY,
    host: headers.get("host") ?? undefined,
    forwardedHost: headers.get("x-forwarded-host") ?? undefined,
    forwardedProto: headers.get("x-forwarded-proto") ?? undefined,
    // Next adds x-forwarded-proto itself, so behind no proxy the connection's own protocol is plain http.
    protocol: "http",
  });
}
