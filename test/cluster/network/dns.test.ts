// CoreDNS's answers in the simulated cluster (kubeadm's Corefile: `kubernetes cluster.local in-addr.arpa ip6.arpa
// { pods insecure; ttl 30 }`, `forward . /etc/resolv.conf`), and when the kube-dns Service answers at all.
import { describe, expect, it } from "vitest";
import { PUBLIC_SITE_IP, type DnsType } from "../../../src/container-sim/network";
import { clientOf, namespace, node, pod, service, slice, testNetwork, T0 } from "./fixture";

const coredns = pod("coredns-1", "10.244.0.5", { ns: "kube-system", labels: { "k8s-app": "kube-dns" }, ports: [{ name: "dns", containerPort: 53, protocol: "UDP" }] });
const kubeDns = service("kube-dns", { clusterIP: "10.96.0.10", ports: [{ name: "dns", port: 53, targetPort: 53, protocol: "UDP" }, { name: "dns-tcp", port: 53, targetPort: 53, protocol: "TCP" }] }, { ns: "kube-system" });
const web1 = pod("web-1", "10.244.1.11", { labels: { app: "web" } });
const web2 = pod("web-2", "10.244.2.12", { labels: { app: "web" }, node: "node-b", ready: false });
const db0 = pod("db-0", "10.244.1.30", { labels: { app: "db" }, hostname: "db-0", subdomain: "db" });
const db1 = pod("db-1", "10.244.2.31", { labels: { app: "db" }, hostname: "db-1", subdomain: "db", node: "node-b" });
const web = service("web", { clusterIP: "10.96.0.20", ports: [{ name: "http", port: 80, targetPort: 80, protocol: "TCP" }] });
const db = service("db", { clusterIP: "None", ports: [{ name: "pg", port: 5432, targetPort: 5432, protocol: "TCP" }] });
const ext = service("ext", { type: "ExternalName", externalName: "example.com" });
const client = pod("client", "10.244.1.20", { ports: [] });

const objects = [
  namespace("default"),
  namespace("kube-system"),
  node("node-a", "192.168.49.2"),
  node("node-b", "192.168.49.3"),
  coredns,
  kubeDns,
  slice(kubeDns, [coredns], [{ name: "dns", port: 53, protocol: "UDP" }, { name: "dns-tcp", port: 53 }]),
  web1,
  web2,
  db0,
  db1,
  web,
  slice(web, [web1, web2], [{ name: "http", port: 80 }]),
  db,
  slice(db, [db0, db1], [{ name: "pg", port: 5432 }]),
  ext,
  client,
];

function ask(name: string, type: DnsType = "A", server = "10.96.0.10", objs = objects) {
  const { net } = testNetwork(objs);
  return net.dns(clientOf(client), server, { name, type, atWallMs: T0 });
}

const data = (reply: ReturnType<typeof ask>) => (reply === "timeout" ? "timeout" : reply.answers.map((a) => `${a.type} ${a.data}`));

