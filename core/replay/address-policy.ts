import ipaddr from "ipaddr.js";

/** Ranges a hosted instance must never be made to call: its own host, its network, cloud metadata. */
const BLOCKED_RANGES = new Set([
  "unspecified",
  "broadcast",
  "multicast",
  "linkLocal",
  "loopback",
  "carrierGradeNat",
  "private",
  "reserved",
  "uniqueLocal",
  "ipv4Mapped",
  "rfc6145",
  "rfc6052",
  "6to4",
  "teredo",
]);

/**
 * Why an address may not be a replay target under a "public addresses only" policy, or null when
 * it may. IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
export function blockedAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const range = parsed.range();
  return BLOCKED_RANGES.has(range) ? `${address} is a ${range} address` : null;
}
