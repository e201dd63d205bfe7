// What a container's program uses: CPU (millicores) and memory (bytes) as a pure function of its spec, the time since
// it started, and the rate of connections it answers. Nothing is stored: a usage is recomputed at any moment, the same
// every time (a small wobble comes from a hash of the container and the 15-second slot, never from randomness).
//
//   idle servers   a few Mi and about 1m, plus a cost per answered request per second
//   shells         sleeping ~0; a loop with no sleep in it (`while true; do :; done`) or `yes`: a whole core
//   stress         polinux/progrium `--cpu N --vm N --vm-bytes B`, vish `-cpus N -mem-total B -mem-alloc-size B
//                  -mem-alloc-sleep D`: what the arguments ask
// CPU is capped at the container's CPU limit (the CFS quota throttles it); memory beyond the limit is the kernel's OOM
// kill (`oomKillAtMs`; `stress` times its own), so a running container's memory never shows above its limit.

import { findProfile } from "../catalog";
import { resolveArgv } from "../argv";
import { parseImageReference } from "../reference";
import type { ProcessSpec } from "../types";
import { flagValue } from "./program";

const Ki = 1024;
const Mi = 1024 * 1024;

/** When and under which load a usage is asked for. */
export interface UsageQuery {
  /** Milliseconds since the container started. */
  atMs: number;
  /** Connections the container answered per second lately (the cluster network's count); 0 when absent. */
  requestsPerSecond?: number;
  /** The container's CPU limit in millicores (resources.limits.cpu); unbounded when absent. */
  cpuLimitMillis?: number;
}

export interface ContainerUsage {
  /** CPU in millicores (fractional), at most the CPU limit. */
  cpuMillis: number;
  memoryBytes: number;
  /** True when the program wanted more CPU than its limit allows. */
  throttled: boolean;
  /** Until when (ms since the start) the program's memory still grows; absent once it holds what it will. */
  memoryGrowsUntilMs?: number;
}

/** A program's demand over time, before the limit. */
interface Demand {
  /** Idle CPU in millicores. */
  cpu: number;
  /** Millicores per request answered per second. */
  perRequest: number;
  /** Memory in bytes at `atMs`. */
  memory(atMs: number): number;
  /** When (ms since the start) the memory stops growing; 0 for a steady footprint. */
  growsUntilMs?: number;
}

const steady = (cpu: number, memory: number, perRequest = 0.5): Demand => ({ cpu, perRequest, memory: () => memory });

/** Well-known programs by base name: idle CPU, bytes, cost per request. */
const SERVERS: Record<string, Demand> = {
  nginx: steady(1, 3 * Mi, 0.3),
  "nginx-debug": steady(1, 3 * Mi, 0.3),
  httpd: steady(1, 8 * Mi, 0.6),
  "httpd-foreground": steady(1, 8 * Mi, 0.6),
  // hpa-example's index.php: a million square roots per request, about 7 ms of CPU.
  "apache2-foreground": steady(1, 10 * Mi, 7),
  "redis-server": steady(2, 3 * Mi, 0.2),
  postgres: steady(3, 30 * Mi, 1),
  mysqld: steady(6, 380 * Mi, 1),
  mongod: steady(8, 150 * Mi, 1),
  node: steady(1, 40 * Mi, 1),
  python: steady(1, 10 * Mi, 2),
  python3: steady(1, 10 * Mi, 2),
  gunicorn: steady(2, 40 * Mi, 3),
  go: steady(0.5, 5 * Mi),
  agnhost: steady(1, 10 * Mi, 0.3),
  "http-echo": steady(0.5, 5 * Mi, 0.2),
  "run.sh": steady(1, 5 * Mi, 0.5),
  pause: steady(0, 300 * Ki),
  hello: steady(0, 200 * Ki),
  coredns: steady(2, 15 * Mi, 0.2),
  etcd: steady(20, 40 * Mi),
  "kube-apiserver": steady(40, 250 * Mi),
  "kube-controller-manager": steady(10, 50 * Mi),
  "kube-scheduler": steady(3, 20 * Mi),
  "kube-proxy": steady(1, 15 * Mi),
  "metrics-server": steady(4, 18 * Mi),
};

/** An image the simulator does not know: a small server. */
const GENERIC = steady(1, 5 * Mi, 1);
const SHELL_MEMORY = 400 * Ki;

const baseName = (name: string) => name.slice(name.lastIndexOf("/") + 1);

/** Bytes in a size such as 150M, 150Mi, 1G, 512k (stress and Kubernetes spellings). */
export function parseSize(text: string | undefined, fallback: number): number {
  const m = /^(\d+(?:\.\d+)?)([bkmgBKMG]?)i?$/.exec(text ?? "");
  if (!m) return fallback;
  const unit = { "": 1, b: 1, k: Ki, m: Mi, g: 1024 * Mi }[m[2].toLowerCase()] as number;
  return Number(m[1]) * unit;
}

/** A Go duration such as 1s, 500ms, 2m, in ms. */
function parseDuration(text: string | undefined, fallback: number): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text ?? "");
  if (!m) return fallback;
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as "ms" | "s" | "m" | "h"];
}

/**
 * What `stress` asks for. polinux/progrium: `--cpu N` busy workers, `--vm N --vm-bytes B` workers holding B each
 * (`--vm-hang` makes them sleep between rounds: little CPU). vish: `-cpus N`, and `-mem-total B` allocated by
 * `-mem-alloc-size` every `-mem-alloc-sleep`.
 */
