// Name resolution as a container's C library does it (glibc's and musl's stub resolvers): /etc/hosts first, then
// the nameservers of /etc/resolv.conf with its search list and `ndots`, through the container's network. Pure: the
// caller passes the files' text and the network, and gets the address with how long the lookup took (virtual time).

import type { ContainerNetwork, DnsRecord, DnsReply, DnsType } from "./network";

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  /** Per-query timeout (`options timeout:N`, default 5 s) and tries per server (`options attempts:N`, default 2). */
  timeoutMs: number;
  attempts: number;
}

/** Parse /etc/resolv.conf as the resolver does (`domain` is a one-entry search list; the last of them wins). */
export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1, timeoutMs: 5000, attempts: 2 };
  for (const raw of text.split("\n")) {
    const words = raw.replace(/[#;].*$/, "").trim().split(/\s+/);
    const [key, ...rest] = words;
    if (key === "nameserver" && rest[0] && conf.nameservers.length < 3) conf.nameservers.push(rest[0]);
    else if (key === "search") conf.search = rest.filter(Boolean).map((d) => d.replace(/\.$/, ""));
    else if (key === "domain" && rest[0]) conf.search = [rest[0].replace(/\.$/, "")];
    else if (key === "options") {
      for (const option of rest) {
        const [name, value] = option.split(":");
        const n = Number(value);
        if (!Number.isInteger(n)) continue;
        if (name === "ndots") conf.ndots = Math.min(15, Math.max(0, n));
        if (name === "timeout") conf.timeoutMs = Math.max(1, n) * 1000;
        if (name === "attempts") conf.attempts = Math.max(1, n);
      }
    }
  }
  return conf;
}

/** The address /etc/hosts gives `name` (first matching line; names compare case-insensitively), if any. */
export function hostsLookup(hosts: string, name: string): string | undefined {
  const wanted = name.replace(/\.$/, "").toLowerCase();
  for (const raw of hosts.split("\n")) {
    const [ip, ...names] = raw.replace(/#.*$/, "").trim().split(/\s+/);
    if (ip && /^\d+\.\d+\.\d+\.\d+$/.test(ip) && names.some((n) => n.toLowerCase() === wanted)) return ip;
  }
  return undefined;
}

/**
 * The fully qualified names the resolver asks for `name`, in order: a trailing dot means absolute (only itself);
 * a name with at least `ndots` dots is tried as is first, then under each search domain; a shorter one under each
 * search domain first, then as is.
 */
export function candidateNames(name: string, conf: Pick<ResolvConf, "search" | "ndots">): string[] {
  if (name.endsWith(".")) return [name.slice(0, -1)];
  const dots = name.split(".").length - 1;
  const searched = conf.search.map((domain) => `${name}.${domain}`);
  return dots >= conf.ndots ? [name, ...searched] : [...searched, name];
}

/** One question to one server with the CNAME chain followed (an ExternalName Service answers a CNAME). */
export interface Lookup {
  reply: DnsReply | "timeout";
  /** Every record of the chain: CNAMEs, then the records of the type asked for. */
  records: DnsRecord[];
}

const MAX_CNAME_HOPS = 8;

/** Ask `server` for `name` `type`, following CNAMEs the reply leaves unresolved (as a recursive resolver would). */
export function queryWithCnames(network: ContainerNetwork, server: string, name: string, type: DnsType, atWallMs: number): Lookup {
  const first = network.dns(server, { name, type, atWallMs });
  if (first === "timeout" || first.rcode !== "NOERROR") return { reply: first, records: first === "timeout" ? [] : first.answers };
  const records = [...first.answers];
  for (let hop = 0; hop < MAX_CNAME_HOPS && type !== "CNAME" && !records.some((r) => r.type === type); hop++) {
    const alias = [...records].reverse().find((r) => r.type === "CNAME");
    if (!alias) break;
    const next = network.dns(server, { name: alias.data.replace(/\.$/, ""), type, atWallMs });
    if (next === "timeout" || next.rcode !== "NOERROR") break;
    records.push(...next.answers);
    if (next.answers.length === 0) break;
  }
  return { reply: { ...first, answers: records }, records };
}

/** How a name resolved: an address (with the name that answered and the aliases on the way), none, or no server answering. */
export type Resolution =
  | { kind: "address"; ip: string; addresses: string[]; canonical: string; elapsedMs: number }
  | { kind: "nxdomain"; elapsedMs: number }
  | { kind: "timeout"; elapsedMs: number };

export interface ResolverFiles {
  /** /etc/hosts, if the container has one. */
  hosts?: string;
  /** /etc/resolv.conf, if the container has one. */
  resolvConf?: string;
}

const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;

/**
 * Resolve `name` to an IPv4 address as getaddrinfo does. Without /etc/resolv.conf the network's DNS is asked with
 * server "" for the name as given. `elapsedMs` is the virtual time the lookup took: the resolver's timeouts when
 * servers do not answer.
 */
export function resolveName(name: string, files: ResolverFiles, network: ContainerNetwork, atWallMs: number): Resolution {
  if (IPV4.test(name)) return { kind: "address", ip: name, addresses: [name], canonical: name, elapsedMs: 0 };
  const fromHosts = files.hosts === undefined ? undefined : hostsLookup(files.hosts, name);
  if (fromHosts) return { kind: "address", ip: fromHosts, addresses: [fromHosts], canonical: name.replace(/\.$/, ""), elapsedMs: 0 };
  const conf = files.resolvConf === undefined ? undefined : parseResolvConf(files.resolvConf);
  const servers = conf ? (conf.nameservers.length ? conf.nameservers : ["127.0.0.1"]) : [""];
  const names = conf ? candidateNames(name, conf) : [name.replace(/\.$/, "")];
  const perServerMs = conf ? conf.timeoutMs * conf.attempts : 10_000;
  let elapsedMs = 0;
  for (const candidate of names) {
    let answered = false;
    for (const server of servers) {
      const { reply, records } = queryWithCnames(network, server, candidate, "A", atWallMs + elapsedMs);
      if (reply === "timeout") {
        elapsedMs += perServerMs;
        continue;
      }
      answered = true;
      const addresses = records.filter((r) => r.type === "A").map((r) => r.data);
      if (addresses.length) {
        const canonical = records.filter((r) => r.type === "A")[0].name;
        return { kind: "address", ip: addresses[0], addresses, canonical, elapsedMs };
      }
      break; // NXDOMAIN or no A record: the next search domain
    }
    // Every server timed out: the resolver gives up (it does not go on through the search list).
    if (!answered) return { kind: "timeout", elapsedMs };
  }
  return { kind: "nxdomain", elapsedMs };
}
