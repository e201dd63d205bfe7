// The layers of docs/architecture.md ("Layers and imports") as data: which layer a source file belongs to, and
// which imports between layers the rules allow. Imports flow worker → dashboard → platform → cluster → apiserver →
// registry → storage → runtime; everything may use api/.

/** A layer's rank: a file may import from its own folder and from lower ranks; peers (same rank, other folder) not. */
const layers: Array<[prefix: string, rank: number]> = [
  ["src/api/", 0],
  ["src/runtime/", 1],
  // The container simulator: a package of its own, imports nothing (the kubelet reaches it through its runtime port).
  ["src/container-sim/", 1],
  ["src/cluster/timing.ts", 1],
  ["src/cluster/cluster-dns.ts", 1],
  ["src/cluster/storage/", 2],
  ["src/cluster/registry/", 3],
  // Clients of the registry, plugged in by the wiring; they do not import each other.
  ["src/cluster/admission/", 4],
  ["src/cluster/apiserver/", 4],
  // The control-loop machinery: manager, work queue and timers, watch routes, indexes, event recorder.
  ["src/cluster/control-loop/", 4],
  ["src/cluster/redaction/", 4],
  // Controllers built on the control-loop machinery; they do not import each other.
  ["src/cluster/controllers/", 5],
  ["src/cluster/kubelet/", 5],
  ["src/cluster/network/", 5],
  ["src/cluster/scheduler/", 5],
  // The wiring: the Durable Object, assemble(), the controller list, bootstrap.
  ["src/cluster/", 6],
  // Platform code shared by the dashboard and the Worker: sandbox creation, kubeconfigs, cluster ids, per-client
  // limits, the Worker's bindings (env.ts).
  ["src/platform/", 7],
  // The read-only pages: a client of the cluster's API, as kubectl is.
  ["src/dashboard/", 8],
  // The Worker's router mounts the platform API, the kube proxy and the dashboard's routes.
  ["src/worker/", 9],
  ["src/index.ts", 10],
];

export interface Layer {
  /** The folder (or file) the layer is named by, e.g. `src/cluster/registry/`. */
  name: string;
  rank: number;
}

export function layerOf(file: string): Layer {
  let best: [string, number] | undefined;
  for (const entry of layers) if (file.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  if (!best) throw new Error(`${file} is in no layer of test/architecture/layers.ts: add it`);
  // A file directly in src/cluster/ is its own folder for the peer rule.
  const name = best[0] === "src/cluster/" ? file : best[0];
  return { name, rank: best[1] };
}

/** Why `from` may not import `to`, or undefined when it may. */
export function violation(from: string, to: string): string | undefined {
  const a = layerOf(from);
  const b = layerOf(to);
  if (a.name === b.name || b.rank === 0) return undefined;
  if (a.rank < b.rank) return `${a.name} (layer ${a.rank}) imports the higher ${b.name} (layer ${b.rank})`;
  // The files of the wiring (directly in src/cluster/) may use each other.
  if (a.rank === b.rank && a.rank !== 6) return `${a.name} imports its peer ${b.name}`;
  // The Worker, the platform code and the dashboard reach a cluster through its Durable Object (and its API),
  // nothing deeper.
  if (!from.startsWith("src/cluster/") && to.startsWith("src/cluster/") && to !== "src/cluster/cluster-object.ts") {
    return `${a.name} reaches into the cluster (${to}) past its Durable Object`;
  }
  return undefined;
}
