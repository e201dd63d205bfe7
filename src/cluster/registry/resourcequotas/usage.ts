// What one object charges against a ResourceQuota, after pkg/quota/v1/evaluator/core: a pod's compute usage
// (requests and limits as resourcehelper.PodRequests/PodLimits add them up), a Service's node ports and load
// balancers, one for every other counted object; which pods a quota's scopes select; and the pod constraint
// "must specify ..." (a quota on cpu or memory needs every container to state it); a claim's count and storage. Pure.
import { Quantity, quantityFromJSON } from "../../../api/quantity";
import type { Container, Pod, PodSpec } from "../../../api/schemas";
import type { ResourceList } from "../../../api/schemas/meta";
import type { ResourceQuota } from "../../../api/schemas/core/resourcequota";
import type { Service } from "../../../api/schemas/core/service";
import type { PersistentVolumeClaim } from "../../../api/schemas/core/persistentvolumeclaim";

/** One scope requirement of a quota (spec.scopes become Exists requirements). */
export type ScopeRequirement = NonNullable<NonNullable<NonNullable<ResourceQuota["spec"]>["scopeSelector"]>["matchExpressions"]>[number];

/** A resource list with exact quantities. */
export type Usage = Map<string, Quantity>;

const one = () => Quantity.fromValue(1);

/** The resources pods are charged for (podResources), besides hugepages and extended `requests.*` ones. */
const podResourceNames = new Set([
  "count/pods", "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage",
  "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods",
]);

/** Object counts by their legacy names (generic.ObjectCountQuotaResourceNameFor's older spellings). */
export const legacyCountNames: Record<string, string> = {
  pods: "pods", services: "services", configmaps: "configmaps", secrets: "secrets", replicationcontrollers: "replicationcontrollers",
  resourcequotas: "resourcequotas", persistentvolumeclaims: "persistentvolumeclaims",
};

/** `count/<resource>` for the core group, `count/<resource>.<group>` otherwise. */
export function countName(resource: string, group: string): string {
  return group ? `count/${resource}.${group}` : `count/${resource}`;
}

function parse(value: unknown): Quantity | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  try {
    return quantityFromJSON(value);
  } catch {
    return undefined;
  }
}

export function usageOf(list: ResourceList | undefined): Usage {
  const out: Usage = new Map();
  for (const [name, value] of Object.entries(list ?? {})) {
    const q = parse(value);
    if (q) out.set(name, q);
  }
  return out;
}

export function addUsage(into: Usage, more: Usage): Usage {
  for (const [name, q] of more) into.set(name, (into.get(name) ?? Quantity.fromValue(0)).add(q));
  return into;
}

function maxInto(into: Usage, other: Usage): void {
  for (const [name, q] of other) {
    const have = into.get(name);
    if (!have || q.cmp(have) > 0) into.set(name, q);
  }
}

/** resourcehelper.PodRequests / PodLimits over one of the two lists: containers add up, init containers run one at a
 * time (the largest, plus the sidecars started before it), sidecars keep running, the overhead comes on top. */
function podTotal(spec: PodSpec, pick: (c: Container) => ResourceList | undefined, limits: boolean): Usage {
  const total: Usage = new Map();
  for (const c of spec.containers ?? []) addUsage(total, usageOf(pick(c)));
  const sidecars: Usage = new Map();
  const initPeak: Usage = new Map();
  for (const c of spec.initContainers ?? []) {
    const own = usageOf(pick(c));
    if (c.restartPolicy === "Always") {
      addUsage(total, own);
      addUsage(sidecars, own);
      maxInto(initPeak, sidecars);
    } else {
      maxInto(initPeak, addUsage(new Map(sidecars), own));
    }
  }
  maxInto(total, initPeak);
  const overhead = usageOf(spec.overhead);
  // Limits get the overhead only where a limit is set (an unlimited resource stays unlimited).
  for (const [name, q] of overhead) if (!limits || total.has(name)) total.set(name, (total.get(name) ?? Quantity.fromValue(0)).add(q));
  return total;
}

