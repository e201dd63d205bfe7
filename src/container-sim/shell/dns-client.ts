// What DNS tools share: the container's resolver configuration, the reverse name of an address, and asking a server
// with the tool's own timeout when it does not answer.

import type { DnsReply, DnsType } from "../network";
import { parseResolvConf, queryWithCnames, type ResolvConf } from "../resolver";
import type { ShellState } from "./state";

/** The container's /etc/resolv.conf as it is now (none: no servers, no search list). */
export function currentResolvConf(sh: ShellState): ResolvConf {
  const text = sh.host.fs.read("/etc/resolv.conf", sh.host.clock.nowMs);
  return parseResolvConf(text ?? "");
}

const IPV4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/;

/** `1.0.96.10.in-addr.arpa` for 10.96.0.1; undefined for what is not an IPv4 address. */
export function reverseName(address: string): string | undefined {
  const m = IPV4.exec(address);
  return m ? `${m[4]}.${m[3]}.${m[2]}.${m[1]}.in-addr.arpa` : undefined;
}

/** One question to `server` now, CNAMEs followed. */
export function ask(sh: ShellState, server: string, name: string, type: DnsType, offsetMs = 0): DnsReply | "timeout" {
  const network = { dns: sh.host.dns, connect: () => ({ kind: "refused" as const }) };
  return queryWithCnames(network, server, name, type, sh.host.startedAtWallMs + sh.host.clock.nowMs + offsetMs).reply;
}

/** A name with its trailing dot, as DNS tools print names. */
export const fqdn = (name: string) => (name.endsWith(".") ? name : `${name}.`);
