// The resource quota controller (pkg/controller/resourcequota): keeps each ResourceQuota's status.hard (its
// spec.hard) and status.used (the namespace's usage of every resource in hard). A quota is recomputed when it
// changes and when an object it counts is created or deleted in its namespace (a pod also when its spec, terminal
// phase or deletion changes; a Service when it changes; a claim when its storage changes). No periodic resync: an
// idle cluster costs nothing.
import type { Pod } from "../../../api/schemas";
import type { ResourceQuota } from "../../../api/schemas/core/resourcequota";
import { deepEqual } from "../../../api/json-equal";
import { anyKind, splitKey, watch, type Controller, type ControllerContext, type ReconcileResult, type Watch } from "../../control-loop/types";
import { bucketOfKind } from "../../registry/keys";
import { pods } from "../../registry/pods";
import { resourceQuotas } from "../../registry/resourcequotas";
import { namespaceUsage } from "../../registry/resourcequotas/namespace-usage";
import { isClaimResource, isPodResource, isServiceResource, legacyCountNames, toResourceList } from "../../registry/resourcequotas/usage";
import { persistentVolumeClaims } from "../../registry/persistentvolumeclaims";
import type { PersistentVolumeClaim } from "../../../api/schemas/core/persistentvolumeclaim";
import { services } from "../../registry/services";
import type { Service } from "../../../api/schemas/core/service";
import type { StoreEvent } from "../../storage/store";

type Status = NonNullable<ResourceQuota["status"]>;

const terminal = (pod: Pod | undefined) => pod?.status?.phase === "Succeeded" || pod?.status?.phase === "Failed";

/** Whether a write of a pod can change what it is charged. */
function podChargeChanged(event: StoreEvent): boolean {
  if (event.type !== "MODIFIED" || !event.prev) return true;
  const pod = event.object as Pod;
  const prev = event.prev as Pod;
  return terminal(pod) !== terminal(prev) ||
    pod.metadata.deletionTimestamp !== prev.metadata.deletionTimestamp ||
    !deepEqual(pod.spec, prev.spec);
}

function claimChargeChanged(event: StoreEvent): boolean {
  const claim = event.object as PersistentVolumeClaim;
  const prev = event.prev as PersistentVolumeClaim | undefined;
  return !deepEqual(claim.spec?.resources?.requests?.storage, prev?.spec?.resources?.requests?.storage) ||
    !deepEqual(claim.status?.allocatedResources, prev?.status?.allocatedResources) ||
    claim.spec?.storageClassName !== prev?.spec?.storageClassName;
}

/** The bucket (`/core/pods`) of a storage key (`/core/pods/<namespace>/<name>`). */
function bucketOfKey(key: string): string {
  const parts = key.split("/");
  return `/${parts[1]}/${parts[2]}`;
}

export class ResourceQuotaController implements Controller {
  readonly name = "resourcequota";
  /** namespace → quota name → the buckets of the kinds it counts, kept from store events. */
  private readonly quotas = new Map<string, Map<string, Set<string>>>();
  private readonly podsBucket = bucketOfKind(pods);
  private readonly servicesBucket = bucketOfKind(services);
  private readonly claimsBucket = bucketOfKind(persistentVolumeClaims);

  readonly watches: Watch[] = [
    watch(resourceQuotas, (event) => {
      const ns = event.object.metadata.namespace ?? "";
      const name = event.object.metadata.name ?? "";
      if (event.type === "DELETED") this.forget(ns, name);
      else this.track(ns, name, Object.keys(event.object.spec?.hard ?? {}));
      return event.type === "DELETED" ? [] : [`${ns}/${name}`];
    }),
    {
      kind: anyKind,
      keys: (event) => {
        const ns = event.object.metadata.namespace;
        const inNamespace = ns ? this.quotas.get(ns) : undefined;
        if (!inNamespace) return [];
        const bucket = bucketOfKey(event.key);
        const out: string[] = [];
        for (const [name, buckets] of inNamespace) if (buckets.has(bucket)) out.push(`${ns}/${name}`);
        if (!out.length || event.type !== "MODIFIED") return out;
        if (bucket === this.podsBucket) return podChargeChanged(event) ? out : [];
        // A Service is charged by its type and ports; other kinds only by existing.
        if (bucket === this.servicesBucket) return deepEqual((event.object as Service).spec, (event.prev as Service | undefined)?.spec) ? [] : out;
        // A claim by its storage request, its allocation and its class.
        if (bucket === this.claimsBucket) return claimChargeChanged(event) ? out : [];
        return [];
      },
    },
  ];

  resync(ctx: ControllerContext): string[] {
    this.quotas.clear();
    return ctx.registry.list(resourceQuotas).map((quota) => {
      this.track(quota.metadata.namespace ?? "", quota.metadata.name ?? "", Object.keys(quota.spec?.hard ?? {}));
      return `${quota.metadata.namespace}/${quota.metadata.name}`;
    });
  }

  reconcile(key: string, ctx: ControllerContext): ReconcileResult {
    const { namespace, name } = splitKey(key);
    const quota = ctx.registry.tryGet(resourceQuotas, namespace, name);
    if (!quota || quota.metadata.deletionTimestamp) return;
    const hard = { ...(quota.spec?.hard ?? {}) };
    const used = toResourceList(namespaceUsage(ctx.registry, quota, Object.keys(hard), ctx.table.stored, ctx.now));
    const status: Status = { hard, used };
    if (deepEqual(quota.status ?? {}, status)) return;
    ctx.registry.update(resourceQuotas, namespace, name, { ...quota, status }, { subresource: "status" });
  }

  private track(ns: string, name: string, hard: string[]): void {
    const buckets = new Set(hard.map(countedBucket).filter((b) => b !== undefined));
    const inNamespace = this.quotas.get(ns) ?? new Map<string, Set<string>>();
    inNamespace.set(name, buckets);
    this.quotas.set(ns, inNamespace);
  }

  private forget(ns: string, name: string): void {
    const inNamespace = this.quotas.get(ns);
    inNamespace?.delete(name);
    if (inNamespace && !inNamespace.size) this.quotas.delete(ns);
  }
}

/** The bucket of the kind a quota resource counts (`/core/pods` for `requests.cpu`, `/apps/deployments` for
 * `count/deployments.apps`), or undefined for a name nothing counts. */
function countedBucket(name: string): string | undefined {
  if (isPodResource(name)) return bucketOfKind(pods);
  if (isServiceResource(name)) return bucketOfKind(services);
  if (isClaimResource(name)) return bucketOfKind(persistentVolumeClaims);
  if (legacyCountNames[name]) return `/core/${legacyCountNames[name]}`;
  if (!name.startsWith("count/")) return undefined;
  const rest = name.slice("count/".length);
  const dot = rest.indexOf(".");
  return dot < 0 ? `/core/${rest}` : `/${rest.slice(dot + 1)}/${rest.slice(0, dot)}`;
}
