// IP addresses and CIDRs (src/api/ip.ts), as the apiserver's sloppy parsers read them.
import { describe, expect, it } from "vitest";
import { inCidr, ipv4ToNumber, isIPv4, parseIP } from "../../src/api/ip";

describe("IP addresses", () => {
  it("reads dotted IPv4 addresses (leading zeros allowed, as ParseIPSloppy) and refuses the rest", () => {
    expect(ipv4ToNumber("10.96.0.10")).toBe(0x0a60000a);
    expect(ipv4ToNumber("255.255.255.255")).toBe(0xffffffff);
    expect(ipv4ToNumber("010.1.1.1")).toBe(0x0a010101);
    expect(["10.1.1", "256.0.0.1", "a.b.c.d", "::1", ""].map(isIPv4)).toEqual([false, false, false, false, false]);
    expect(parseIP("fe80::1")?.family).toBe(6);
  });

  it("tells whether an address lies inside a block; a bare address is its own block", () => {
    expect(inCidr("10.96.0.0/16", "10.96.255.1")).toBe(true);
    expect(inCidr("10.96.0.0/16", "10.97.0.1")).toBe(false);
    expect(inCidr("0.0.0.0/0", "8.8.8.8")).toBe(true);
    expect(inCidr("172.17.0.5", "172.17.0.5")).toBe(true);
    expect(inCidr("172.17.0.5", "172.17.0.6")).toBe(false);
    expect(inCidr("10.0.0.0/8", "fe80::1")).toBe(false);
    expect(inCidr("not-a-cidr", "10.0.0.1")).toBe(false);
  });
});
