interface OriginInput {
  publicUrl?: string;
  trustedProxies: number;
  host?: string;
  forwardedHost?: string;
  forwardedProto?: string;
  /** The protocol of the connection this instance accepted. */
  protocol: "http" | "https";
}

const first = (value: string | undefined) => value?.split(",")[0]?.trim() || undefined;

/**
 * The origin senders and users reach this instance at: PUBLIC_URL when set; otherwise the Host the
 * request was addressed to, with X-Forwarded-Host/-Proto believed only behind trusted proxies.
 */
export function publicOrigin(input: OriginInput): string {
  if (input.publicUrl) return input.publicUrl.replace(/\/+$/, "");
  const trusted = input.trustedProxies > 0;
  const host = (trusted ? first(input.forwardedHost) : undefined) ?? input.host ?? "localhost";
  const proto = trusted ? first(input.forwardedProto) : undefined;
  return `${proto === "https" || proto === "http" ? proto : input.protocol}://${host}`;
}
