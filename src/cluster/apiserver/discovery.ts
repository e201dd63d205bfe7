// Discovery documents built from the resource table: aggregated (v2 and v2beta1, chosen by Accept), legacy
// /api, /apis, /apis/<g>, and the APIResourceList of each group-version (which drain and auth can-i need even when
// aggregated discovery is served; kubectl-wire.md §4).
import { apiVersionOf, type ResourceTable } from "../registry/resource-table";
import type { ResourceDef } from "../registry/types";

/** Subresource → the kind its responses carry (when not the parent's kind) and its verbs. */
const subresourceShapes: Record<string, { group?: string; version?: string; kind?: string; verbs: string[] }> = {
  status: { verbs: ["get", "patch", "update"] },
  scale: { group: "autoscaling", version: "v1", kind: "Scale", verbs: ["get", "patch", "update"] },
  binding: { version: "v1", kind: "Binding", verbs: ["create"] },
  eviction: { group: "policy", version: "v1", kind: "Eviction", verbs: ["create"] },
  log: { version: "v1", kind: "Pod", verbs: ["get"] },
  exec: { version: "v1", kind: "PodExecOptions", verbs: ["create", "get"] },
  attach: { version: "v1", kind: "PodAttachOptions", verbs: ["create", "get"] },
  portforward: { version: "v1", kind: "PodPortForwardOptions", verbs: ["create", "get"] },
  // The kind is the parent's: PodProxyOptions, ServiceProxyOptions, NodeProxyOptions (shapeOf).
  proxy: { version: "v1", verbs: ["create", "delete", "get", "patch", "update"] },
  finalize: { verbs: ["update"] },
  ephemeralcontainers: { verbs: ["get", "patch", "update"] },
  token: { group: "authentication.k8s.io", version: "v1", kind: "TokenRequest", verbs: ["create"] },
};

function shapeOf(def: ResourceDef, sub: string): { group?: string; version?: string; kind?: string; verbs: string[] } {
  const shape = subresourceShapes[sub] ?? { verbs: ["get"] };
  return sub === "proxy" ? { ...shape, kind: `${def.kind}ProxyOptions` } : shape;
}

function aggregatedResource(def: ResourceDef) {
  const entry: Record<string, unknown> = {
    resource: def.resource,
    responseKind: { group: def.group, version: def.version, kind: def.kind },
    scope: def.namespaced ? "Namespaced" : "Cluster",
    singularResource: def.singular,
    verbs: [...def.verbs].sort(),
  };
  if (def.shortNames?.length) entry.shortNames = def.shortNames;
  if (def.categories?.length) entry.categories = def.categories;
  if (def.subresources?.length) {
    entry.subresources = def.subresources.map((sub) => {
      const shape = shapeOf(def, sub);
      return {
        subresource: sub,
        responseKind: {
          group: shape.kind ? shape.group ?? "" : def.group,
          version: shape.kind ? shape.version ?? "v1" : def.version,
          kind: shape.kind ?? def.kind,
        },
        verbs: shape.verbs,
      };
    });
  }
  return entry;
}

export type AggregatedVersion = "v2" | "v2beta1";

/** Which aggregated discovery version the client accepts, if any (v2 preferred over v2beta1). */
export function negotiateAggregated(accept: string | null): AggregatedVersion | undefined {
  if (!accept) return undefined;
  const versions = new Set<string>();
  for (const offer of accept.split(",")) {
    const params = new Map(
      offer.split(";").slice(1).map((p) => {
        const [k, v = ""] = p.trim().split("=");
        return [k, v] as [string, string];
      }),
    );
    if (params.get("g") === "apidiscovery.k8s.io" && params.get("as") === "APIGroupDiscoveryList") {
      versions.add(params.get("v") ?? "");
    }
  }
  if (versions.has("v2")) return "v2";
  if (versions.has("v2beta1")) return "v2beta1";
  return undefined;
}

export function aggregatedContentType(version: AggregatedVersion): string {
  return `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
}

/** The aggregated list for `/api` (core group only) or `/apis` (every named group). */
export function aggregatedDiscovery(table: ResourceTable, version: AggregatedVersion, core: boolean) {
  const groups = table.groups().filter((g) => (core ? g === "" : g !== ""));
  return {
    kind: "APIGroupDiscoveryList",
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: groups.map((group) => ({
      metadata: { name: group },
      versions: table.versionsOf(group).map((v) => ({
        version: v,
        resources: table.inGroupVersion(group, v).map(aggregatedResource),
        freshness: "Current",
      })),
    })),
  };
}

export function apiVersions(serverAddress: string) {
  return {
    kind: "APIVersions",
    versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }],
  };
}

function apiGroup(table: ResourceTable, group: string) {
  const versions = table.versionsOf(group).map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { name: group, versions, preferredVersion: versions[0] };
}

export function apiGroupList(table: ResourceTable) {
  return {
    kind: "APIGroupList",
    apiVersion: "v1",
    groups: table.groups().filter((g) => g !== "").map((g) => apiGroup(table, g)),
  };
}

export function apiGroupDocument(table: ResourceTable, group: string) {
  if (!table.versionsOf(group).length) return undefined;
  return { kind: "APIGroup", apiVersion: "v1", ...apiGroup(table, group) };
}

export function apiResourceList(table: ResourceTable, group: string, version: string) {
  const defs = table.inGroupVersion(group, version);
  if (!defs.length) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const def of defs) {
    const entry: Record<string, unknown> = {
      name: def.resource,
      singularName: def.singular,
      namespaced: def.namespaced,
      kind: def.kind,
      verbs: [...def.verbs].sort(),
    };
    if (def.shortNames?.length) entry.shortNames = def.shortNames;
    if (def.categories?.length) entry.categories = def.categories;
    resources.push(entry);
    for (const sub of def.subresources ?? []) {
      const shape = shapeOf(def, sub);
      const sr: Record<string, unknown> = {
        name: `${def.resource}/${sub}`,
        singularName: "",
        namespaced: def.namespaced,
        kind: shape.kind ?? def.kind,
        verbs: shape.verbs,
      };
      if (shape.kind && shape.group !== undefined && shape.group !== def.group) {
        sr.group = shape.group;
        sr.version = shape.version;
      }
      resources.push(sr);
    }
  }
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: apiVersionOf({ group, version }), resources };
}