/** podComputeUsageHelper: the quota resources a set of requests and limits stands for. */
function computeUsage(requests: Usage, limits: Usage): Usage {
  const out: Usage = new Map([["pods", one()]]);
  for (const name of ["cpu", "memory", "ephemeral-storage"]) {
    const request = requests.get(name);
    if (request) {
      out.set(name, request);
      out.set(`requests.${name}`, request);
    }
    const limit = limits.get(name);
    if (limit) out.set(`limits.${name}`, limit);
  }
  for (const [name, request] of requests) {
    if (name.startsWith("hugepages-")) {
      out.set(name, request);
      out.set(`requests.${name}`, request);
    } else if (name.includes("/")) out.set(`requests.${name}`, request);
  }
  return out;
}

/** QuotaV1Pod: a pod is charged unless terminal, or deleted with its grace period over (`now` in ms). */
export function podIsCharged(pod: Pod, now: number): boolean {
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return false;
  const deletion = pod.metadata.deletionTimestamp;
  const grace = pod.metadata.deletionGracePeriodSeconds;
  if (deletion && grace != null && now > Date.parse(deletion) + grace * 1000) return false;
  return true;
}

/** PodUsageFunc: count/pods always; the compute resources and `pods` while the pod is charged. */
export function podUsage(pod: Pod, now: number): Usage {
  const out: Usage = new Map([["count/pods", one()]]);
  if (!podIsCharged(pod, now)) return out;
  const spec = pod.spec ?? { containers: [] };
  const requests = podTotal(spec, (c) => c.resources?.requests, false);
  const limits = podTotal(spec, (c) => c.resources?.limits, true);
  return addUsage(out, computeUsage(requests, limits));
}

/** The service evaluator: the object, its node ports (NodePort and LoadBalancer) and load balancers. */
export function serviceUsage(service: Service): Usage {
  const out: Usage = new Map([["services", one()], ["count/services", one()]]);
  const ports = service.spec?.ports ?? [];
  const type = service.spec?.type;
  if (type === "NodePort") out.set("services.nodeports", Quantity.fromValue(ports.length));
  if (type === "LoadBalancer") {
    const explicitOnly = service.spec?.allocateLoadBalancerNodePorts === false;
    out.set("services.nodeports", Quantity.fromValue(explicitOnly ? ports.filter((p) => p.nodePort).length : ports.length));
    out.set("services.loadbalancers", one());
  }
  return out;
}

/** The pod evaluator's MatchingResources: the named resources a pod is charged for. */
export function isPodResource(name: string): boolean {
  return podResourceNames.has(name) || name.startsWith("hugepages-") || name.startsWith("requests.hugepages-") ||
    (name.startsWith("requests.") && name.includes("/"));
}

export function isServiceResource(name: string): boolean {
  return name === "services" || name === "count/services" || name === "services.nodeports" || name === "services.loadbalancers";
}

/** helper.GetScopeSelectorsFromQuota: `spec.scopes` as Exists requirements, then the scope selector's. */
export function scopeSelectorsOf(quota: ResourceQuota): ScopeRequirement[] {
  const out: ScopeRequirement[] = (quota.spec?.scopes ?? []).map((scopeName) => ({ scopeName, operator: "Exists" }));
  return out.concat(quota.spec?.scopeSelector?.matchExpressions ?? []);
}

/** IsTerminating: activeDeadlineSeconds set and not negative. */
function isTerminating(pod: Pod): boolean {
  const deadline = pod.spec?.activeDeadlineSeconds;
  return deadline != null && deadline >= 0;
}

/** The BestEffort QoS class: no container or init container requests or limits cpu or memory. */
function isBestEffort(pod: Pod): boolean {
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  return all.every((c) => {
    const stated = [...Object.keys(c.resources?.requests ?? {}), ...Object.keys(c.resources?.limits ?? {})];
    return !stated.some((name) => name === "cpu" || name === "memory");
  });
}

