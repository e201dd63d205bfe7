// A cluster network for the container simulator's tests: CoreDNS's answers for a few Services (one an ExternalName),
// public names beyond it, and connections routed to simulated processes, refused, or dropped (a NetworkPolicy).
import { publicDns, type ConnectRequest, type ContainerNetwork, type DnsQuestion, type DnsReply, type NetworkAnswer, type SimulatedProcess } from "../../src/container-sim/index";

export const DNS_IP = "10.96.0.10";
export const CLIENT_IP = "10.244.1.5";
export const RESOLV_CONF = "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n";
export const POD_FILES = { "/etc/resolv.conf": RESOLV_CONF };

const A: Record<string, string> = {
  "web.default.svc.cluster.local": "10.96.0.12",
  "redis.default.svc.cluster.local": "10.96.0.20",
  "blocked.default.svc.cluster.local": "10.96.0.99",
  "kubernetes.default.svc.cluster.local": "10.96.0.1",
  "kube-dns.kube-system.svc.cluster.local": DNS_IP,
};
const CNAME: Record<string, string> = { "ext.default.svc.cluster.local": "example.com" };

export function coreDns(question: DnsQuestion): DnsReply {
  const { name, type } = question;
  // Upstream: .com/.org/.net names are public sites; the rest does not exist.
  if (!name.endsWith("cluster.local") && !name.endsWith("in-addr.arpa")) return /\.(com|org|net)$/.test(name) ? publicDns(question) : { rcode: "NXDOMAIN", answers: [] };
  if (type === "PTR") {
    const owner = Object.entries(A).find(([, ip]) => `${ip.split(".").reverse().join(".")}.in-addr.arpa` === name);
    return owner ? { rcode: "NOERROR", authoritative: true, answers: [{ name, type: "PTR", ttl: 30, data: `${owner[0]}.` }] } : { rcode: "NXDOMAIN", authoritative: true, answers: [] };
  }
  if (CNAME[name]) return { rcode: "NOERROR", authoritative: true, answers: [{ name, type: "CNAME", ttl: 30, data: `${CNAME[name]}.` }] };
  if (A[name]) return { rcode: "NOERROR", authoritative: true, answers: type === "A" ? [{ name, type: "A", ttl: 30, data: A[name] }] : [] };
  return { rcode: "NXDOMAIN", authoritative: true, answers: [] };
}

/** Where connections go: "ip:port" → the process behind it (with when it started, wall clock). */
export type Routes = Record<string, { process: SimulatedProcess; startedAtWallMs: number; port: number }>;

export function fakeCluster(routes: Routes = {}, options: { dnsDown?: boolean; seen?: ConnectRequest[] } = {}): ContainerNetwork {
  return {
    dns(server, question) {
      if (options.dnsDown || server !== DNS_IP) return "timeout";
      return coreDns(question);
    },
    connect(request, loopback): NetworkAnswer {
      options.seen?.push(request);
      if (request.ip === "127.0.0.1") return loopback(request.port, request);
      if (request.ip === "10.96.0.99") return { kind: "timeout" };
      const route = routes[`${request.ip}:${request.port}`];
      if (!route) return { kind: "refused" };
      const served = route.process.accept(route.port, { clientIP: CLIENT_IP, http: request.http, send: request.send }, request.atWallMs - route.startedAtWallMs);
      return served ? { kind: "answer", answer: served.answer } : { kind: "refused" };
    },
  };
}
