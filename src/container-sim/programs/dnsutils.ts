// BIND's nslookup, host and dig, as the dnsutils images ship them (jessie-dnsutils, tutum/dnsutils, infoblox/dnstools,
// nicolaka/netshoot). nslookup and host walk the search list of /etc/resolv.conf with its ndots; dig asks the name as
// given unless +search. Their layouts: `Address:\t10.96.0.10#53`, `has address`, and dig's sections.

import type { DnsRecord, DnsReply, DnsType } from "../network";
import { candidateNames } from "../resolver";
import { formatDate } from "../shell/format";
import { ask, currentResolvConf, fqdn, reverseName } from "../shell/dns-client";
import type { Io, Run, ShellState } from "../shell/state";
import type { Program } from "./program";

/** BIND's wait for a server: 5 s a try; dig and host try 3 times, nslookup twice. */
const TRY_MS = 5000;

interface Bind {
  version: string;
  /** 9.18 and later report each failed try and "no servers could be reached" on its own. */
  modern: boolean;
}

function bindOf(sh: ShellState): Bind {
  const version = sh.host.toolVersion?.("bind") ?? "9.18.30";
  const [major, minor] = version.split(/[.-]/).map(Number);
  return { version, modern: major > 9 || (major === 9 && minor >= 18) };
}

interface Query {
  server: string;
  timedOut: boolean;
  /** The name that answered (or the last one asked) and its reply. */
  name: string;
  reply?: DnsReply;
}

/** Ask `servers` in turn for each candidate name until one answers NOERROR with records, as nslookup and host do. */
function searchQuery(sh: ShellState, servers: string[], names: string[], type: DnsType): Query {
  let last: Query | undefined;
  for (const server of servers) {
    let answered = false;
    for (const name of names) {
      const reply = ask(sh, server, name, type);
      if (reply === "timeout") break;
      answered = true;
      last = { server, timedOut: false, name, reply };
      if (reply.rcode === "NOERROR") return last; // NXDOMAIN: the next name of the search list
    }
    if (answered && last) return last;
  }
  return last ?? { server: servers[0] ?? "", timedOut: true, name: names[0] ?? "" };
}

