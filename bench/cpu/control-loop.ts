// `npm run bench:cpu`: the control loop of one cluster, in Node on node:sqlite, with a simulated clock. The same
// scale as bench:scale (100 nodes, a Deployment of 10,000 replicas, fast pace), but measured without wrangler,
// HTTP or the alarm's scheduling: only the CPU the store, the registry and the controllers spend. Run it with
// `--cpu-prof` (see package.json) to see where that time goes.
import type { ClusterSpec } from "../../src/api/platform";
import { assemble } from "../../src/cluster/assemble";
import { bootstrapCluster } from "../../src/cluster/bootstrap-cluster";
import { rfc3339 } from "../../src/runtime/clock";
import { randomNameSuffix, randomUid } from "../../src/runtime/random";
import { every } from "../../src/runtime/timers";
import { nodeStorage } from "./sqlite-storage";

const replicas = Number(process.env.SCALE_REPLICAS ?? 10_000);
const workers = Number(process.env.SCALE_NODES ?? 100);

let now = Date.parse("2026-01-01T00:00:00Z");
const spec: ClusterSpec = { name: "bench", workers, nodeResources: { cpu: "64", memory: "256Gi", pods: 200 }, pace: "fast" };
const { table, store, registry, controllers: manager } = assemble({
  ...nodeStorage(),
  clock: { now: () => now, rfc3339, every },
  random: { uid: randomUid, nameSuffix: randomNameSuffix },
  maxObjects: 100_000,
  cluster: () => spec,
  wake: async () => {},
});

/**
 * Run alarms until nothing is due before `until`, the way the Durable Object's alarm would: the simulated clock moves
 * on by the CPU time each run took (so steps that fell due meanwhile are applied together, as in the real object),
 * or to the next due timer.
 */
function runUntilIdle(until: number): { alarms: number; cpuMs: number } {
  let alarms = 0;
  let cpuMs = 0;
  for (;;) {
    const started = performance.now();
    const next = manager.run(now);
    const spent = performance.now() - started;
    cpuMs += spent;
    alarms += 1;
    now += Math.ceil(spent);
    if (next === undefined || next > until) return { alarms, cpuMs };
    now = Math.max(now, next);
  }
}

const writesByBucket = new Map<string, number>();
store.subscribe((events) => {
  for (const event of events) {
    const bucket = `${event.type} ${event.key.split("/").slice(1, 3).join("/")}`;
    writesByBucket.set(bucket, (writesByBucket.get(bucket) ?? 0) + 1);
  }
});
store.batch(() => bootstrapCluster(registry, spec, { now, rfc3339, uid: randomUid }));
runUntilIdle(now + 5_000);
now += 5_000;

const deployments = table.byResource("apps", "v1", "deployments")!;
const started = performance.now();
const simulatedStart = now;
registry.create(deployments, "default", {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "big", namespace: "default" },
  spec: {
    replicas,
    selector: { matchLabels: { app: "big" } },
    template: {
      metadata: { labels: { app: "big" } },
      spec: { containers: [{ name: "web", image: "nginx:1.27", resources: { requests: { cpu: "10m", memory: "16Mi" } } }] },
    },
  },
} as never);
let available = 0;
let alarms = 0;
let cpuMs = 0;
while (available < replicas && now - simulatedStart < 600_000) {
  const run = runUntilIdle(now + 100);
  alarms += run.alarms;
  cpuMs += run.cpuMs;
  now += 100;
  // The bench polls every 100 simulated ms; the time between is idle.
  available = (registry.get(deployments, "default", "big").status as { availableReplicas?: number } | undefined)?.availableReplicas ?? 0;
}
const wallMs = performance.now() - started;
if (process.env.BENCH_DUMP) {
  for (const prefix of ["/core/pods/default/", "/core/events/default/"]) console.log(JSON.stringify(store.list(prefix)[0]));
}
const writes = store.revision;
// With `npm run bench:cpu -- --expose-gc`, the heap figure below is what stays alive.
(globalThis as unknown as { gc?: () => void }).gc?.();
console.log(`Control loop: ${replicas} replicas on ${workers} nodes (fast pace), in Node on node:sqlite
  all available: ${available >= replicas} (${available})
  CPU in the control loop: ${(cpuMs / 1000).toFixed(2)} s over ${alarms} alarm runs (${Math.round(available / (cpuMs / 1000))} pods per CPU second)
  wall (incl. the bench's own polling): ${(wallMs / 1000).toFixed(2)} s
  simulated time: ${((now - simulatedStart) / 1000).toFixed(1)} s; store revision ${writes} (${(writes / replicas).toFixed(1)} writes per pod)
  heap after the run: ${Math.round((globalThis as unknown as { process: { memoryUsage(): { heapUsed: number } } }).process.memoryUsage().heapUsed / 2 ** 20)} MiB (history: ${store.historySize()} events)
  writes: ${[...writesByBucket].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ")}`);
