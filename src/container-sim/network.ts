// How a program inside a container reaches the network (wget, curl, nc, nslookup), and how a connection reaches a
// program: the contract between the simulator and whoever runs the container. The container resolves names itself
// (its /etc/hosts, then the DNS server its /etc/resolv.conf names, through `dns`) and connects to an address through
// `connect`; the network behind it (the cluster's: Services, pods, NetworkPolicy; or `defaultNetwork` on its own)
// answers, reaching the target container's program through `SimulatedProcess.accept`.

import type { HttpAnswer } from "./types";

/** An HTTP request as a client sends it. Header names are lower case (`host`, `user-agent`). */
export interface HttpRequest {
  method: string;
  /** The request target: path and query, e.g. `/echo?msg=hi`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** A connection from inside a container. */
export interface ConnectRequest {
  /** The destination address: an IPv4 address or a loopback name (names were resolved by the container). */
  ip: string;
  port: number;
  /** An HTTP exchange; absent for a bare TCP connection (nc, redis-cli), which may `send` bytes. */
  http?: HttpRequest;
  send?: string;
  /** When the program connects, wall clock: the answer must be as of then (the simulation is lazy and replays). */
  atWallMs: number;
  /**
   * The connection's number within the process that makes it (0, 1, 2, ...): with `atWallMs`, what makes a replay of
   * the same connection the same one (the same endpoint chosen, one access-log line however often it replays).
   */
  seq: number;
}

/** The outcome of a connection: the server's answer (status 0: not HTTP, `body` is what it wrote back), refused, or no answer at all (dropped, e.g. by a NetworkPolicy). */
export type NetworkAnswer = { kind: "answer"; answer: HttpAnswer } | { kind: "refused" } | { kind: "timeout" };

export type DnsType = "A" | "AAAA" | "CNAME" | "SRV" | "PTR" | "TXT" | "MX" | "NS" | "SOA";

/** One query to a DNS server: a fully qualified name without the trailing dot. */
export interface DnsQuestion {
  name: string;
  type: DnsType;
  atWallMs: number;
}

/** A resource record; `data` is an address (A), a name (CNAME, PTR, NS), or `priority weight port target` (SRV). */
export interface DnsRecord {
  name: string;
  type: DnsType;
  ttl: number;
  data: string;
}

/** A DNS server's reply: NXDOMAIN for a name it does not know, NOERROR with no answers for a known name without that type. */
export interface DnsReply {
  rcode: "NOERROR" | "NXDOMAIN" | "SERVFAIL" | "REFUSED";
  answers: DnsRecord[];
  /** True when the server is authoritative for the name (CoreDNS for cluster.local). */
  authoritative?: boolean;
}

/** What the container itself answers on `port` (its network namespace: localhost and its own pod IP). */
export type Loopback = (port: number, request: ConnectRequest) => NetworkAnswer;

export interface ContainerNetwork {
  /** Connect from inside the container; `loopback` answers for the container's own listeners. */
  connect(request: ConnectRequest, loopback: Loopback): NetworkAnswer;
  /** Ask the DNS server at `server` (port 53; the nameserver of /etc/resolv.conf): its reply, or "timeout" when nothing answers there. */
  dns(server: string, question: DnsQuestion): DnsReply | "timeout";
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "0.0.0.0", "::1"];
const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;
/** The address every public name resolves to outside a cluster (example.com's). */
export const PUBLIC_SITE_IP = "93.184.215.14";

function publicPage(host: string): HttpAnswer {
  return { status: 200, body: `<!doctype html>\n<html>\n<head>\n    <title>${host}</title>\n</head>\n<body>\n<h1>${host}</h1>\n</body>\n</html>\n` };
}

/** The public DNS: names with a dot outside the cluster's and private suffixes resolve to PUBLIC_SITE_IP, the rest do not exist. */
export function publicDns(question: DnsQuestion): DnsReply {
  const { name, type } = question;
  const isPublic = name.includes(".") && !/\.(local|internal|svc|cluster\.local)$/.test(name) && !IPV4.test(name);
  if (!isPublic) return { rcode: "NXDOMAIN", answers: [] };
  return { rcode: "NOERROR", answers: type === "A" ? [{ name, type: "A", ttl: 300, data: PUBLIC_SITE_IP }] : [] };
}

/** A connection to an address outside the cluster: public sites answer with a page (the Host header names it), other addresses refuse. */
export function publicInternet(request: ConnectRequest): NetworkAnswer {
  if (request.ip !== PUBLIC_SITE_IP) return { kind: "refused" };
  const host = request.http?.headers.host?.replace(/:\d+$/, "") ?? "example.com";
  return { kind: "answer", answer: request.http ? publicPage(host) : { status: 0, body: "" } };
}

/** The network of a container on its own: its loopback names, hostname and pod IP reach it; the rest is the public internet. */
export function defaultNetwork(identity: { hostname: string; podIP?: string }): ContainerNetwork {
  const self = new Set([...LOOPBACK_NAMES, identity.hostname, ...(identity.podIP ? [identity.podIP] : [])]);
  return {
    connect(request, loopback) {
      return self.has(request.ip) ? loopback(request.port, request) : publicInternet(request);
    },
    dns(_server, question) {
      return publicDns(question);
    },
  };
}
