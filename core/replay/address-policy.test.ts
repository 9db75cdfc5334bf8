import { describe, expect, it } from "vitest";
import { blockedAddressReason } from "./address-policy";

describe("blockedAddressReason", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["::1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.10", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["fd00::1", "uniqueLocal"],
    ["fe80::1", "linkLocal"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
  ])("blocks %s (%s)", (address, range) => {
    expect(blockedAddressReason(address)).toContain(range);
  });

  it.each(["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"])("allows the public address %s", (address) => {
    expect(blockedAddressReason(address)).toBeNull();
  });

  it("allows loopback and private addresses on a local instance, but never link-local or metadata", () => {
    expect(blockedAddressReason("127.0.0.1", false)).toBeNull();
    expect(blockedAddressReason("192.168.1.10", false)).toBeNull();
    expect(blockedAddressReason("169.254.169.254", false)).toContain("linkLocal");
    expect(blockedAddressReason("fd00:ec2::254", false)).toContain("metadata");
  });

  it("refuses what is not an address", () => {
    expect(blockedAddressReason("example.com")).toContain("not an IP address");
  });
});
