// The kinds a cluster serves, for the dashboard's pages: its discovery, kept for a minute per cluster in this
// isolate (kubectl keeps discovery too), so that a page and its live refreshes do not ask for it every time.
import { Catalog } from "./catalog";
import type { ClusterClient } from "./cluster-client";

export const discoveryTtlMs = 60_000;
const maxClusters = 1_000;

/** Only answers that succeeded are kept: a refused token's answer never stands in for another caller's. */
const kept = new Map<string, { at: number; catalog: Catalog }>();

/** The cluster's kinds at `now` (ms): from the isolate's copy when it is fresh, else from the cluster's discovery. */
export async function catalogOf(client: ClusterClient, now: number): Promise<Catalog> {
  const entry = kept.get(client.clusterId);
  if (entry && now >= entry.at && now - entry.at < discoveryTtlMs) return entry.catalog;
  const catalog = Catalog.fromDiscovery(await client.discovery());
  kept.delete(client.clusterId);
  if (kept.size >= maxClusters) kept.delete(kept.keys().next().value!);
  kept.set(client.clusterId, { at: now, catalog });
  return catalog;
}
