// Who a container's processes are: the image's USER, overridden by the pod's securityContext (runAsUser, runAsGroup,
// supplementalGroups and fsGroup), resolved as containerd resolves it against the image's /etc/passwd; and the names
// the image's /etc/passwd and /etc/group give to numbers (for `id`, `whoami`, `ls -l`).

/** An image's accounts: user names by uid with their primary group, group names by gid. */
export interface Accounts {
  users: Record<number, { name: string; gid: number }>;
  groups: Record<number, string>;
}

/** The identity of a process, as the kernel holds it: `groups` sorted (setgroups sorts them), with `gid` among them. */
export interface Identity {
  uid: number;
  gid: number;
  groups: number[];
}

/** What the kubelet asks for (the effective securityContext): unset fields come from the image. */
export interface RunAs {
  uid?: number;
  gid?: number;
  /** supplementalGroups, with fsGroup (the kubelet adds it). */
  supplementalGroups?: number[];
}

const table = (users: [string, number, number][], groups: [string, number][]): Accounts => ({
  users: Object.fromEntries(users.map(([name, uid, gid]) => [uid, { name, gid }])),
  groups: Object.fromEntries(groups.map(([name, gid]) => [gid, name])),
});

/** The busybox image's /etc/passwd and /etc/group. */
export const BUSYBOX_ACCOUNTS = table(
  [["root", 0, 0], ["daemon", 1, 1], ["bin", 2, 2], ["sys", 3, 3], ["sync", 4, 100], ["mail", 8, 8], ["www-data", 33, 33], ["operator", 37, 37], ["nobody", 65534, 65534]],
  [
    ["root", 0], ["daemon", 1], ["bin", 2], ["sys", 3], ["adm", 4], ["tty", 5], ["disk", 6], ["lp", 7], ["mail", 8], ["kmem", 9], ["wheel", 10],
    ["cdrom", 11], ["dialout", 18], ["floppy", 19], ["video", 28], ["audio", 29], ["tape", 32], ["www-data", 33], ["operator", 37], ["utmp", 43],
    ["plugdev", 46], ["staff", 50], ["lock", 54], ["netdev", 82], ["users", 100], ["nogroup", 65534],
  ],
);

/** Alpine's base accounts (alpine-baselayout). */
export const ALPINE_ACCOUNTS = table(
  [["root", 0, 0], ["bin", 1, 1], ["daemon", 2, 2], ["adm", 3, 4], ["lp", 4, 7], ["sync", 5, 0], ["shutdown", 6, 0], ["halt", 7, 0], ["mail", 8, 12], ["news", 9, 13], ["uucp", 10, 14], ["operator", 11, 0], ["man", 13, 15], ["postmaster", 14, 12], ["cron", 16, 16], ["ftp", 21, 21], ["sshd", 22, 22], ["at", 25, 25], ["squid", 31, 31], ["xfs", 33, 33], ["games", 35, 35], ["cyrus", 85, 12], ["vpopmail", 89, 89], ["ntp", 123, 123], ["smmsp", 209, 209], ["guest", 405, 100], ["nobody", 65534, 65534]],
  [
    ["root", 0], ["bin", 1], ["daemon", 2], ["sys", 3], ["adm", 4], ["tty", 5], ["disk", 6], ["lp", 7], ["mem", 8], ["kmem", 9], ["wheel", 10],
    ["floppy", 11], ["mail", 12], ["news", 13], ["uucp", 14], ["man", 15], ["cron", 16], ["console", 17], ["audio", 18], ["cdrom", 19],
    ["dialout", 20], ["ftp", 21], ["sshd", 22], ["input", 23], ["at", 25], ["tape", 26], ["video", 27], ["netdev", 28], ["readproc", 30],
    ["squid", 31], ["xfs", 33], ["kvm", 34], ["games", 35], ["shadow", 42], ["cdrw", 80], ["www-data", 82], ["usb", 85], ["vpopmail", 89],
    ["users", 100], ["ntp", 123], ["nofiles", 200], ["smmsp", 209], ["locate", 245], ["abuild", 300], ["utmp", 406], ["ping", 999], ["nogroup", 65533], ["nobody", 65534],
  ],
);