function* timedOut(io: Io, bind: Bind, server: string, tries: number, preamble = ""): Run<number> {
  yield { type: "sleep", ms: tries * TRY_MS };
  if (bind.modern) io.stdout.write(`${`;; communications error to ${server}#53: timed out\n`.repeat(tries)}${preamble};; no servers could be reached\n`);
  else io.stdout.write(`${preamble};; connection timed out; no servers could be reached\n`);
  return bind.modern ? 9 : 1;
}

function serversFor(sh: ShellState, explicit: string | undefined): string[] {
  const conf = currentResolvConf(sh);
  return explicit ? [explicit] : conf.nameservers.length ? conf.nameservers : [""];
}

const shown = (server: string) => server || "127.0.0.1";
const bare = (name: string) => name.replace(/\.$/, "");

export const bindNslookup: Program = function* (argv, io, sh) {
  const bind = bindOf(sh);
  const args = argv.slice(1).filter((a) => !a.startsWith("-"));
  const typeOption = argv.slice(1).find((a) => /^-(type|query|querytype|q|ty)=/.test(a));
  const [name, server] = args;
  if (!name) {
    io.stdout.write("> ");
    return 0; // interactive mode reads end of file
  }
  const servers = serversFor(sh, server);
  const header = (s: string) => `Server:\t\t${shown(s)}\nAddress:\t${shown(s)}#53\n\n`;
  const ptr = reverseName(name);
  const type = (typeOption?.split("=")[1]?.toUpperCase() as DnsType | undefined) ?? (ptr ? "PTR" : "A");
  const names = ptr ? [ptr] : candidateNames(name, currentResolvConf(sh));
  const q = searchQuery(sh, servers, names, type);
  if (q.timedOut || !q.reply) return yield* timedOut(io, { ...bind, modern: false }, shown(servers[0]), 2);
  if (q.reply.rcode !== "NOERROR") {
    io.stdout.write(`${header(q.server)}** server can't find ${ptr ?? name}: ${q.reply.rcode}\n\n`);
    return 1;
  }
  let out = header(q.server) + (q.reply.authoritative ? "" : "Non-authoritative answer:\n");
  const lines = (records: DnsRecord[]) =>
    records.map((r) => {
      if (r.type === "CNAME") return `${bare(r.name)}\tcanonical name = ${fqdn(r.data)}\n`;
      if (r.type === "PTR") return `${r.name}\tname = ${fqdn(r.data)}\n`;
      if (r.type === "A" || r.type === "AAAA") return `Name:\t${bare(r.name)}\nAddress: ${r.data}\n`;
      return `${bare(r.name)}\t${r.type.toLowerCase()} = ${r.data}\n`;
    }).join("");
  if (q.reply.answers.length === 0) out += `*** Can't find ${name}: No answer\n`;
  out += lines(q.reply.answers);
  // BIND 9.11 and later also ask AAAA for an address lookup and print what it has.
  if (type === "A" && !typeOption && !/^9\.(9|10)\./.test(bind.version)) {
    const aaaa = ask(sh, q.server, q.name, "AAAA");
    if (aaaa !== "timeout" && aaaa.rcode === "NOERROR") out += lines(aaaa.answers.filter((r) => r.type === "AAAA"));
  }
  io.stdout.write(`${out}\n`);
  return 0;
};

export const bindHost: Program = function* (argv, io, sh) {
  const bind = bindOf(sh);
  let type: DnsType | undefined;
  const args: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === "-t") type = argv[++i]?.toUpperCase() as DnsType;
    else if (!argv[i].startsWith("-")) args.push(argv[i]);
  }
  const [name, server] = args;
  if (!name) {
    io.stderr.write("Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n");
    return 1;
  }
  const servers = serversFor(sh, server);
  const using = server ? `Using domain server:\nName: ${server}\nAddress: ${server}#53\nAliases: \n\n` : "";
  const ptr = reverseName(name);
  const asked: DnsType = type ?? (ptr ? "PTR" : "A");
  const names = ptr ? [ptr] : candidateNames(name, currentResolvConf(sh));
  const q = searchQuery(sh, servers, names, asked);
  if (q.timedOut || !q.reply) return yield* timedOut(io, bind, shown(servers[0]), 2, using);
  if (q.reply.rcode !== "NOERROR") {
    io.stdout.write(`${using}Host ${ptr ? fqdn(ptr) : name} not found: ${q.reply.rcode === "NXDOMAIN" ? "3(NXDOMAIN)" : q.reply.rcode === "SERVFAIL" ? "2(SERVFAIL)" : "5(REFUSED)"}\n`);
    return 1;
  }
  const line = (r: DnsRecord) => {
    if (r.type === "CNAME") return `${bare(r.name)} is an alias for ${fqdn(r.data)}\n`;
    if (r.type === "A") return `${bare(r.name)} has address ${r.data}\n`;
    if (r.type === "AAAA") return `${bare(r.name)} has IPv6 address ${r.data}\n`;
    if (r.type === "PTR") return `${r.name} domain name pointer ${fqdn(r.data)}\n`;
    if (r.type === "SRV") return `${bare(r.name)} has SRV record ${r.data}\n`;
    return `${bare(r.name)} ${r.type} ${r.data}\n`;
  };
  let out = using + q.reply.answers.map(line).join("");
  if (type && q.reply.answers.length === 0) out += `${q.name} has no ${type} record\n`;
  if (!type && !ptr) {
    const aaaa = ask(sh, q.server, q.name, "AAAA");
    if (aaaa !== "timeout") out += aaaa.answers.filter((r) => r.type === "AAAA").map(line).join("");
  }
  io.stdout.write(out);
  return 0;
};

/** A record as dig prints it: owner, TTL, class, type at BIND's columns (24, 32, 40, 48; tabs, or a space past one). */
function digRecord(r: DnsRecord): string {
  return columns([fqdn(r.name), String(r.ttl), "IN", r.type, r.type === "CNAME" || r.type === "PTR" || r.type === "NS" ? fqdn(r.data) : r.data], [24, 32, 40, 48]);
}

function columns(fields: string[], stops: number[]): string {
  let line = fields[0];
  let pos = line.length;
  fields.slice(1).forEach((field, i) => {
    if (pos >= stops[i]) {
      line += " ";
      pos += 1;
    }
    while (pos < stops[i]) {
      line += "\t";
      pos = (Math.floor(pos / 8) + 1) * 8;
    }
    line += field;
    pos += field.length;
  });
  return line;
}

/** The wire size of a name: its labels with their length bytes and the root. */
const wireName = (name: string) => bare(name).split(".").reduce((n, label) => n + label.length + 1, 1);

