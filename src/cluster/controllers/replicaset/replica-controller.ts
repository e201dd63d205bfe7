// The ReplicaSet and ReplicationController controllers (one implementation, two kinds): keep `spec.replicas` pods
// from the template, adopt orphans the selector matches, release pods that stopped matching, delete extra pods in
// Kubernetes' order, and report status. Pods are found through the owner index, never by scanning; orphan pods are
// tracked from store events so adoption only looks at them.
import type { Pod } from "../../../api/schemas/core/pod";
import type { LabelMatcher } from "../../../api/selectors/label-selector";
import { StatusError } from "../../../api/status";
import { pods } from "../../registry/pods";
import type { ResourceDef } from "../../registry/types";
import { splitKey, watch, type Controller, type ControllerContext, type KindEvent, type ReconcileResult, type Watch } from "../../control-loop/types";
import { podFromTemplate } from "./pod-from-template";
import { podsToDelete } from "./pod-ranking";
import { controllerRefOf, isPodActive } from "./pod-state";
import { replicaStatus, type ReplicaOwner } from "./replica-status";
import { cloneJson } from "../../../api/clone";
import { deepEqual } from "../../../api/json-equal";

/** What differs between ReplicaSets and ReplicationControllers. */
export interface ReplicaKind<T extends ReplicaOwner = ReplicaOwner> {
  /** Controller name in the manager, and the events' source component. */
  component: string;
  /** The kind (apps/v1 replicasets or core/v1 replicationcontrollers). */
  def: ResourceDef<T>;
  selector(obj: T): LabelMatcher;
}

/** client-go's burstReplicas: most pods created or deleted in one sync. */
export const burstReplicas = 500;

const orphanPrefix = "orphans:";

export class ReplicaController implements Controller {
  readonly name: string;
  readonly for: ResourceDef<ReplicaOwner>;
  readonly owns = [pods];
  readonly watches: Watch[] = [watch(pods, (event) => this.onPod(event))];
  private readonly apiVersion: string;
  /** namespace → names of active pods without a controller (candidates for adoption). */
  private readonly orphans = new Map<string, Set<string>>();

  constructor(private readonly spec: ReplicaKind) {
    this.name = spec.component;
    this.for = spec.def;
    this.apiVersion = spec.def.group ? `${spec.def.group}/${spec.def.version}` : spec.def.version;
  }

  /** Tracks orphan pods: a namespace with some is offered to its controllers. */
  private onPod(event: KindEvent<Pod>): string[] {
    const { object } = event;
    const ns = object.metadata.namespace ?? "";
    const orphan = event.type !== "DELETED" && !controllerRefOf(object) && isPodActive(object);
    return this.trackOrphan(ns, object.metadata.name!, orphan) ? [`${orphanPrefix}${ns}`] : [];
  }

  resync(ctx: ControllerContext): string[] {
    this.orphans.clear();
    const out = new Set<string>();
    for (const pod of ctx.registry.list(pods)) {
      const ns = pod.metadata.namespace ?? "";
      if (!controllerRefOf(pod) && isPodActive(pod) && this.trackOrphan(ns, pod.metadata.name!, true)) {
        out.add(`${orphanPrefix}${ns}`);
      }
    }
    for (const obj of ctx.registry.list(this.spec.def)) out.add(`${obj.metadata.namespace}/${obj.metadata.name}`);
    return [...out];
  }

  reconcile(key: string, ctx: ControllerContext): ReconcileResult {
    const def = this.spec.def;
    if (key.startsWith(orphanPrefix)) return this.offerOrphans(key.slice(orphanPrefix.length), def, ctx);
    const { namespace, name } = splitKey(key);
    const owner = ctx.registry.tryGet(def, namespace, name);
    if (!owner) return;
    return this.sync(owner, def, ctx);
  }

  /** Records whether a pod is an orphan; true when the namespace has orphans worth offering. */
  private trackOrphan(ns: string, name: string, orphan: boolean): boolean {
    let set = this.orphans.get(ns);
    if (orphan) {
      if (!set) this.orphans.set(ns, (set = new Set()));
      set.add(name);
      return true;
    }
    if (set?.delete(name) && !set.size) this.orphans.delete(ns);
    return false;
  }

