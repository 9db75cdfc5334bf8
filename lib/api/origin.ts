import { config } from "@/lib/config";

interface HeaderSource {
  get(name: string): string | null;
}

/**
 * The origin users and senders reach this instance at: PUBLIC_URL when set (behind a proxy or on a
 * custom domain), else the Host this request was addressed to.
 */
export function publicOrigin(headers: HeaderSource, fallbackHost = "localhost"): string {
  const { PUBLIC_URL, TRUST_PROXY } = config();
  if (PUBLIC_URL) return PUBLIC_URL.replace(/\/+$/, "");
  const host = headers.get("host") ?? fallbackHost;
  const forwardedProto =
    TRUST_PROXY > 0 ? headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  return `${forwardedProto === "https" ? "https" : "http"}://${host}`;
}
