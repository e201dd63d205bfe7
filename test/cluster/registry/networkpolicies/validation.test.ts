import { describe, expect, it } from "vitest";
import type { NetworkPolicy } from "../../../../src/api/schemas/networking/networkpolicy";
import { cidrContains, parseCidr, parseIP } from "../../../../src/api/ip";
import { networkPolicyStrategy } from "../../../../src/cluster/registry/networkpolicies/strategy";
import { validateNetworkPolicy } from "../../../../src/cluster/registry/networkpolicies/validation";

const np = (spec: NetworkPolicy["spec"]): NetworkPolicy => ({ metadata: { name: "p", namespace: "default" }, spec });
const messages = (spec: NetworkPolicy["spec"]) => validateNetworkPolicy(np(spec)).map((e) => `${e.field}: ${e.message}`);
const defaulted = (spec: NetworkPolicy["spec"]) => {
  const policy = np(spec);
  networkPolicyStrategy.defaults!(policy);
  return policy.spec;
};

describe("NetworkPolicy defaults", () => {
  it("gives policyTypes Ingress, plus Egress when egress rules exist, and keeps an explicit list", () => {
    expect(defaulted({ podSelector: {} })!.policyTypes).toEqual(["Ingress"]);
    expect(defaulted({ podSelector: {}, egress: [{}] })!.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(defaulted({ podSelector: {}, egress: [] })!.policyTypes).toEqual(["Ingress"]);
    expect(defaulted({ podSelector: {}, policyTypes: ["Egress"] })!.policyTypes).toEqual(["Egress"]);
  });

  it("defaults each port's protocol to TCP and an absent podSelector to the empty one", () => {
    const spec = defaulted({ ingress: [{ ports: [{ port: 80 }, { protocol: "UDP", port: 53 }] }], egress: [{ ports: [{}] }] })!;
    expect(spec.podSelector).toEqual({});
    expect(spec.ingress![0].ports).toEqual([{ protocol: "TCP", port: 80 }, { protocol: "UDP", port: 53 }]);
    expect(spec.egress![0].ports).toEqual([{ protocol: "TCP" }]);
  });
});

describe("NetworkPolicy validation", () => {
  it("accepts a full policy", () => {
    expect(
      messages({
        podSelector: { matchLabels: { app: "db" } },
        policyTypes: ["Ingress", "Egress"],
        ingress: [
          {
            from: [{ ipBlock: { cidr: "172.17.0.0/16", except: ["172.17.1.0/24"] } }, { namespaceSelector: { matchLabels: { project: "p" } }, podSelector: { matchLabels: { role: "fe" } } }],
            ports: [{ protocol: "TCP", port: 6379 }, { port: 32000, endPort: 32768 }, { port: "http" }],
          },
        ],
        egress: [{ to: [{ ipBlock: { cidr: "10.0.0.0/24" } }], ports: [{ protocol: "SCTP", port: 5978 }] }],
      }),
    ).toEqual([]);
  });

  it("checks ports: protocol, number or name, endPort", () => {
    expect(messages({ podSelector: {}, ingress: [{ ports: [{ protocol: "ICMP" }] }] })).toEqual([
      'spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"',
    ]);
    expect(messages({ podSelector: {}, ingress: [{ ports: [{ port: 0 }, { port: "Web_Port" }] }] })).toEqual([
      "spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
      'spec.ingress[0].ports[1].port: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
    expect(messages({ podSelector: {}, egress: [{ ports: [{ port: 100, endPort: 99 }, { port: "dns", endPort: 60 }, { endPort: 70 }, { port: 1, endPort: 70000 }] }] })).toEqual([
      "spec.egress[0].ports[0].endPort: Invalid value: 99: must be greater than or equal to `port`",
      "spec.egress[0].ports[1].endPort: Invalid value: 60: may not be specified when `port` is non-numeric",
      "spec.egress[0].ports[2].endPort: Invalid value: 70: may not be specified when `port` is not specified",
      "spec.egress[0].ports[3].endPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
    ]);
  });

  it("checks peers: one at least, ipBlock alone, CIDRs and their exceptions", () => {
    expect(messages({ podSelector: {}, ingress: [{ from: [{}] }] })).toEqual(["spec.ingress[0].from[0]: Required value: must specify a peer"]);
    expect(messages({ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: "10.0.0.0/8" }, podSelector: {} }] }] })).toEqual([
      "spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer",
    ]);
    expect(messages({ podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: "" } }, { ipBlock: { cidr: "10.0.0.300/8" } }, { ipBlock: { cidr: "10.0.0.1" } }] }] })).toEqual([
      "spec.egress[0].to[0].ipBlock.cidr: Required value",
      'spec.egress[0].to[1].ipBlock.cidr: Invalid value: "10.0.0.300/8": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      'spec.egress[0].to[2].ipBlock.cidr: Invalid value: "10.0.0.1": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
    expect(messages({ podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: "192.168.0.0/16", except: ["192.168.1.0/24", "10.0.0.0/24", "192.168.0.0/16", "bad"] } }] }] })).toEqual([
      'spec.egress[0].to[0].ipBlock.except[1]: Invalid value: "10.0.0.0/24": must be a strict subset of `cidr`',
      'spec.egress[0].to[0].ipBlock.except[2]: Invalid value: "192.168.0.0/16": must be a strict subset of `cidr`',
      'spec.egress[0].to[0].ipBlock.except[3]: Invalid value: "bad": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
  });

  it("checks label selectors", () => {
    expect(messages({ podSelector: { matchExpressions: [{ key: "app", operator: "In" }] } })).toEqual([
      "spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ]);
  });

  it("checks policyTypes", () => {
    expect(messages({ podSelector: {}, policyTypes: ["Ingress", "Both"] })).toEqual([
      'spec.policyTypes[1]: Unsupported value: "Both": supported values: "Ingress", "Egress"',
    ]);
    expect(messages({ podSelector: {}, policyTypes: ["Ingress", "Egress", "Ingress"] })).toEqual([
      'spec.policyTypes: Invalid value: []networking.PolicyType{"Ingress", "Egress", "Ingress"}: may not specify more than two policyTypes',
    ]);
  });
});

describe("CIDRs as ParseCIDRSloppy reads them", () => {
  it("parses IPv4 (leading zeros allowed) and IPv6, masking the host bits", () => {
    expect(parseCidr("10.1.2.3/8")).toEqual({ family: 4, network: 0x0a000000n, prefix: 8 });
    expect(parseCidr("010.001.002.003/32")).toEqual({ family: 4, network: 0x0a010203n, prefix: 32 });
    expect(parseCidr("2001:db8::/64")).toMatchObject({ family: 6, prefix: 64 });
    expect(parseCidr("::ffff:1.2.3.4/128")).toMatchObject({ family: 6, network: 0xffff01020304n });
    for (const bad of ["10.0.0.0/33", "10.0.0/8", "1.2.3.4/", "2001:db8:::/64", "::/129", "a.b.c.d/8", "1.2.3.4/-1"]) expect(parseCidr(bad)).toBeUndefined();
  });

  it("tells whether an address is inside a block", () => {
    const block = parseCidr("192.168.0.0/16")!;
    expect(cidrContains(block, parseIP("192.168.200.1")!)).toBe(true);
    expect(cidrContains(block, parseIP("192.169.0.1")!)).toBe(false);
    expect(cidrContains(block, parseIP("::1")!)).toBe(false);
    expect(cidrContains(parseCidr("0.0.0.0/0")!, parseIP("8.8.8.8")!)).toBe(true);
  });
});
