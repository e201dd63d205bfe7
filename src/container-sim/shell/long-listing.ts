// `ls -l`: mode, links, owner, group, size, time and name of each entry, as busybox and GNU coreutils print them.

import type { Accounts } from "../accounts";
import { formatDate } from "./format";
import type { Flavor } from "./state";
import type { Stat } from "./vfs";

/** `drwxrwsrwx`, `-rw-r--r--`: the type and the permission bits, with setgid (s/S) and sticky (t/T). */
export function modeString(stat: Pick<Stat, "kind" | "mode">): string {
  const { mode } = stat;
  const bit = (mask: number, c: string) => (mode & mask ? c : "-");
  const special = (exec: number, flag: number, set: string) => (mode & flag ? (mode & exec ? set : set.toUpperCase()) : bit(exec, "x"));
  return [
    stat.kind === "dir" ? "d" : "-",
    bit(0o400, "r"), bit(0o200, "w"), special(0o100, 0o4000, "s"),
    bit(0o040, "r"), bit(0o020, "w"), special(0o010, 0o2000, "s"),
    bit(0o004, "r"), bit(0o002, "w"), special(0o001, 0o1000, "t"),
  ].join("");
}

/** The 1K blocks a file takes on the node's disk (whole 4K blocks), for the `total` line. */
const blocks = (stat: Stat) => (stat.size === 0 ? 0 : Math.ceil(stat.size / 4096) * 4);

export interface ListedEntry {
  name: string;
  stat: Stat;
}

/**
 * The long listing of `entries`; `total` (a directory's contents) adds the `total` line. `numeric` (-n) prints ids,
 * otherwise the image's names where it has them.
 */
export function longListing(entries: ListedEntry[], flavor: Flavor, accounts: Accounts, options: { total: boolean; numeric: boolean }): string {
  const user = (uid: number) => (options.numeric ? undefined : accounts.users[uid]?.name) ?? String(uid);
  const group = (gid: number) => (options.numeric ? undefined : accounts.groups[gid]) ?? String(gid);
  const time = (ms: number) => formatDate(ms, "%b %e %H:%M");
  const links = (stat: Stat) => (stat.kind === "dir" ? 2 : 1);
  const total = options.total ? `total ${entries.reduce((sum, e) => sum + blocks(e.stat), 0)}\n` : "";
  if (flavor === "busybox") {
    const rows = entries.map(({ name, stat }) => {
      const owners = `${user(stat.uid).slice(0, 8).padEnd(8)} ${group(stat.gid).slice(0, 8).padEnd(8)}`;
      return `${modeString(stat).padEnd(10)} ${String(links(stat)).padStart(4)} ${owners} ${String(stat.size).padStart(9)} ${time(stat.mtimeWallMs)} ${name}\n`;
    });
    return total + rows.join("");
  }
  const columns = entries.map(({ name, stat }) => [modeString(stat), String(links(stat)), user(stat.uid), group(stat.gid), String(stat.size), time(stat.mtimeWallMs), name]);
  const width = (i: number) => Math.max(0, ...columns.map((c) => c[i]!.length));
  const rows = columns.map((c) => `${c[0]} ${c[1]!.padStart(width(1))} ${c[2]!.padEnd(width(2))} ${c[3]!.padEnd(width(3))} ${c[4]!.padStart(width(4))} ${c[5]} ${c[6]}\n`);
  return total + rows.join("");
}
