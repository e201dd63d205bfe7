// A namespace's usage of the resources a quota names, computed from the registry (the informer cache): the quota
// controller's status.used, and what admission adds a request to.
import { Quantity } from "../../../api/quantity";
import type { ResourceQuota } from "../../../api/schemas/core/resourcequota";
import type { RegistryStore } from "../generic-store";
import { pods } from "../pods";
import { services } from "../services";
import type { ResourceDef } from "../types";
import { persistentVolumeClaims } from "../persistentvolumeclaims";
import {
  addUsage, claimUsage, hasScopes, isClaimResource, isPodResource, isServiceResource, legacyCountNames, podInScope, podUsage, serviceUsage, type Usage,
} from "./usage";

/** The served kind a count resource (`secrets`, `count/deployments.apps`) counts, among `defs`. */
export function countedDef(name: string, defs: readonly ResourceDef[]): ResourceDef | undefined {
  let resource: string;
  let group = "";
  if (legacyCountNames[name]) resource = legacyCountNames[name];
  else if (name.startsWith("count/")) {
    const rest = name.slice("count/".length);
    const dot = rest.indexOf(".");
    resource = dot < 0 ? rest : rest.slice(0, dot);
    group = dot < 0 ? "" : rest.slice(dot + 1);
  } else return undefined;
  return defs.find((d) => d.resource === resource && d.group === group && d.namespaced);
}

/**
 * Usage of each of `names` in the quota's namespace (0 for a resource nothing uses). Pods are charged as
 * PodUsageFunc charges them at `now`; a quota with scopes counts only the pods its scopes select.
 */
export function namespaceUsage(registry: RegistryStore, quota: ResourceQuota, names: readonly string[], defs: readonly ResourceDef[], now: number): Usage {
  const namespace = quota.metadata.namespace;
  const scoped = hasScopes(quota);
  const out: Usage = new Map(names.map((name) => [name, Quantity.fromValue(0)]));
  const wanted = (usage: Usage) => new Map([...usage].filter(([name]) => out.has(name)));
  if (names.some(isPodResource)) {
    for (const pod of registry.list(pods, namespace)) if (podInScope(pod, quota)) addUsage(out, wanted(podUsage(pod, now)));
  }
  if (scoped) return out;
  if (names.some(isServiceResource)) {
    for (const service of registry.list(services, namespace)) addUsage(out, wanted(serviceUsage(service)));
  }
  if (names.some(isClaimResource)) {
    for (const claim of registry.list(persistentVolumeClaims, namespace)) addUsage(out, wanted(claimUsage(claim)));
  }
  for (const name of names) {
    if (isPodResource(name) || isServiceResource(name) || isClaimResource(name)) continue;
    const def = countedDef(name, defs);
    if (def) out.set(name, Quantity.fromValue(registry.list(def, namespace).length));
  }
  return out;
}
