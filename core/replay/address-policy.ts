import ipaddr from "ipaddr.js";

/** Never a replay target, whatever the policy: link-local addresses hold cloud metadata services. */
const ALWAYS_BLOCKED_RANGES = new Set(["linkLocal", "unspecified", "broadcast", "multicast"]);
const METADATA_ADDRESSES = new Set(["fd00:ec2::254"]);

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
 * Why an address may not be a replay target, or null when it may. Link-local and metadata addresses
 * are always refused; with `blockPrivate` (a hosted instance) loopback and private ranges are too.
 * IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
export function blockedAddressReason(address: string, blockPrivate = true): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  if (METADATA_ADDRESSES.has(parsed.toString())) {
    return `${address} is a cloud metadata address`;
  }
  const range = parsed.range();
  const blocked = blockPrivate ? BLOCKED_RANGES.has(range) : ALWAYS_BLOCKED_RANGES.has(range);
  return blocked ? `${address} is a ${range} address` : null;
}
