// NetworkPolicy (networking.k8s.io/v1) as an enforcing CNI applies it: isolation per direction, rules with pod and
// namespace selectors, ipBlock with except, ports with named ports and endPort; and in the network: a denied
// connection times out, at either end, and a default-deny egress blocks DNS too.
import { describe, expect, it } from "vitest";
import { allowedFor, evaluatePolicies, policyTypesOf, type NetworkPolicyLike, type PolicyConnection, type PolicyPod } from "../../../src/cluster/network/policy";
import { bodyOf, clientOf, get, namespace, node, pod, service, slice, testNetwork, T0 } from "./fixture";

function policy(namespaceName: string, spec: NetworkPolicyLike["spec"]): NetworkPolicyLike {
  return { metadata: { name: "p", namespace: namespaceName }, spec };
}

const frontend: PolicyPod = { namespace: "shop", labels: { app: "frontend" }, namespaceLabels: { "kubernetes.io/metadata.name": "shop" } };
const backend: PolicyPod = {
  namespace: "shop",
  labels: { app: "backend" },
  namespaceLabels: { "kubernetes.io/metadata.name": "shop" },
  namedPorts: [{ name: "http", port: 8080, protocol: "TCP" }],
};
const monitor: PolicyPod = { namespace: "ops", labels: { app: "prom" }, namespaceLabels: { "kubernetes.io/metadata.name": "ops", team: "ops" } };

const conn = (from: PolicyPod | undefined, fromIP: string, to: PolicyPod | undefined, toIP: string, port = 8080, protocol = "TCP"): PolicyConnection => ({
  from: { ip: fromIP, pod: from },
  to: { ip: toIP, pod: to },
  port,
  protocol,
});

describe("NetworkPolicy evaluation", () => {
  it("defaults policyTypes to Ingress, plus Egress when the policy has egress rules", () => {
    expect(policyTypesOf(policy("shop", { podSelector: {} }))).toEqual(["Ingress"]);
    expect(policyTypesOf(policy("shop", { podSelector: {}, egress: [{}] }))).toEqual(["Ingress", "Egress"]);
    expect(policyTypesOf(policy("shop", { podSelector: {}, policyTypes: ["Egress"] }))).toEqual(["Egress"]);
  });

  it("lets everything through to a pod no policy selects, and nothing to one a default-deny selects", () => {
    const c = conn(frontend, "10.244.1.2", backend, "10.244.1.3");
    expect(allowedFor([], "Ingress", c)).toBe(true);
    expect(allowedFor([policy("shop", { podSelector: { matchLabels: { app: "other" } } })], "Ingress", c)).toBe(true);
    expect(allowedFor([policy("shop", { podSelector: {} })], "Ingress", c)).toBe(false);
    // Ingress isolation says nothing of egress.
    expect(allowedFor([policy("shop", { podSelector: {} })], "Egress", c)).toBe(true);
  });

  it("matches podSelector within the policy's namespace, namespaceSelector across, and both together", () => {
    const fromFrontend = policy("shop", { podSelector: { matchLabels: { app: "backend" } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: "frontend" } } }] }] });
    expect(allowedFor([fromFrontend], "Ingress", conn(frontend, "10.244.1.2", backend, "10.244.1.3"))).toBe(true);
    const otherNsFrontend = { ...frontend, namespace: "dev", namespaceLabels: { "kubernetes.io/metadata.name": "dev" } };
    expect(allowedFor([fromFrontend], "Ingress", conn(otherNsFrontend, "10.244.1.4", backend, "10.244.1.3"))).toBe(false);

    const fromOps = policy("shop", { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: "ops" } } }] }] });
    expect(allowedFor([fromOps], "Ingress", conn(monitor, "10.244.2.9", backend, "10.244.1.3"))).toBe(true);
    expect(allowedFor([fromOps], "Ingress", conn(frontend, "10.244.1.2", backend, "10.244.1.3"))).toBe(false);

    const both = policy("shop", {
      podSelector: {},
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: "ops" } }, podSelector: { matchLabels: { app: "grafana" } } }] }],
    });
    expect(allowedFor([both], "Ingress", conn(monitor, "10.244.2.9", backend, "10.244.1.3"))).toBe(false);
    expect(allowedFor([both], "Ingress", conn({ ...monitor, labels: { app: "grafana" } }, "10.244.2.9", backend, "10.244.1.3"))).toBe(true);
  });

  it("matches ipBlock cidr minus except", () => {
    const p = policy("shop", { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: "10.0.0.0/8", except: ["10.244.2.0/24"] } }] }] });
    expect(allowedFor([p], "Ingress", conn(undefined, "10.1.2.3", backend, "10.244.1.3"))).toBe(true);
    expect(allowedFor([p], "Ingress", conn(undefined, "10.244.2.9", backend, "10.244.1.3"))).toBe(false);
    expect(allowedFor([p], "Ingress", conn(undefined, "192.168.1.1", backend, "10.244.1.3"))).toBe(false);
  });

  it("matches ports by number, range (endPort), name on the destination pod, and protocol", () => {
    const rule = (ports: NonNullable<NonNullable<NetworkPolicyLike["spec"]>["ingress"]>[number]["ports"]) => [policy("shop", { podSelector: {}, ingress: [{ ports }] })];
    const c = conn(frontend, "10.244.1.2", backend, "10.244.1.3", 8080);
    expect(allowedFor(rule([{ port: 8080 }]), "Ingress", c)).toBe(true);
    expect(allowedFor(rule([{ port: 80 }]), "Ingress", c)).toBe(false);
    expect(allowedFor(rule([{ port: 8000, endPort: 8100 }]), "Ingress", c)).toBe(true);
    expect(allowedFor(rule([{ port: "http" }]), "Ingress", c)).toBe(true);
    expect(allowedFor(rule([{ port: "metrics" }]), "Ingress", c)).toBe(false);
    expect(allowedFor(rule([{ protocol: "UDP", port: 8080 }]), "Ingress", c)).toBe(false);
  });

  it("checks the client's egress before the target's ingress", () => {
    const denyEgress = policy("shop", { podSelector: { matchLabels: { app: "frontend" } }, policyTypes: ["Egress"] });
    const policies = (ns: string) => (ns === "shop" ? [denyEgress] : []);
    expect(evaluatePolicies(policies, conn(frontend, "10.244.1.2", backend, "10.244.1.3"))).toEqual({ allowed: false, by: "egress" });
    expect(evaluatePolicies(policies, conn(backend, "10.244.1.3", frontend, "10.244.1.2"))).toEqual({ allowed: true });
  });
});

