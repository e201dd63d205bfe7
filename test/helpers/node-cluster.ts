// A whole cluster in Node (node:sqlite), assembled as the Durable Object assembles it (src/cluster/assemble.ts), on
// a fake clock and deterministic randomness. `runUntilIdle()` runs the control loop as the alarm would, advancing the
// clock to each next due time, and fails loudly when the loop does not settle within its bound.
import type { ClusterSpec } from "../../src/api/platform";
import { assemble, type ClusterParts } from "../../src/cluster/assemble";
import { bootstrapCluster } from "../../src/cluster/bootstrap-cluster";
import type { Controller } from "../../src/cluster/control-loop/types";
import type { ProxyConnection } from "../../src/cluster/registry/proxy-connection";
import type { ContainerRuntimePort } from "../../src/cluster/kubelet/runtime-port";
import type { Caller } from "../../src/cluster/registry/types";
import { rfc3339 } from "../../src/runtime/clock";
import { nodeStorage } from "../../bench/cpu/sqlite-storage";

export interface NodeClusterOptions {
  /** Where the fake clock starts (ms); any fixed date works in Node. */
  start?: number;
  /** Nodes and namespaces as a created sandbox has them; false leaves the store empty. */
  bootstrap?: boolean;
  spec?: Partial<ClusterSpec>;
  maxObjects?: number;
  controllers?: Controller[];
  /** What the proxy subresources reach; the assembly's stand-in when absent. */
  proxy?: ProxyConnection;
  /** The container runtime (the simulated one when absent). */
  runtime?: ContainerRuntimePort;
  /** The database to assemble over: another cluster's, to assemble it again as a restarted object does (new when absent). */
  storage?: ReturnType<typeof nodeStorage>;
  /** The cluster id its ServiceAccount tokens name. */
  clusterId?: string;
}

export interface RunBounds {
  /** Most control-loop passes (default 1,000). */
  maxPasses?: number;
  /** Most simulated time to advance (default 10 minutes). */
  maxMs?: number;
}

export const admin: Caller = { role: "admin", user: "sandbox:admin" };
export const viewer: Caller = { role: "view", user: "sandbox:viewer" };

const suffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

export type NodeCluster = ReturnType<typeof nodeCluster>;

export function nodeCluster(options: NodeClusterOptions = {}) {
  let now = options.start ?? Date.parse("2026-01-01T00:00:00Z");
  let uids = 0;
  let suffixes = 0;
  const intervals = new Set<{ every: number; next: number; fn: () => void }>();
  const spec: ClusterSpec = { name: "test", workers: 2, nodeResources: { cpu: "2", memory: "4Gi", pods: 110 }, pace: "fast", ...options.spec };
  const parts: ClusterParts = assemble({
    ...(options.storage ?? nodeStorage()),
    clock: {
      now: () => now,
      rfc3339,
      every(ms, fn) {
        const interval = { every: ms, next: now + ms, fn };
        intervals.add(interval);
        return () => intervals.delete(interval);
      },
    },
    random: {
      uid: () => `00000000-0000-4000-8000-${String(++uids).padStart(12, "0")}`,
      nameSuffix: () => {
        let n = ++suffixes;
        let out = "";
        for (let i = 0; i < 5; i++, n = Math.floor(n / suffixAlphabet.length)) out += suffixAlphabet[n % suffixAlphabet.length];
        return out;
      },
    },
    maxObjects: options.maxObjects,
    cluster: () => spec,
    wake: async () => {},
    controllers: options.controllers,
    proxy: options.proxy,
    runtime: options.runtime,
    tokenKeys: () => ({ key: "node-cluster-token-key", clusterId: options.clusterId ?? "nodeclusteraaaaaaaaaaaaaaaaaaaaaaaaa" }),
  });
  if (options.bootstrap !== false) parts.store.batch(() => bootstrapCluster(parts.registry, spec, { now, rfc3339, uid: () => `boot-${++uids}` }));

  /** Move the fake clock to `to`, firing the wall-clock intervals (log follows) due on the way. */
  function moveTo(to: number): void {
    for (;;) {
      let first: { every: number; next: number; fn: () => void } | undefined;
      for (const i of intervals) if (i.next <= to && (!first || i.next < first.next)) first = i;
      if (!first) break;
      now = Math.max(now, first.next);
      first.next += first.every;
      first.fn();
    }
    now = Math.max(now, to);
  }

  return {
    ...parts,
    spec,
    get now() {
      return now;
    },
    /** Run the control loop once at the current time; when it is next due, if at all. */
    runOnce(): number | undefined {
      return parts.controllers.run(now);
    },
    /**
     * Run the control loop at the clock's time, then at each next due time, until nothing is due. Throws when that
     * takes more than `maxPasses` passes or `maxMs` of simulated time: the cluster does not settle.
     */
    runUntilIdle(bounds: RunBounds = {}): { passes: number; elapsedMs: number } {
      const maxPasses = bounds.maxPasses ?? 1000;
      const maxMs = bounds.maxMs ?? 600_000;
      const started = now;
      for (let passes = 1; ; passes++) {
        const next = parts.controllers.run(now);
        if (next === undefined) return { passes, elapsedMs: now - started };
        if (passes >= maxPasses || next - started > maxMs) {
          throw new Error(
            `the control loop did not settle: after ${passes} passes over ${now - started} ms it is due again at ` +
              `+${next - started} ms (bounds: ${maxPasses} passes, ${maxMs} ms; ${parts.controllers.pending} keys queued)`,
          );
        }
        moveTo(Math.max(now, next));
      }
    },
    /** Run everything due up to `ms` from now (the control loop and wall-clock intervals), then stop the clock there. */
    advance(ms: number): void {
      const until = now + ms;
      for (;;) {
        const next = parts.controllers.run(now);
        if (next === undefined || next > until) break;
        moveTo(Math.max(now, next));
      }
      moveTo(until);
    },
    /** A Kubernetes API request (`path` like `/api/v1/namespaces?limit=1`), then the queued work's wake-up, as the object does. */
    async request(path: string, init: RequestInit & { caller?: Caller } = {}): Promise<Response> {
      const { caller = admin, ...rest } = init;
      const url = new URL(path, "http://cluster");
      const response = await parts.api.handle(new Request(url, rest), url.pathname, caller);
      await parts.controllers.flush();
      return response;
    },
  };
}
