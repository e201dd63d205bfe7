// The system applets learners run to look around a container: ps, top, free, df, mount, uptime, sysctl, ip, hostname
// and ping, in busybox's layouts (GNU procps' for `ps` in GNU userlands). Their values are the pod's: its IP (from
// the runtime's /etc/hosts entry for the hostname), its start (uptime, process times), its main command (PID 1) and
// its memory limit where a cgroup-aware tool shows it (top's header stays the node's, as busybox reads /proc/meminfo).

import type { Builtin } from "./commands";
import { lookupHost } from "./net-client";
import type { Io, Run, ShellState } from "./state";

/** The node's memory as /proc/meminfo shows it inside any container (kB). */
const NODE_MEM_KB = 8_039_756;
const NODE_MEM_USED_KB = 1_912_344;
const NODE_MEM_BUFFCACHE_KB = 2_301_120;
const SERVICE_PREFIX = "10.96.";

/** The pod IP: the address the runtime's /etc/hosts gives the hostname. */
export function podAddress(sh: ShellState): string {
  const hosts = sh.host.fs.read("/etc/hosts", sh.host.clock.nowMs) ?? "";
  for (const line of hosts.split("\n")) {
    const [ip, ...names] = line.trim().split(/\s+/);
    if (ip && /^\d+\.\d+\.\d+\.\d+$/.test(ip) && ip !== "127.0.0.1" && names.includes(sh.host.hostname)) return ip;
  }
  return "10.244.0.2";
}

interface Proc {
  pid: number;
  user: string;
  command: string;
}

/**
 * PID 1 is the container's command, or the first process of the PID namespace it shares (its peers, then its own);
 * the applet itself comes last.
 */
function processes(sh: ShellState, self: string[]): Proc[] {
  const uid = sh.host.identity?.uid ?? 0;
  const user = sh.host.accounts?.users[uid]?.name ?? String(uid);
  const main = sh.host.mainCommand?.join(" ") || "sh";
  const peers = sh.host.peers ?? [];
  const before: Proc[] = peers.map((p, i) => ({ pid: i === 0 ? 1 : 6 * i + 1, user: p.user, command: p.command }));
  const mainPid = peers.length ? 6 * peers.length + 1 : 1;
  return [...before, { pid: mainPid, user, command: main }, { pid: mainPid + 6, user, command: self.join(" ") }];
}

/** busybox's TIME column: minutes:seconds of CPU time (a sleeping container has used almost none). */
const cpuTime = () => "0:00";

function ps(argv: string[], io: Io, sh: ShellState): number {
  const procs = processes(sh, argv);
  if (sh.host.flavor === "busybox") {
    io.stdout.write(`PID   USER     TIME  COMMAND\n${procs.map((p) => `${String(p.pid).padStart(5)} ${p.user.padEnd(8).slice(0, 8)} ${cpuTime().padStart(5)} ${p.command}\n`).join("")}`);
    return 0;
  }
  const wide = argv.slice(1).some((a) => /^-?[a-z]*[aux]/.test(a) && !a.startsWith("--"));
  if (!wide) {
    io.stdout.write(`    PID TTY          TIME CMD\n${procs.map((p) => `${String(p.pid).padStart(7)} ?        00:00:00 ${p.command.split(" ")[0].split("/").pop()}\n`).join("")}`);
    return 0;
  }
  const start = clockTime(sh.host.startedAtWallMs).slice(0, 5);
  const rows = procs.map((p, i) => `${p.user.padEnd(8)} ${String(p.pid).padStart(7)}  0.0  0.0 ${String(i ? 8_092 : 2_484).padStart(6)} ${String(i ? 4_096 : 1_280).padStart(5)} ?        ${i ? "Rs  " : "Ss  "} ${start}   0:00 ${p.command}\n`);
  io.stdout.write(`USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n${rows.join("")}`);
  return 0;
}

const clockTime = (wallMs: number) => new Date(wallMs).toISOString().slice(11, 19);

/** Virtual time runs from the container's start (an exec's clock too). */
const elapsedMs = (sh: ShellState) => sh.host.clock.nowMs;

/** busybox's `up ...` part: `5 min`, `1:05`, `2 days,  1:05`. */
function upFor(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const dayPart = days ? `${days} day${days === 1 ? "" : "s"}, ` : "";
  return hours ? `${dayPart}${String(hours).padStart(2)}:${String(mins).padStart(2, "0")}` : `${dayPart}${mins} min`;
}