describe("NetworkPolicy in the network", () => {
  const coredns = pod("coredns-1", "10.244.0.5", { ns: "kube-system", labels: { "k8s-app": "kube-dns" }, ports: [{ name: "dns", containerPort: 53, protocol: "UDP" }] });
  const kubeDns = service("kube-dns", { clusterIP: "10.96.0.10", ports: [{ name: "dns", port: 53, targetPort: 53, protocol: "UDP" }] }, { ns: "kube-system" });
  const web1 = pod("web-1", "10.244.1.11", { labels: { app: "web" } });
  const client = pod("client", "10.244.1.20", { labels: { app: "client" }, ports: [] });
  const web = service("web", { clusterIP: "10.96.0.20", ports: [{ port: 80, targetPort: 80, protocol: "TCP" }] });
  const objects = [
    namespace("default"),
    namespace("kube-system"),
    node("node-a", "192.168.49.2"),
    coredns,
    kubeDns,
    slice(kubeDns, [coredns], [{ name: "dns", port: 53, protocol: "UDP" }]),
    web1,
    client,
    web,
    slice(web, [web1], [{ port: 80 }]),
  ];

  it("times out a connection a default-deny ingress blocks, and lets an allow rule through", () => {
    const deny = policy("default", { podSelector: { matchLabels: { app: "web" } }, policyTypes: ["Ingress"] });
    const allow = policy("default", { podSelector: { matchLabels: { app: "web" } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: "client" } } }], ports: [{ port: 80 }] }] });
    let active = [deny];
    const { net, accepted } = testNetwork(objects, { policies: (ns) => (ns === "default" ? active : []) });
    expect(bodyOf(get(net, clientOf(client), "10.96.0.20", 80))).toBe("timeout");
    expect(bodyOf(get(net, clientOf(client), "10.244.1.11", 80))).toBe("timeout");
    expect(accepted.get("web-1")).toBeUndefined();
    active = [deny, allow];
    expect(bodyOf(get(net, clientOf(client), "10.96.0.20", 80))).toBe("web-1:80");
  });

  it("blocks DNS under a default-deny egress, and lets it through with an egress rule to port 53/UDP", () => {
    const denyEgress = policy("default", { podSelector: {}, policyTypes: ["Egress"] });
    const dnsAllowed = policy("default", { podSelector: {}, egress: [{ to: [{ namespaceSelector: {} }], ports: [{ protocol: "UDP", port: 53 }] }] });
    let active = [denyEgress];
    const { net } = testNetwork(objects, { policies: (ns) => (ns === "default" ? active : []) });
    const question = { name: "web.default.svc.cluster.local", type: "A" as const, atWallMs: T0 };
    expect(net.dns(clientOf(client), "10.96.0.10", question)).toBe("timeout");
    active = [denyEgress, dnsAllowed];
    expect(net.dns(clientOf(client), "10.96.0.10", question)).toMatchObject({ rcode: "NOERROR" });
    // DNS is allowed, the web Service is not.
    expect(bodyOf(get(net, clientOf(client), "10.96.0.20", 80))).toBe("timeout");
  });
});