describe("cluster DNS", () => {
  it("answers a Service's name with its ClusterIP, TTL 30, authoritative", () => {
    const reply = ask("web.default.svc.cluster.local");
    expect(reply).toEqual({ rcode: "NOERROR", authoritative: true, answers: [{ name: "web.default.svc.cluster.local", type: "A", ttl: 30, data: "10.96.0.20" }] });
    expect(data(ask("kube-dns.kube-system.svc.cluster.local"))).toEqual(["A 10.96.0.10"]);
  });

  it("answers NXDOMAIN for unknown names in cluster.local, NOERROR without answers for AAAA of a Service", () => {
    const missing = ask("nope.default.svc.cluster.local");
    expect(missing).toEqual({ rcode: "NXDOMAIN", answers: [], authoritative: true });
    expect(ask("web.nons.svc.cluster.local")).toMatchObject({ rcode: "NXDOMAIN" });
    expect(ask("web.default.svc.cluster.local", "AAAA")).toEqual({ rcode: "NOERROR", answers: [], authoritative: true });
    // The search list's shorter tries: a namespace's own domain exists, with no records.
    expect(ask("default.svc.cluster.local")).toMatchObject({ rcode: "NOERROR", answers: [] });
    expect(ask("web.cluster.local")).toMatchObject({ rcode: "NXDOMAIN" });
  });

  it("answers a headless Service with its ready endpoints and each pod's hostname record", () => {
    expect(data(ask("db.default.svc.cluster.local"))).toEqual(["A 10.244.1.30", "A 10.244.2.31"]);
    expect(data(ask("db-1.db.default.svc.cluster.local"))).toEqual(["A 10.244.2.31"]);
    expect(ask("db-7.db.default.svc.cluster.local")).toMatchObject({ rcode: "NXDOMAIN" });
  });

  it("answers SRV records of named ports, for a Service and for each endpoint of a headless one", () => {
    expect(data(ask("_http._tcp.web.default.svc.cluster.local", "SRV"))).toEqual(["SRV 0 100 80 web.default.svc.cluster.local"]);
    expect(data(ask("_pg._tcp.db.default.svc.cluster.local", "SRV"))).toEqual([
      "SRV 0 50 5432 db-0.db.default.svc.cluster.local",
      "SRV 0 50 5432 db-1.db.default.svc.cluster.local",
    ]);
    expect(ask("_nope._tcp.web.default.svc.cluster.local", "SRV")).toMatchObject({ rcode: "NXDOMAIN" });
  });

  it("answers pod A records of dashed addresses and PTR records of ClusterIPs and endpoints", () => {
    expect(data(ask("10-244-1-20.default.pod.cluster.local"))).toEqual(["A 10.244.1.20"]);
    expect(data(ask("20.0.96.10.in-addr.arpa", "PTR"))).toEqual(["PTR web.default.svc.cluster.local"]);
    expect(data(ask("30.1.244.10.in-addr.arpa", "PTR"))).toEqual(["PTR db-0.db.default.svc.cluster.local"]);
    expect(data(ask("11.1.244.10.in-addr.arpa", "PTR"))).toEqual(["PTR 10-244-1-11.web.default.svc.cluster.local"]);
    expect(ask("99.9.244.10.in-addr.arpa", "PTR")).toMatchObject({ rcode: "NXDOMAIN" });
  });

  it("answers an ExternalName Service with a CNAME and the external name's address", () => {
    expect(data(ask("ext.default.svc.cluster.local"))).toEqual(["CNAME example.com", "A 93.184.215.14"]);
    expect(data(ask("ext.default.svc.cluster.local", "CNAME"))).toEqual(["CNAME example.com"]);
  });

  it("forwards names outside cluster.local to the public DNS", () => {
    expect(data(ask("example.com"))).toEqual(["A 93.184.215.14"]);
    expect(ask("web")).toMatchObject({ rcode: "NXDOMAIN", answers: [] });
  });

  it("answers kubernetes.default like any Service", () => {
    const kubernetes = service("kubernetes", { clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, targetPort: 6443, protocol: "TCP" }] });
    expect(data(ask("kubernetes.default.svc.cluster.local", "A", "10.96.0.10", [...objects, kubernetes]))).toEqual(["A 10.96.0.1"]);
  });

  it("times out without a ready CoreDNS pod, and at any other server", () => {
    const notReady = pod("coredns-1", "10.244.0.5", { ns: "kube-system", labels: { "k8s-app": "kube-dns" }, ready: false });
    const withoutDns = objects.map((o) => (o === coredns ? notReady : o.kind === "EndpointSlice" && o.metadata.name === "kube-dns-abcde" ? slice(kubeDns, [notReady], [{ name: "dns", port: 53, protocol: "UDP" }]) : o));
    expect(ask("web.default.svc.cluster.local", "A", "10.96.0.10", withoutDns)).toBe("timeout");
    expect(ask("web.default.svc.cluster.local", "A", "8.8.8.8")).toBe("timeout");
    expect(ask("web.default.svc.cluster.local", "A", "10.244.1.11")).toBe("timeout");
    // A CoreDNS pod asked directly answers.
    expect(data(ask("web.default.svc.cluster.local", "A", "10.244.0.5"))).toEqual(["A 10.96.0.20"]);
  });

  it("answers at the node's resolver (its network's gateway, dnsPolicy Default) as the public DNS", () => {
    // node-a is 192.168.49.2: its resolv.conf names 192.168.0.1.
    expect(data(ask("info.cern.ch", "A", "192.168.0.1"))).toEqual([`A ${PUBLIC_SITE_IP}`]);
    expect(ask("web.default.svc.cluster.local", "A", "192.168.0.1")).toMatchObject({ rcode: "NXDOMAIN" });
    expect(ask("info.cern.ch", "A", "192.168.0.2")).toBe("timeout");
  });

  it("gives no answer to a resolver that names no server (a container without /etc/resolv.conf)", () => {
    expect(ask("web.default.svc.cluster.local", "A", "")).toBe("timeout");
  });
});