  /** Orphans appeared in a namespace: sync every controller whose selector matches one of them. */
  private offerOrphans(ns: string, def: ResourceDef<ReplicaOwner>, ctx: ControllerContext): ReconcileResult {
    const orphans = this.orphanPods(ns, ctx);
    if (!orphans.length) return;
    let requeueAt: number | undefined;
    for (const owner of ctx.registry.list(def, ns)) {
      const selector = this.spec.selector(owner);
      if (owner.metadata.deletionTimestamp || !orphans.some((p) => selector.matches(p.metadata.labels ?? {}))) continue;
      const next = this.sync(owner, def, ctx)?.requeueAt;
      if (next !== undefined) requeueAt = Math.min(requeueAt ?? next, next);
    }
    return requeueAt === undefined ? undefined : { requeueAt };
  }

  private orphanPods(ns: string, ctx: ControllerContext): Pod[] {
    const out: Pod[] = [];
    for (const name of this.orphans.get(ns) ?? []) {
      const pod = ctx.registry.tryGet(pods, ns, name);
      if (pod && !controllerRefOf(pod) && isPodActive(pod)) out.push(pod);
    }
    return out;
  }

  private ownedPods(owner: ReplicaOwner, ctx: ControllerContext): Pod[] {
    const uid = owner.metadata.uid!;
    return ctx.indexes.dependentsOf(uid, pods).filter((o) => controllerRefOf(o)?.uid === uid);
  }

  private sync(owner: ReplicaOwner, def: ResourceDef<ReplicaOwner>, ctx: ControllerContext): ReconcileResult {
    const ns = owner.metadata.namespace!;
    const spec = owner.spec;
    const selector = this.spec.selector(owner);
    const source = { component: this.spec.component };
    if (!owner.metadata.deletionTimestamp) {
      this.claim(owner, selector, ctx);
      const active = this.ownedPods(owner, ctx).filter(isPodActive);
      const diff = active.length - (spec?.replicas ?? 1);
      if (diff < 0) {
        for (let i = 0; i < Math.min(-diff, burstReplicas); i++) {
          let created: Pod;
          try {
            created = ctx.registry.create(pods, ns, podFromTemplate(owner, spec?.template ?? {}));
          } catch (error) {
            const message = error instanceof StatusError ? error.message : String(error);
            ctx.events.record(owner, ctx.now, "Warning", "FailedCreate", `Error creating: ${message}`, source);
            throw error;
          }
          ctx.events.record(owner, ctx.now, "Normal", "SuccessfulCreate", `Created pod: ${created.metadata.name}`, source);
        }
      } else if (diff > 0) {
        for (const pod of podsToDelete(active, Math.min(diff, burstReplicas))) {
          ctx.registry.delete(pods, ns, pod.metadata.name!);
          ctx.events.record(owner, ctx.now, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`, source);
        }
      }
    }
    const { status, nextAvailableAt } = replicaStatus(owner, this.ownedPods(owner, ctx), ctx.now);
    const current = ctx.registry.tryGet(def, ns, owner.metadata.name!) ?? owner;
    if (!deepEqual(current.status ?? {}, status)) {
      ctx.registry.update(def, ns, owner.metadata.name!, { ...current, status }, { subresource: "status" });
    }
    return nextAvailableAt === undefined ? undefined : { requeueAt: nextAvailableAt };
  }

  /** ClaimPods: release owned pods the selector no longer matches, adopt matching orphans of the namespace. */
  private claim(owner: ReplicaOwner, selector: LabelMatcher, ctx: ControllerContext): void {
    const uid = owner.metadata.uid!;
    for (const pod of this.ownedPods(owner, ctx)) {
      if (selector.matches(pod.metadata.labels ?? {}) || pod.metadata.deletionTimestamp) continue;
      const released = cloneJson(pod);
      released.metadata.ownerReferences = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      if (!released.metadata.ownerReferences.length) delete released.metadata.ownerReferences;
      ctx.registry.update(pods, pod.metadata.namespace, pod.metadata.name!, released);
    }
    if (selector.isEmpty()) return;
    for (const pod of this.orphanPods(owner.metadata.namespace!, ctx)) {
      if (!selector.matches(pod.metadata.labels ?? {})) continue;
      const adopted = cloneJson(pod);
      adopted.metadata.ownerReferences = [
        ...(pod.metadata.ownerReferences ?? []),
        { apiVersion: this.apiVersion, kind: this.spec.def.kind, name: owner.metadata.name!, uid, controller: true, blockOwnerDeletion: true },
      ];
      ctx.registry.update(pods, pod.metadata.namespace, pod.metadata.name!, adopted);
    }
  }
}