const DEBIAN_USERS: [string, number, number][] = [
  ["root", 0, 0], ["daemon", 1, 1], ["bin", 2, 2], ["sys", 3, 3], ["sync", 4, 65534], ["games", 5, 60], ["man", 6, 12], ["lp", 7, 7], ["mail", 8, 8],
  ["news", 9, 9], ["uucp", 10, 10], ["proxy", 13, 13], ["www-data", 33, 33], ["backup", 34, 34], ["list", 38, 38], ["irc", 39, 39], ["_apt", 42, 65534], ["nobody", 65534, 65534],
];
const DEBIAN_GROUPS: [string, number][] = [
  ["root", 0], ["daemon", 1], ["bin", 2], ["sys", 3], ["adm", 4], ["tty", 5], ["disk", 6], ["lp", 7], ["mail", 8], ["news", 9], ["uucp", 10],
  ["man", 12], ["proxy", 13], ["kmem", 15], ["dialout", 20], ["fax", 21], ["voice", 22], ["cdrom", 24], ["floppy", 25], ["tape", 26], ["sudo", 27],
  ["audio", 29], ["dip", 30], ["www-data", 33], ["backup", 34], ["operator", 37], ["list", 38], ["irc", 39], ["src", 40], ["shadow", 42],
  ["utmp", 43], ["video", 44], ["sasl", 45], ["plugdev", 46], ["staff", 50], ["games", 60], ["users", 100], ["nogroup", 65534],
];

/** Debian's base accounts, with the ones an image adds (`nginx` 101, `redis` 999, ...). */
export function debianAccounts(extra: [string, number, number][] = []): Accounts {
  return table([...DEBIAN_USERS, ...extra], [...DEBIAN_GROUPS, ...extra.map(([name, , gid]): [string, number] => [name, gid])]);
}

/** Distroless and scratch-like images: root, nonroot and nobody. */
export const DISTROLESS_ACCOUNTS = table([["root", 0, 0], ["nobody", 65534, 65534], ["nonroot", 65532, 65532]], [["root", 0], ["nobody", 65534], ["tty", 5], ["staff", 50], ["nonroot", 65532]]);

/** Root: most images' user (shared, never mutated). */
export const ROOT: Identity = Object.freeze({ uid: 0, gid: 0, groups: Object.freeze([0]) as number[] });

/** A uid or gid as a string of digits, else undefined. */
const numeric = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined);

/**
 * The process's identity. The image's USER (`name`, `uid`, `name:group`, `uid:gid`) applies when `runAs.uid` is unset;
 * the primary group is `runAs.gid`, else the USER's group, else the user's /etc/passwd group, else 0 (root), as
 * containerd does; the supplementary groups are the primary one and `runAs.supplementalGroups`.
 */
export function resolveIdentity(imageUser: string | undefined, runAs: RunAs | undefined, accounts: Accounts): Identity {
  if (!imageUser && !runAs) return ROOT;
  const [userPart, groupPart] = (imageUser ?? "").split(":");
  const byName = (name: string | undefined) => Object.entries(accounts.users).find(([, u]) => u.name === name);
  const groupByName = (name: string | undefined) => Object.entries(accounts.groups).find(([, g]) => g === name);
  const uid = runAs?.uid ?? numeric(userPart) ?? Number(byName(userPart)?.[0] ?? 0);
  const imageGroup = runAs?.uid === undefined && groupPart ? numeric(groupPart) ?? Number(groupByName(groupPart)?.[0] ?? 0) : undefined;
  const gid = runAs?.gid ?? imageGroup ?? accounts.users[uid]?.gid ?? 0;
  const groups = [...new Set([gid, ...(runAs?.supplementalGroups ?? [])])].sort((a, b) => a - b);
  return { uid, gid, groups };
}

/** `1000` or `0(root)`: a number with its name when the image has one. */
export function named(id: number, names: Record<number, { name: string } | string>): string {
  const entry = names[id];
  const name = typeof entry === "string" ? entry : entry?.name;
  return name === undefined ? String(id) : `${id}(${name})`;
}
