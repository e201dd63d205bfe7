// The wire format of aggregated discovery (apidiscovery.k8s.io/v2 APIGroupDiscoveryList): what a client gets from
// `/api` (the core group) and `/apis` (every named group) for `Accept: aggregatedDiscoveryAccept`, as kubectl asks.

export const aggregatedDiscoveryAccept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

export interface DiscoveredResource {
  resource: string;
  responseKind: { group: string; version: string; kind: string };
  scope: "Namespaced" | "Cluster";
  singularResource: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

export interface APIGroupDiscoveryList {
  kind: "APIGroupDiscoveryList";
  apiVersion: string;
  items: Array<{
    metadata: { name: string };
    versions: Array<{ version: string; resources: DiscoveredResource[]; freshness?: string }>;
  }>;
}
