// busybox's nslookup. Since 1.29 it is its own DNS client: a dotless name is asked under each search domain (never
// as is, and `ndots` is ignored), A and AAAA at once, and every reply is printed (NXDOMAIN lines included), with
// `Address:\t10.96.0.10:53`. Up to 1.28 it used the C library: one answer, `Address 1: ...` lines with reverse names.

import { resolveName } from "../resolver";
import type { DnsRecord, DnsType } from "../network";
import { notFoundMessage } from "./commands";
import { ask, currentResolvConf, reverseName } from "./dns-client";
import type { Io, Run, ShellState } from "./state";

/** busybox nslookup's wait for one server: `-timeout`, default 5 s. */
const BUSYBOX_TIMEOUT_MS = 5000;

function recordLine(r: DnsRecord): string {
  const name = r.name.replace(/\.$/, "");
  const data = r.data.replace(/\.$/, "");
  if (r.type === "A" || r.type === "AAAA") return `Name:\t${name}\nAddress: ${data}\n`;
  if (r.type === "CNAME") return `${name}\tcanonical name = ${data}\n`;
  if (r.type === "PTR") return `${name}\tname = ${data}\n`;
  if (r.type === "NS") return `${name}\tnameserver = ${data}\n`;
  if (r.type === "TXT") return `${name}\ttext = "${data}"\n`;
  return "";
}

const isOld = (sh: ShellState) => {
  const m = /^1\.(\d+)/.exec(sh.host.toolVersion?.("busybox") ?? "1.36.1");
  return m !== null && Number(m[1]) <= 28;
};

export function* busyboxNslookup(argv: string[], io: Io, sh: ShellState): Run<number> {
  if (sh.host.flavor !== "busybox") {
    io.stderr.write(notFoundMessage(sh, "nslookup"));
    return 127;
  }
  const types: DnsType[] = [];
  let timeoutMs = BUSYBOX_TIMEOUT_MS;
  const args: string[] = [];
  for (const a of argv.slice(1)) {
    const m = /^-([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m) args.push(a);
    else if ((m[1] === "type" || m[1] === "querytype" || m[1] === "q") && m[2]) types.push(m[2].toUpperCase() as DnsType);
    else if ((m[1] === "timeout" || m[1] === "t") && m[2]) timeoutMs = Number(m[2]) * 1000;
  }
  const [name, explicitServer] = args;
  if (!name) {
    io.stderr.write("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n");
    return 1;
  }
  const conf = currentResolvConf(sh);
  // Without /etc/resolv.conf busybox asks 127.0.0.1; the network's default server ("") stands for it.
  const servers = explicitServer ? [explicitServer] : conf.nameservers.length ? conf.nameservers : [""];
  const shown = (server: string) => server || "127.0.0.1";
  if (isOld(sh)) return yield* oldNslookup(name, servers[0], io, sh);

  const ptr = reverseName(name);
  const queries: { name: string; type: DnsType }[] = [];
  const withSearch = (type: DnsType) => (name.includes(".") || conf.search.length === 0 ? [name] : conf.search.map((d) => `${name}.${d}`)).map((n) => ({ name: n, type }));
  if (types.length) for (const t of types) queries.push(...withSearch(t));
  else if (ptr) queries.push({ name: ptr, type: "PTR" });
  else queries.push(...withSearch("A"), ...withSearch("AAAA"));

  for (let i = 0; i < servers.length; i++) {
    const replies = queries.map((q) => ask(sh, servers[i], q.name, q.type, i * timeoutMs));
    if (replies.every((r) => r === "timeout")) continue;
    if (i > 0) yield { type: "sleep", ms: i * timeoutMs };
    let out = `Server:\t\t${shown(servers[i])}\nAddress:\t${shown(servers[i])}:53\n\n`;
    replies.forEach((reply, q) => {
      if (reply === "timeout") return;
      if (reply.rcode !== "NOERROR") out += `** server can't find ${queries[q].name}: ${reply.rcode}\n`;
      else out += `${reply.authoritative ? "" : "Non-authoritative answer:\n"}${reply.answers.map(recordLine).join("")}`;
      out += "\n";
    });
    const unanswered = replies.map((r, q) => (r === "timeout" ? `*** Can't find ${queries[q].name}: No answer\n` : "")).join("");
    io.stdout.write(out + (unanswered ? `${unanswered}\n` : ""));
    return 0;
  }
  yield { type: "sleep", ms: servers.length * timeoutMs };
  io.stdout.write(";; connection timed out; no servers could be reached\n\n");
  return 1;
}

/** busybox 1.28 and older: the C library resolves (search list, ndots), each address printed with its reverse name. */
function* oldNslookup(name: string, server: string, io: Io, sh: ShellState): Run<number> {
  const reverse = (address: string) => {
    const ptr = reverseName(address);
    const reply = ptr ? ask(sh, server, ptr, "PTR") : "timeout";
    const record = reply === "timeout" ? undefined : reply.answers.find((r) => r.type === "PTR");
    return record ? ` ${record.data.replace(/\.$/, "")}` : "";
  };
  const shown = server || "127.0.0.1";
  io.stdout.write(`${"Server:".padEnd(10)} ${shown}\nAddress 1: ${shown}${server ? reverse(server) : ""}\n\n`);
  const now = sh.host.clock.nowMs;
  const files = { hosts: sh.host.fs.read("/etc/hosts", now), resolvConf: sh.host.fs.read("/etc/resolv.conf", now) };
  const network = { dns: sh.host.dns, connect: () => ({ kind: "refused" as const }) };
  const resolved = resolveName(name, files, network, sh.host.startedAtWallMs + now);
  if (resolved.elapsedMs) yield { type: "sleep", ms: resolved.elapsedMs };
  if (resolved.kind !== "address") {
    io.stderr.write(`nslookup: can't resolve '${name}'\n`);
    return 1;
  }
  io.stdout.write(`${"Name:".padEnd(10)} ${name}\n${resolved.addresses.map((a, i) => `Address ${i + 1}: ${a}${reverse(a)}\n`).join("")}`);
  return 0;
}
