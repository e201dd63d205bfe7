// The ResourceQuota admission plugin (plugin/pkg/admission/resourcequota with pkg/quota/v1/evaluator/core): a write
// that would take a namespace over a quota's hard limit is refused with 403 `exceeded quota: <name>, requested: ...,
// used: ..., limited: ...`, and a pod that omits cpu or memory a quota constrains with `failed quota: <name>: must
// specify ...`. Usage is computed from the registry (the in-memory cache) at the time of the request, not read from
// status.used, so it is exact even before the quota controller has run; the quota's hard limits are spec.hard.
// Evaluated as Kubernetes does: pods on create (and on an update that changes whether they are Terminating),
// Services and PersistentVolumeClaims on create and update, every other counted object on create.
import { Quantity } from "../../api/quantity";
import type { KubeObject } from "../../api/object";
import type { Pod } from "../../api/schemas";
import type { ResourceQuota } from "../../api/schemas/core/resourcequota";
import type { Service } from "../../api/schemas/core/service";
import type { AdmissionCheck, RegistryStore } from "../registry/generic-store";
import { pods } from "../registry/pods";
import { resourceQuotas } from "../registry/resourcequotas";
import { countedDef, namespaceUsage } from "../registry/resourcequotas/namespace-usage";
import {
  addUsage, claimUsage, hasScopes, isClaimResource, isPodResource, isServiceResource, podConstraintError, podInScope, podUsage, prettyPrint, serviceUsage, usageOf, type Usage,
} from "../registry/resourcequotas/usage";
import { services } from "../registry/services";
import { persistentVolumeClaims } from "../registry/persistentvolumeclaims";
import type { PersistentVolumeClaim } from "../../api/schemas/core/persistentvolumeclaim";
import type { ResourceDef } from "../registry/types";
import { admissionForbidden, admissionName } from "./forbidden";

type Operation = Parameters<AdmissionCheck>[0];

/** The evaluator for the kind written: which quota resources it charges, and what one object charges. */
interface Evaluator {
  matches(name: string): boolean;
  usage(object: KubeObject, now: number): Usage;
}

function evaluatorFor(def: ResourceDef, operation: Operation, object: KubeObject, old: KubeObject | undefined): Evaluator | undefined {
  if (def === pods) {
    const terminating = (pod: KubeObject | undefined) => ((pod as Pod | undefined)?.spec?.activeDeadlineSeconds ?? -1) >= 0;
    if (operation !== "CREATE" && terminating(object) === terminating(old)) return undefined;
    return { matches: isPodResource, usage: (o, now) => podUsage(o as Pod, now) };
  }
  if (def === services) return { matches: isServiceResource, usage: (o) => serviceUsage(o as Service) };
  if (def === persistentVolumeClaims) return { matches: isClaimResource, usage: (o) => claimUsage(o as PersistentVolumeClaim) };
  if (operation !== "CREATE") return undefined;
  return { matches: (name) => countedDef(name, [def]) === def, usage: () => new Map() };
}

function byName(a: ResourceQuota, b: ResourceQuota): number {
  return (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : (a.metadata.name ?? "") > (b.metadata.name ?? "") ? 1 : 0;
}

function mask(usage: Usage, names: Iterable<string>): Usage {
  const out: Usage = new Map();
  for (const name of names) {
    const q = usage.get(name);
    if (q) out.set(name, q);
  }
  return out;
}

export function resourceQuotaAdmission(registry: RegistryStore): AdmissionCheck {
  return (operation, def, object, old, subresource) => {
    if (subresource || operation === "DELETE" || !def.namespaced) return;
    const quotas = registry.list(resourceQuotas, object.metadata.namespace);
    if (!quotas.length) return;
    const evaluator = evaluatorFor(def, operation, object, old);
    if (!evaluator) return;
    const now = Date.parse(registry.requestTime());
    const isPod = def === pods;

    // The quotas that track this object, and each one's resources it is charged for.
    const tracking: Array<{ quota: ResourceQuota; tracked: string[] }> = [];
    for (const quota of [...quotas].sort(byName)) {
      const tracked = Object.keys(quota.spec?.hard ?? {}).filter((name) => evaluator.matches(name));
      if (!tracked.length) continue;
      if (isPod ? !podInScope(object as Pod, quota) : hasScopes(quota)) continue;
      if (isPod) {
        const missing = podConstraintError(object as Pod, tracked);
        if (missing) throw admissionForbidden(def, admissionName(operation, object), `failed quota: ${quota.metadata.name}: ${missing}`);
      }
      tracking.push({ quota, tracked });
    }
    if (!tracking.length) return;

    // What this write adds: the new object's usage, less the old one's where the quota charged that already (a pod
    // whose scope changed is charged in full by the quota it enters); an object count adds one on create.
    const usage = evaluator.usage(object, now);
    if (!isPod && def !== services && def !== persistentVolumeClaims) for (const { tracked } of tracking) for (const name of tracked) usage.set(name, Quantity.fromValue(1));
    const oldUsage = old && operation === "UPDATE" ? evaluator.usage(old, now) : undefined;

    for (const { quota, tracked } of tracking) {
      const delta = new Map(usage);
      if (oldUsage && (!isPod || podInScope(old as Pod, quota))) {
        for (const [name, q] of oldUsage) delta.set(name, (delta.get(name) ?? Quantity.fromValue(0)).sub(q));
      }
      const requested = new Map([...mask(delta, tracked)].filter(([, q]) => !q.isZero()));
      if (!requested.size) continue;
      const names = [...requested.keys()];
      const used = namespaceUsage(registry, quota, names, [def], now);
      const hard = usageOf(quota.spec?.hard);
      const after = addUsage(new Map(used), requested);
      const exceeded = names.filter((name) => after.get(name)!.cmp(hard.get(name) ?? Quantity.fromValue(0)) > 0);
      if (!exceeded.length) continue;
      throw admissionForbidden(
        def,
        admissionName(operation, object),
        `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrint(mask(requested, exceeded))}, used: ${prettyPrint(mask(used, exceeded))}, limited: ${prettyPrint(mask(hard, exceeded))}`,
      );
    }
  };
}
