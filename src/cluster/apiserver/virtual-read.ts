// Kinds computed when read (ResourceDef.virtualRead: PodMetrics, NodeMetrics) and the aggregated APIs that serve them
// (ResourceDef.aggregatedAvailable): the kube-aggregator's answer while the backend is not available, and the
// discovery that leaves such a group out until it is.
import { methodNotAllowed } from "../../api/status";
import type { RegistryStore } from "../registry/generic-store";
import type { MetricsSource } from "../registry/metrics/source";
import { ResourceTable } from "../registry/resource-table";
import type { ResourceDef } from "../registry/types";
import { json } from "./respond";

/** The aggregator's proxy answer when the APIService's backend is unavailable (Go's http.Error). */
export function serviceUnavailable(): Response {
  return new Response("service unavailable\n", {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
  });
}

export function aggregatedUnavailable(def: ResourceDef, registry: RegistryStore): boolean {
  return def.aggregatedAvailable !== undefined && !def.aggregatedAvailable(registry);
}

/** The table discovery describes: without the resources of aggregated APIs that are unavailable now. */
export class DiscoveryTables {
  private readonly cache = new Map<string, ResourceTable>();

  constructor(private readonly table: ResourceTable) {}

  current(registry: RegistryStore): ResourceTable {
    const hidden = this.table.defs.filter((d) => aggregatedUnavailable(d, registry));
    if (!hidden.length) return this.table;
    const key = hidden.map((d) => `${d.group}/${d.version}/${d.resource}`).join(",");
    let table = this.cache.get(key);
    if (!table) this.cache.set(key, (table = new ResourceTable(this.table.defs.filter((d) => !hidden.includes(d)), this.table.bodies)));
    return table;
  }
}

export interface VirtualReadOptions {
  verb: string;
  namespace: string | undefined;
  name: string | undefined;
  query: URLSearchParams;
  registry: RegistryStore;
  now: number;
  rfc3339(ms: number): string;
  metrics: MetricsSource;
}

/** get or list of a computed kind. */
export function virtualRead(def: ResourceDef, options: VirtualReadOptions): Response {
  const read = def.virtualRead!;
  const { verb, ...request } = options;
  if (verb === "get") return json({ kind: def.kind, apiVersion: `${def.group}/${def.version}`, ...read.get(request) });
  if (verb === "list") return json({ kind: def.listKind, apiVersion: `${def.group}/${def.version}`, metadata: {}, items: read.list(request) });
  throw methodNotAllowed("the server does not allow this method on the requested resource");
}