function uptime(_argv: string[], io: Io, sh: ShellState): number {
  const now = sh.host.startedAtWallMs + sh.host.clock.nowMs;
  io.stdout.write(` ${clockTime(now)} up ${upFor(elapsedMs(sh))},  0 users,  load average: 0.00, 0.00, 0.00\n`);
  return 0;
}

function free(argv: string[], io: Io): number {
  const div = argv.includes("-g") ? 1024 * 1024 : argv.includes("-m") ? 1024 : 1;
  const v = (kb: number) => String(Math.floor(kb / div)).padStart(12);
  const freeKb = NODE_MEM_KB - NODE_MEM_USED_KB - NODE_MEM_BUFFCACHE_KB;
  io.stdout.write(
    `              total        used        free      shared  buff/cache   available\n` +
      `Mem:   ${v(NODE_MEM_KB)}${v(NODE_MEM_USED_KB)}${v(freeKb)}${v(4_568)}${v(NODE_MEM_BUFFCACHE_KB)}${v(NODE_MEM_KB - NODE_MEM_USED_KB)}\n` +
      `Swap:  ${v(0)}${v(0)}${v(0)}\n`,
  );
  return 0;
}

function top(argv: string[], io: Io, sh: ShellState): number {
  const procs = processes(sh, argv);
  const freeKb = NODE_MEM_KB - NODE_MEM_USED_KB - NODE_MEM_BUFFCACHE_KB;
  const lines = [
    `Mem: ${NODE_MEM_USED_KB + NODE_MEM_BUFFCACHE_KB}K used, ${freeKb}K free, 4568K shrd, 81920K buff, ${NODE_MEM_BUFFCACHE_KB - 81_920}K cached`,
    `CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq`,
    `Load average: 0.00 0.00 0.00 1/${procs.length + 180} ${procs[procs.length - 1].pid}`,
    `  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND`,
    ...procs.map((p, i) => `${String(p.pid).padStart(5)} ${String(0).padStart(5)} ${p.user.padEnd(8).slice(0, 8)} ${i ? "R " : "S "}  ${String(i ? 1_332 : 1_316).padStart(5)}   0%   ${i ? 1 : 0}   0% ${p.command}`),
  ];
  io.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

interface Fs {
  source: string;
  type: string;
  target: string;
  kb: number;
  usedKb: number;
  options: string;
}

const DISK_KB = 102_626_232;
const DISK_USED_KB = 18_371_224;

function filesystems(sh: ShellState): Fs[] {
  const disk = (target: string, ro = false): Fs => ({ source: "/dev/vda1", type: "ext4", target, kb: DISK_KB, usedKb: DISK_USED_KB, options: `${ro ? "ro" : "rw"},relatime` });
  const list: Fs[] = [
    { source: "overlay", type: "overlay", target: "/", kb: DISK_KB, usedKb: DISK_USED_KB, options: "rw,relatime,lowerdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/1/fs,upperdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/2/fs,workdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/2/work" },
    { source: "proc", type: "proc", target: "/proc", kb: 0, usedKb: 0, options: "rw,nosuid,nodev,noexec,relatime" },
    { source: "tmpfs", type: "tmpfs", target: "/dev", kb: 65_536, usedKb: 0, options: "rw,nosuid,size=65536k,mode=755" },
    { source: "devpts", type: "devpts", target: "/dev/pts", kb: 0, usedKb: 0, options: "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666" },
    { source: "mqueue", type: "mqueue", target: "/dev/mqueue", kb: 0, usedKb: 0, options: "rw,nosuid,nodev,noexec,relatime" },
    { source: "sysfs", type: "sysfs", target: "/sys", kb: 0, usedKb: 0, options: "ro,nosuid,nodev,noexec,relatime" },
    { source: "cgroup", type: "cgroup2", target: "/sys/fs/cgroup", kb: 0, usedKb: 0, options: "ro,nosuid,nodev,noexec,relatime" },
  ];
  for (const path of ["/etc/hosts", "/dev/termination-log", "/etc/hostname", "/etc/resolv.conf"]) list.push(disk(path));
  list.push({ source: "shm", type: "tmpfs", target: "/dev/shm", kb: 65_536, usedKb: 0, options: "rw,nosuid,nodev,noexec,relatime,size=65536k" });
  for (const m of sh.host.mounts ?? []) {
    const tmpfs = /kube-api-access|secret|serviceaccount/.test(m.mountPath) || m.mountPath.startsWith("/var/run/secrets");
    list.push(tmpfs ? { source: "tmpfs", type: "tmpfs", target: m.mountPath, kb: 6_023_468, usedKb: 12, options: "ro,relatime,size=6023468k" } : disk(m.mountPath, m.readOnly));
  }
  return list;
}

function human(kb: number): string {
  if (kb === 0) return "0";
  const units = ["K", "M", "G", "T"];
  let v = kb;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v}.0K` : `${v.toFixed(1)}${units[i]}`;
}

function df(argv: string[], io: Io, sh: ShellState): number {
  const h = argv.some((a) => /^-[a-zA-Z]*h/.test(a));
  const rows = filesystems(sh).filter((f) => f.kb > 0);
  const head = h ? `${"Filesystem".padEnd(20)} ${"Size".padStart(9)} ${"Used".padStart(9)} Available Use% Mounted on` : `${"Filesystem".padEnd(20)} 1K-blocks      Used Available Use% Mounted on`;
  const cell = (kb: number) => (h ? human(kb) : String(kb)).padStart(9);
  const lines = rows.map((f) => {
    const pct = f.kb ? Math.ceil((f.usedKb * 100) / f.kb) : 0;
    const name = f.source.length > 20 ? `${f.source}\n${" ".repeat(20)}` : f.source.padEnd(20);
    return `${name} ${cell(f.kb)} ${cell(f.usedKb)} ${cell(f.kb - f.usedKb)} ${String(pct).padStart(3)}% ${f.target}`;
  });
  io.stdout.write(`${head}\n${lines.join("\n")}\n`);
  return 0;
}

function mount(_argv: string[], io: Io, sh: ShellState): number {
  io.stdout.write(filesystems(sh).map((f) => `${f.source} on ${f.target} type ${f.type} (${f.options})\n`).join(""));
  return 0;
}

/** The kernel parameters a container sees (its own network namespace's among them). */
const SYSCTLS: [string, string][] = [
  ["kernel.hostname", ""],
  ["kernel.ostype", "Linux"],
  ["kernel.osrelease", "6.1.0-sandbox"],
  ["kernel.pid_max", "4194304"],
  ["kernel.shmmax", "18446744073692774399"],
  ["net.core.somaxconn", "4096"],
  ["net.ipv4.ip_forward", "1"],
  ["net.ipv4.ip_local_port_range", "32768\t60999"],
  ["net.ipv4.ip_unprivileged_port_start", "0"],
  ["net.ipv4.ping_group_range", "0\t2147483647"],
  ["net.ipv4.tcp_keepalive_time", "7200"],
  ["net.ipv4.tcp_syn_retries", "6"],
  ["vm.max_map_count", "262144"],
  ["vm.overcommit_memory", "1"],
  ["vm.swappiness", "60"],
];

function sysctl(argv: string[], io: Io, sh: ShellState): number {
  const table = SYSCTLS.map(([k, v]): [string, string] => [k, k === "kernel.hostname" ? sh.host.hostname : v]);
  const names = argv.slice(1).filter((a) => !a.startsWith("-"));
  const valuesOnly = argv.includes("-n");
  if (argv.includes("-a") || argv.includes("-A") || names.length === 0) {
    io.stdout.write(table.map(([k, v]) => `${k} = ${v}\n`).join(""));
    return 0;
  }
  let status = 0;
  for (const arg of names) {
    const [rawKey, value] = arg.split(/=(.*)/s, 2);
    const key = rawKey.replace(/\//g, ".");
    const known = table.find(([k]) => k === key);
    if (!known) {
      io.stderr.write(`sysctl: error: '${key}' is an unknown key\n`);
      status = 1;
    } else if (value !== undefined) {
      io.stderr.write(`sysctl: error setting key '${key}': Read-only file system\n`);
      status = 1;
    } else io.stdout.write(valuesOnly ? `${known[1]}\n` : `${key} = ${known[1]}\n`);
  }
  return status;
}

/** eth0's MAC, derived from the pod IP as some CNIs do. */
function mac(ip: string): string {
  const octets = ip.split(".").map((n) => Number(n).toString(16).padStart(2, "0"));
  return `0a:58:${octets.join(":")}`;
}

function ip(argv: string[], io: Io, sh: ShellState): number {
  const address = podAddress(sh);
  const subnet = address.split(".").slice(0, 3).join(".");
  const object = argv[1] ?? "";
  if (/^a(d(dr?)?)?$|^address$/.test(object)) {
    io.stdout.write(
      "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n" +
        "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n" +
        "    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n" +
        "    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n" +
        "2: eth0@if9: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue \n" +
        `    link/ether ${mac(address)} brd ff:ff:ff:ff:ff:ff\n` +
        `    inet ${address}/24 brd ${subnet}.255 scope global eth0\n       valid_lft forever preferred_lft forever\n`,
    );
    return 0;
  }
  if (/^r(o(u(te?)?)?)?$/.test(object)) {
    io.stdout.write(`default via ${subnet}.1 dev eth0 \n${subnet}.0/24 dev eth0 scope link  src ${address} \n`);
    return 0;
  }
  if (/^l(i(nk?)?)?$/.test(object)) {
    io.stdout.write(
      "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n" +
        `2: eth0@if9: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue \n    link/ether ${mac(address)} brd ff:ff:ff:ff:ff:ff\n`,
    );
    return 0;
  }
  io.stderr.write("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n");
  return 1;
}

function hostname(argv: string[], io: Io, sh: ShellState): number {
  io.stdout.write(argv.includes("-i") || argv.includes("-I") ? `${podAddress(sh)}${argv.includes("-I") ? " " : ""}\n` : `${sh.host.hostname}\n`);
  return 0;
}

/** Whether an address answers ICMP echo: the pod's own and other pods' do, public sites do; Service ClusterIPs (virtual, only their ports exist) do not. */
function answersPing(sh: ShellState, ip: string): boolean {
  if (ip.startsWith("127.") || ip === podAddress(sh)) return true;
  if (ip.startsWith(SERVICE_PREFIX)) return false;
  if (ip.startsWith("10.244.")) return true;
  return sh.host.connect({ ip, port: 80, http: { method: "HEAD", path: "/", headers: {} } }, sh.host.clock.nowMs).kind !== "refused";
}

function* ping(argv: string[], io: Io, sh: ShellState): Run<number> {
  let count = Infinity;
  let quiet = false;
  let host: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-c") count = Number(argv[++i]);
    else if (/^-c\d+$/.test(a)) count = Number(a.slice(2));
    else if (a === "-q") quiet = true;
    else if (a === "-W" || a === "-w" || a === "-i" || a === "-s") i++;
    else if (!a.startsWith("-")) host = a;
  }
  if (!host) {
    io.stderr.write("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n");
    return 1;
  }
  const resolved = lookupHost(sh, host);
  if (resolved.elapsedMs) yield { type: "sleep", ms: resolved.elapsedMs };
  if (resolved.kind !== "address") {
    io.stderr.write(`ping: bad address '${host}'\n`);
    return 1;
  }
  const ipAddr = resolved.ip;
  io.stdout.write(`PING ${host} (${ipAddr}): 56 data bytes\n`);
  const answers = answersPing(sh, ipAddr);
  const local = ipAddr.startsWith("127.") || ipAddr === podAddress(sh);
  const times: number[] = [];
  let sent = 0;
  for (let seq = 0; seq < count; seq++) {
    if (seq > 0) yield { type: "sleep", ms: 1000 };
    sent++;
    if (!answers) continue;
    const ms = (local ? 0.04 : 0.08) + ((seq * 37) % 50) / 1000;
    times.push(ms);
    if (!quiet) io.stdout.write(`64 bytes from ${ipAddr}: seq=${seq} ttl=${local ? 64 : 63} time=${ms.toFixed(3)} ms\n`);
  }
  if (!answers) yield { type: "sleep", ms: 1000 };
  const received = times.length;
  const loss = sent ? Math.round(((sent - received) * 100) / sent) : 0;
  io.stdout.write(`\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n`);
  if (received) {
    const avg = times.reduce((a, b) => a + b, 0) / received;
    io.stdout.write(`round-trip min/avg/max = ${Math.min(...times).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...times).toFixed(3)} ms\n`);
  }
  return received ? 0 : 1;
}

export const SYSTEM_COMMANDS: Record<string, Builtin> = { ps, top, free, df, mount, uptime, sysctl, ip, hostname, ping };