export function stressDemand(argv: string[]): Demand & { memoryTarget: number } {
  const cpus = Number(flagValue(argv, "cpus") ?? 0) || 0;
  const cpuHogs = Number(flagValue(argv, "cpu") ?? flagValue(argv, "c") ?? 0) || 0;
  const vm = Number(flagValue(argv, "vm") ?? flagValue(argv, "m") ?? 0) || 0;
  const vmBytes = parseSize(flagValue(argv, "vm-bytes"), 256 * Mi);
  const hang = flagValue(argv, "vm-hang") !== undefined;
  const base = 1 * Mi;
  const cpu = 1000 * (cpus + cpuHogs) + vm * (hang ? 20 : 1000);
  const memTotal = parseSize(flagValue(argv, "mem-total"), 0);
  if (memTotal > 0) {
    const step = parseSize(flagValue(argv, "mem-alloc-size"), 4 * Mi);
    const every = parseDuration(flagValue(argv, "mem-alloc-sleep"), 1000);
    return {
      cpu,
      perRequest: 0,
      memoryTarget: base + memTotal,
      memory: (atMs) => base + Math.min(memTotal, step * Math.floor(Math.max(0, atMs) / every + 1)),
      growsUntilMs: (Math.ceil(memTotal / step) - 1) * every,
    };
  }
  // polinux's vm workers allocate within a few hundred ms of the start.
  const held = vm * vmBytes;
  return { cpu, perRequest: 0, memoryTarget: base + held, memory: (atMs) => base + (atMs >= 300 ? held : 0), growsUntilMs: held ? 300 : 0 };
}

/** Does a shell script keep a core busy: a `while`/`until` loop with no sleep or wait in it, or `yes`? */
export function busyScript(script: string): boolean {
  if (/(^|[;&|(\s])yes(\s|$|[;&|)>])/.test(script)) return true;
  const loop = /\b(while|until)\b([\s\S]*?)\bdone\b/.exec(script);
  if (!loop) return false;
  return !/\b(sleep|wait|read|nc|wget|curl|tail)\b/.test(loop[2]);
}

const SHELLS = new Set(["sh", "bash", "ash", "dash", "zsh"]);

function demandOf(spec: ProcessSpec): Demand {
  const parsed = parseImageReference(spec.image);
  const profile = parsed.ok ? findProfile(parsed.ref.repository) : undefined;
  let argv = resolveArgv(spec, profile);
  // An image's entrypoint script runs its arguments (`docker-entrypoint.sh nginx -g ...`), or its own server for flags.
  if (/entrypoint\.sh$/.test(argv[0] ?? "")) {
    const next = argv[1];
    argv = next === undefined || next.startsWith("-") ? [profile ? baseName(profile.repository) : "", ...argv.slice(1)] : argv.slice(1);
  }
  const name = baseName(argv[0] ?? "");
  if (name === "stress") return stressDemand(argv);
  if (SHELLS.has(name)) {
    const script = argv[argv.indexOf("-c") + 1];
    if (argv.includes("-c") && script !== undefined) return busyScript(script) ? steady(1000, SHELL_MEMORY) : steady(0.1, SHELL_MEMORY);
    return steady(0, SHELL_MEMORY);
  }
  if (name === "yes") return steady(1000, 200 * Ki);
  if (name === "sleep" || name === "tail") return steady(0, 200 * Ki);
  if (SERVERS[name]) return SERVERS[name];
  const fromImage = profile && baseName(profile.repository);
  if (fromImage && SERVERS[fromImage]) return SERVERS[fromImage];
  return GENERIC;
}

const demands = new WeakMap<ProcessSpec, Demand>();

function demandFor(spec: ProcessSpec): Demand {
  let demand = demands.get(spec);
  if (!demand) demands.set(spec, (demand = demandOf(spec)));
  return demand;
}

/** The least memory limit runc starts a container in: below it, the container's init is OOM-killed before the program runs. */
export const RUNC_INIT_BYTES = 4 * Mi;
/**
 * When the kernel's OOM killer ends the program of `spec`: the moment its memory (without the wobble) first goes over
 * the container's memory limit; undefined when it never does, or for `stress`, which times its own allocations. A
 * program the model gives a steady footprint needs it to load, so it is killed at its start, before it prints.
 */
export function oomKillAtMs(spec: ProcessSpec): number | undefined {
  const limit = spec.memoryLimitBytes;
  if (limit === undefined) return undefined;
  const demand = demandFor(spec);
  if ("memoryTarget" in demand) return undefined;
  return demand.memory(0) > limit ? 0 : undefined;
}

/** FNV-1a of a string, for the deterministic wobble. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A factor in [1 - spread, 1 + spread], fixed per container and 15-second slot. */
function wobble(spec: ProcessSpec, atMs: number, spread: number): number {
  const slot = Math.floor(Math.max(0, atMs) / 15_000);
  return 1 + spread * ((hash(`${spec.hostname}/${spec.image}/${slot}`) % 2001) / 1000 - 1);
}

/** The usage of the container started from `spec`, `query.atMs` after its start. */
export function containerUsage(spec: ProcessSpec, query: UsageQuery): ContainerUsage {
  const demand = demandFor(spec);
  const rps = Math.max(0, query.requestsPerSecond ?? 0);
  const busy = demand.cpu >= 1000;
  const wanted = (demand.cpu + demand.perRequest * rps) * (busy ? 1 : wobble(spec, query.atMs, 0.2));
  const limit = query.cpuLimitMillis;
  const throttled = limit !== undefined && wanted > limit;
  let memory = demand.memory(query.atMs) * wobble(spec, query.atMs + 7_500, 0.03);
  if (spec.memoryLimitBytes !== undefined) memory = Math.min(memory, spec.memoryLimitBytes);
  const grows = demand.growsUntilMs !== undefined && query.atMs < demand.growsUntilMs ? { memoryGrowsUntilMs: demand.growsUntilMs } : {};
  return { cpuMillis: throttled ? limit : wanted, memoryBytes: Math.round(memory), throttled, ...grows };
}
