import type { HeaderPair } from "../requests/types";

/**
 * The sender's address. `X-Forwarded-For` is only believed when the operator says how many proxies
 * of theirs stand in front (TRUST_PROXY): each appends the address it saw, so the client is the
 * entry that many places from the right, and anything further left is the sender's own claim.
 */
export function remoteAddress(
  socketAddress: string | undefined,
  headers: readonly HeaderPair[],
  trustedProxies: number,
): string | null {
  const direct = socketAddress ? stripIpv4Mapping(socketAddress) : null;
  if (trustedProxies <= 0) return direct;
  const forwarded = headers
    .filter(([name]) => name.toLowerCase() === "x-forwarded-for")
    .flatMap(([, value]) => value.split(","))
    .map((entry) => stripIpv4Mapping(entry.trim()))
    .filter(Boolean);
  if (forwarded.length === 0) return direct;
  const index = Math.max(0, forwarded.length - trustedProxies);
  return forwarded[index] ?? direct;
}

function stripIpv4Mapping(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
