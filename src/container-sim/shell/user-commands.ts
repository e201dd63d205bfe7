// Commands that say who the process is: id and whoami, with the names of the image's /etc/passwd and /etc/group.

import { named, ROOT } from "../accounts";
import type { Builtin } from "./commands";
import type { ShellState } from "./state";

const identityOf = (sh: ShellState) => sh.host.identity ?? ROOT;
const accountsOf = (sh: ShellState) => sh.host.accounts ?? { users: { 0: { name: "root", gid: 0 } }, groups: { 0: "root" } };

/** The supplementary groups as `id` lists them: busybox in the kernel's (sorted) order, GNU with the primary group first. */
function listedGroups(sh: ShellState): number[] {
  const { gid, groups } = identityOf(sh);
  return sh.host.flavor === "busybox" ? groups : [gid, ...groups.filter((g) => g !== gid)];
}

const id: Builtin = (argv, io, sh) => {
  const flags = argv.slice(1).filter((a) => a.startsWith("-")).join("");
  const { uid, gid } = identityOf(sh);
  const { users, groups } = accountsOf(sh);
  const names = flags.includes("n");
  const one = (n: number, table: typeof users | typeof groups) => {
    const entry = table[n];
    const name = typeof entry === "string" ? entry : entry?.name;
    return names && name !== undefined ? name : String(n);
  };
  if (flags.includes("u")) return io.stdout.write(`${one(uid, users)}\n`), 0;
  if (flags.includes("G")) return io.stdout.write(`${listedGroups(sh).map((g) => one(g, groups)).join(" ")}\n`), 0;
  if (flags.includes("g")) return io.stdout.write(`${one(gid, groups)}\n`), 0;
  io.stdout.write(`uid=${named(uid, users)} gid=${named(gid, groups)} groups=${listedGroups(sh).map((g) => named(g, groups)).join(",")}\n`);
  return 0;
};

const whoami: Builtin = (_argv, io, sh) => {
  const { uid } = identityOf(sh);
  const name = accountsOf(sh).users[uid]?.name;
  if (name !== undefined) return io.stdout.write(`${name}\n`), 0;
  io.stderr.write(sh.host.flavor === "busybox" ? `whoami: unknown uid ${uid}\n` : `whoami: cannot find name for user ID ${uid}\n`);
  return 1;
};

export const USER_COMMANDS: Record<string, Builtin> = { id, whoami };