export const dig: Program = function* (argv, io, sh) {
  const bind = bindOf(sh);
  let server: string | undefined;
  let name: string | undefined;
  let type: DnsType = "A";
  let short = false;
  let search = false;
  let onlyAnswer = false;
  const shownArgs = argv.slice(1).join(" ");
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("@")) server = a.slice(1);
    else if (a === "-t") type = (argv[++i] ?? "A").toUpperCase() as DnsType;
    else if (a === "-x") {
      name = reverseName(argv[++i] ?? "") ?? argv[i];
      type = "PTR";
    } else if (a === "+short") short = true;
    else if (a === "+search") search = true;
    else if (a === "+noall") onlyAnswer = true;
    else if (a.startsWith("+") || a.startsWith("-")) continue;
    else if (/^(A|AAAA|CNAME|SRV|PTR|TXT|MX|NS|SOA|ANY)$/i.test(a) && name !== undefined) type = a.toUpperCase() as DnsType;
    else name = a;
  }
  const target = server ?? serversFor(sh, undefined)[0];
  const names = name === undefined ? ["."] : search ? candidateNames(name, currentResolvConf(sh)) : [bare(name)];
  const q = searchQuery(sh, [target], names, type);
  const banner = `\n; <<>> DiG ${bind.version} <<>> ${shownArgs}\n`;
  if (q.timedOut || !q.reply) return yield* timedOut(io, bind, shown(target), 3, short ? "" : `${banner};; global options: +cmd\n`);
  const reply = q.reply;
  if (short) {
    io.stdout.write(reply.answers.map((r) => `${r.type === "CNAME" || r.type === "PTR" ? fqdn(r.data) : r.data}\n`).join(""));
    return 0;
  }
  if (onlyAnswer) {
    io.stdout.write(reply.answers.map((r) => `${digRecord(r)}\n`).join(""));
    return 0;
  }
  const id = (sh.host.clock.nowMs * 7919 + 4099) % 65536;
  const authority = reply.rcode === "NXDOMAIN" || reply.answers.length === 0 ? [soaFor(q.name, reply, sh)] : [];
  const flags = reply.authoritative ? "qr aa rd" : "qr rd ra";
  const size = 12 + wireName(q.name) + 4 + reply.answers.reduce((n, r) => n + 12 + (r.type === "A" ? 4 : r.type === "AAAA" ? 16 : wireName(r.data)), 0) + authority.reduce((n, r) => n + 12 + wireName(r.data.split(" ")[0]) + wireName(r.data.split(" ")[1]) + 20, 0) + (bind.modern ? 39 : 11);
  const lines = [
    banner.slice(1).trimEnd(),
    ";; global options: +cmd",
    ";; Got answer:",
    `;; ->>HEADER<<- opcode: QUERY, status: ${reply.rcode}, id: ${id}`,
    `;; flags: ${flags}; QUERY: 1, ANSWER: ${reply.answers.length}, AUTHORITY: ${authority.length}, ADDITIONAL: 1`,
    ...(reply.authoritative ? [";; WARNING: recursion requested but not available"] : []),
    "",
    ";; OPT PSEUDOSECTION:",
    `; EDNS: version: 0, flags:; udp: ${bind.modern ? 1232 : 4096}`,
    ...(bind.modern ? [`; COOKIE: ${id.toString(16).padStart(4, "0").repeat(4)} (echoed)`] : []),
    ";; QUESTION SECTION:",
    columns([`;${fqdn(q.name)}`, "IN", type], [32, 40]),
    "",
    ...(reply.answers.length ? [";; ANSWER SECTION:", ...reply.answers.map(digRecord), ""] : []),
    ...(authority.length ? [";; AUTHORITY SECTION:", ...authority.map(digRecord), ""] : []),
    ";; Query time: 0 msec",
    `;; SERVER: ${shown(target)}#53(${shown(target)})${bind.modern ? " (UDP)" : ""}`,
    `;; WHEN: ${formatDate(sh.host.startedAtWallMs + sh.host.clock.nowMs, "%a %b %d %H:%M:%S UTC %Y")}`,
    `;; MSG SIZE  rcvd: ${size}`,
    "",
  ];
  io.stdout.write(`\n${lines.join("\n")}\n`);
  return 0;
};

/** The SOA a negative answer carries: CoreDNS's for cluster.local, the root's for other names. */
function soaFor(name: string, reply: DnsReply, sh: ShellState): DnsRecord {
  const serial = Math.floor((sh.host.startedAtWallMs + sh.host.clock.nowMs) / 1000);
  if (reply.authoritative || /(^|\.)cluster\.local$/.test(bare(name))) {
    return { name: "cluster.local", type: "SOA", ttl: 30, data: `ns.dns.cluster.local. hostmaster.cluster.local. ${serial} 7200 1800 86400 30` };
  }
  return { name: ".", type: "SOA", ttl: 86400, data: "a.root-servers.net. nstld.verisign-grs.com. 2026120100 1800 900 604800 86400" };
}