/** podMatchesScopeFunc. PriorityClass compares the class name as a label value (always present, maybe empty). */
export function podMatchesScope(pod: Pod, selector: ScopeRequirement): boolean {
  switch (selector.scopeName) {
    case "Terminating": return isTerminating(pod);
    case "NotTerminating": return !isTerminating(pod);
    case "BestEffort": return isBestEffort(pod);
    case "NotBestEffort": return !isBestEffort(pod);
    case "PriorityClass": {
      const name = pod.spec?.priorityClassName ?? "";
      const values = selector.values ?? [];
      if (selector.operator === "Exists") return name !== "";
      if (selector.operator === "In") return values.includes(name);
      if (selector.operator === "NotIn") return !values.includes(name);
      return false;
    }
    case "CrossNamespacePodAffinity": {
      const terms = [...(pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
        ...(pod.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => w.podAffinityTerm),
        ...(pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
        ...(pod.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => w.podAffinityTerm)];
      return terms.some((t) => t && (t.namespaceSelector != null || (t.namespaces?.length ?? 0) > 0));
    }
    default: return false;
  }
}

/** generic.Matches for pods: every scope of the quota selects the pod. */
export function podInScope(pod: Pod, quota: ResourceQuota): boolean {
  return scopeSelectorsOf(quota).every((s) => podMatchesScope(pod, s));
}

/** A quota with scopes tracks pods only (the other evaluators match no scope). */
export function hasScopes(quota: ResourceQuota): boolean {
  return scopeSelectorsOf(quota).length > 0;
}

/** The resources whose absence on a container fails a quota on them (validationSet). */
const validationSet = new Set(["cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]);

/** podEvaluator.Constraints: `must specify <resource> for: <containers>; ...`, or undefined when satisfied. */
export function podConstraintError(pod: Pod, tracked: Iterable<string>): string | undefined {
  const required = [...tracked].filter((name) => validationSet.has(name));
  if (!required.length) return undefined;
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const stated = computeUsage(usageOf(c.resources?.requests), usageOf(c.resources?.limits));
    for (const name of required) if (!stated.has(name)) (missing.get(name) ?? missing.set(name, new Set()).get(name)!).add(c.name);
  }
  if (!missing.size) return undefined;
  const parts = [...missing.keys()].sort().map((name) => `${name} for: ${[...missing.get(name)!].sort().join(",")}`);
  return `must specify ${parts.join("; ")}`;
}

/** prettyPrint: `name=quantity` sorted by name, joined by commas. */
export function prettyPrint(usage: Usage): string {
  return [...usage.keys()].sort().map((name) => `${name}=${usage.get(name)!.toString()}`).join(",");
}

/** A resource list as stored (`status.used`), names sorted. */
export function toResourceList(usage: Usage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...usage.keys()].sort()) out[name] = usage.get(name)!.toString();
  return out;
}

const storageClassSuffix = ".storageclass.storage.k8s.io/";

/** The persistentVolumeClaimEvaluator's MatchingResources: the counts, requests.storage and their per-class forms. */
export function isClaimResource(name: string): boolean {
  if (name === "persistentvolumeclaims" || name === "count/persistentvolumeclaims" || name === "requests.storage") return true;
  const at = name.indexOf(storageClassSuffix);
  if (at <= 0) return false;
  const rest = name.slice(at + storageClassSuffix.length);
  return rest === "requests.storage" || rest === "persistentvolumeclaims";
}

/**
 * persistentVolumeClaimEvaluator.Usage: one claim, its storage request (or the storage allocated to it, when larger:
 * an expansion counts at once), and both again under `<class>.storageclass.storage.k8s.io/` when it has a class.
 */
export function claimUsage(claim: PersistentVolumeClaim): Usage {
  const out: Usage = new Map([["persistentvolumeclaims", one()], ["count/persistentvolumeclaims", one()]]);
  const className = claim.metadata.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? claim.spec?.storageClassName ?? "";
  if (className) out.set(`${className}${storageClassSuffix}persistentvolumeclaims`, one());
  const requested = parse(claim.spec?.resources?.requests?.storage);
  const allocated = parse(claim.status?.allocatedResources?.storage);
  const storage = requested && allocated ? (allocated.cmp(requested) > 0 ? allocated : requested) : (requested ?? allocated);
  if (storage) {
    out.set("requests.storage", storage);
    if (className) out.set(`${className}${storageClassSuffix}requests.storage`, storage);
  }
  return out;
}
