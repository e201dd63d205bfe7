// `npm run bench:cpu`: the control loop of one cluster, in Node on node:sqlite, with a simulated clock. The same
// scale as bench:scale (100 nodes, a Deployment of 10,000 replicas, fast pace), but measured without wrangler,
// HTTP or the alarm's scheduling: only the CPU the store, the registry and the controllers spend. Run it with
// `--cpu-prof` (see package.json) to see where that time goes.
import { DatabaseSync } from "node:sqlite";
import type { ClusterSpec } from "../../src/api/platform";
import { admissionPlugins } from "../../src/cluster/admission";
import { bootstrapCluster } from "../../src/cluster/bootstrap-cluster";
import { EventRecorder } from "../../src/cluster/controllers/event-recorder";
import { Indexes } from "../../src/cluster/controllers/indexes";
import { ControllerManager } from "../../src/cluster/controllers/manager";
import { RegistryStore } from "../../src/cluster/registry/generic-store";
import { bucketOfKind } from "../../src/cluster/registry/keys";
import { ResourceTable } from "../../src/cluster/registry/resource-table";
import { resources } from "../../src/cluster/registry/resources";
import { rfc3339 } from "../../src/cluster/runtime/clock";
import { randomNameSuffix, randomUid } from "../../src/cluster/runtime/random";
import { Store } from "../../src/cluster/storage/store";

/** The Durable Object SqlStorage calls the store uses, over node:sqlite. */
function sqlStorage(db: DatabaseSync): SqlStorage {
  const exec = (query: string, ...bindings: unknown[]) => {
    const statement = db.prepare(query);
    const rows = /^\s*(SELECT|WITH)/i.test(query) ? (statement.all(...(bindings as never[])) as Record<string, unknown>[]) : (statement.run(...(bindings as never[])), []);
    return { toArray: () => rows, one: () => rows[0], [Symbol.iterator]: () => rows[Symbol.iterator]() };
  };
  return { exec } as unknown as SqlStorage;
}

function transaction(db: DatabaseSync) {
  return <T>(fn: () => T): T => {
    db.exec("BEGIN");
    try {
      const out = fn();
      db.exec("COMMIT");
      return out;
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  };
}

const replicas = Number(process.env.SCALE_REPLICAS ?? 10_000);
const workers = Number(process.env.SCALE_NODES ?? 100);

const db = new DatabaseSync(":memory:");
const sql = sqlStorage(db);
const table = new ResourceTable(resources);
let now = Date.parse("2026-01-01T00:00:00Z");
const store = new Store(sql, transaction(db), { coldBuckets: table.defs.filter((d) => d.cold).map(bucketOfKind) });
const registry = new RegistryStore(store, { now: () => now, rfc3339, uid: randomUid, nameSuffix: randomNameSuffix }, 100_000);
for (const check of admissionPlugins(registry, table)) registry.addAdmission(check);
for (const def of table.defs) if (def.uncounted) registry.declareUncounted(def);
const spec: ClusterSpec = { name: "bench", workers, nodeResources: { cpu: "64", memory: "256Gi", pods: 200 }, pace: "fast" };
const manager = new ControllerManager({
  registry,
  table,
  store,
  sql,
  events: new EventRecorder(registry, table.byResource("", "v1", "events")!, rfc3339),
  indexes: new Indexes(store),
  cluster: () => spec,
  now: () => now,
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
