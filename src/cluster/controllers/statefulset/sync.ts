// One pass of stateful_set_control for one StatefulSet: revisions, then each replica in ordinal order (created with
// its claims when its name is free, failed ones deleted to be made again), then the condemned ones above the range
// from the highest down, then the rolling update from the highest ordinal down to the partition. OrderedReady does
// one thing at a time and halts at the first pod that is not Running, Ready and available; Parallel does all.
import { deepEqual } from "../../../api/json-equal";
import { StatusError } from "../../../api/status";
import type { StatefulSet } from "../../../api/schemas/apps/statefulset";
import type { Pod } from "../../../api/schemas/core/pod";
import type { ControllerContext, ReconcileResult } from "../../control-loop/types";
import { keyOf } from "../../control-loop/types";
import { controllerRevisions } from "../../registry/controllerrevisions";
import { pods } from "../../registry/pods";
import { statefulSets } from "../../registry/statefulsets";
import { persistentVolumeClaims } from "../../registry/persistentvolumeclaims";
import { controllerRef, isControlledBy } from "../job/job-pods";
import { labelSelectorFromObject } from "../../../api/selectors/label-selector";
import { availableAt, controllerRefOf, isPodAvailable } from "../replicaset/pod-state";
import { claimsFor, newPod, ordinalOf, podName, replicaCount, revisionLabel, startOrdinal } from "./identity";
import { claimOwners, isStaleClaim, retentionPolicy } from "./retention";
import { revisionTemplate, setRevisions, truncateHistory, type SetRevisions } from "./revisions";
import { computeStatus, isCreated, isHealthy, isRunningAndReady, isTerminating } from "./status";

const source = { component: "statefulset-controller" };
/** How soon to look again while a stale claim waits for the garbage collector. */
const staleClaimRetryMs = 1000;
/** Most names looked at for orphans to adopt (a sandbox holds a few thousand objects at most). */
const maxAdoptionScan = 1000;

export class StatefulSetSync {
  private readonly monotonic: boolean;
  private requeueAt: number | undefined;
  /** A create failed: stop making pods in this pass (slowStartBatch stops at the first error), retry with back-off. */
  private failure: StatusError | undefined;

  constructor(
    private readonly set: StatefulSet,
    private readonly ctx: ControllerContext,
  ) {
    this.monotonic = set.spec?.podManagementPolicy !== "Parallel";
  }

  run(): ReconcileResult {
    this.adoptOrphans();
    const uid = this.set.metadata.uid!;
    const owned = this.ctx.indexes.dependentsOf(uid, controllerRevisions).filter((r) => isControlledBy(r, uid));
    const revisions = setRevisions(this.ctx, this.set, owned);
    this.update(revisions);
    const all = this.ownPods();
    this.writeStatus(all, revisions);
    truncateHistory(this.ctx, this.set, owned, all, revisions);
    // The sync's error, as the controller returns it: the work queue tries the key again with back-off.
    if (this.failure) throw this.failure;
    return this.requeueAt === undefined ? undefined : { requeueAt: this.requeueAt };
  }

  /**
   * ClaimPods for the pods of this set's names: a pod `<set>-<n>` that no controller owns and the selector matches (left
   * by a set deleted with --cascade=orphan) is adopted rather than made again — those in range, and those above it up
   * to the first free name (then scaled down as the set's own).
   */
  private adoptOrphans(): void {
    const selector = labelSelectorFromObject(this.set.spec?.selector);
    if (selector.isEmpty()) return;
    const start = startOrdinal(this.set);
    const end = start + replicaCount(this.set);
    for (let ordinal = start; ordinal < start + maxAdoptionScan; ordinal++) {
      const pod = this.ctx.registry.tryGet(pods, this.set.metadata.namespace, podName(this.set, ordinal));
      if (!pod && ordinal >= end) return;
      if (!pod || pod.metadata.deletionTimestamp || controllerRefOf(pod) || !selector.matches(pod.metadata.labels ?? {})) continue;
      const ownerReferences = [...(pod.metadata.ownerReferences ?? []), controllerRef(this.set)];
      this.ctx.registry.update(pods, pod.metadata.namespace, pod.metadata.name!, { ...pod, metadata: { ...pod.metadata, ownerReferences } });
    }
  }

  private ownPods(): Pod[] {
    const uid = this.set.metadata.uid!;
    return this.ctx.indexes.dependentsOf(uid, pods).filter((p) => isControlledBy(p, uid));
  }

  private wakeAt(ms: number | undefined): void {
    if (ms !== undefined) this.requeueAt = Math.min(this.requeueAt ?? Infinity, ms);
  }

  private available(pod: Pod): boolean {
    const minReady = this.set.spec?.minReadySeconds ?? 0;
    if (isPodAvailable(pod, minReady, this.ctx.now)) return true;
    this.wakeAt(availableAt(pod, minReady));
    return false;
  }

  /** updateStatefulSet: every step; returns early where OrderedReady must wait. */
  private update(revisions: SetRevisions): void {
    const start = startOrdinal(this.set);
    const count = replicaCount(this.set);
    // Sparse: `replicas` may be far larger than the pods that exist.
    const replicas: (Pod | undefined)[] = [];
    const inRange: Pod[] = [];
    const condemned: Pod[] = [];
    for (const pod of this.ownPods()) {
      const ordinal = ordinalOf(this.set, pod);
      if (ordinal < 0) continue;
      if (ordinal >= start && ordinal < start + count) {
        replicas[ordinal - start] = pod;
        inRange.push(pod);
      } else condemned.push(pod);
    }
    inRange.sort((a, b) => ordinalOf(this.set, a) - ordinalOf(this.set, b));
    condemned.sort((a, b) => ordinalOf(this.set, b) - ordinalOf(this.set, a));
    const firstUnhealthy = [...inRange, ...condemned].find((p) => !isHealthy(p));

    for (let i = 0; i < count; i++) {
      const halt = this.processReplica(replicas, i, revisions);
      if ((halt && this.monotonic) || this.failure) return;
    }
    if (retentionPolicy(this.set).whenScaled === "Delete" || retentionPolicy(this.set).whenDeleted === "Delete") {
      for (const pod of condemned) this.fixClaimOwners(pod);
    }
    for (const pod of condemned) {
      if (isTerminating(pod)) {
        if (this.monotonic) return;
        continue;
      }
      if (this.monotonic && pod !== firstUnhealthy && (!isRunningAndReady(pod) || !this.available(pod))) return;
      this.deletePod(pod);
      if (this.monotonic) return;
    }
    if (this.set.spec?.updateStrategy?.type !== "RollingUpdate") return;
    const partition = this.set.spec.updateStrategy.rollingUpdate?.partition ?? 0;
    for (let target = count - 1; target >= partition; target--) {
      const pod = replicas[target];
      if (!pod) return;
      if (pod.metadata.labels?.[revisionLabel] !== revisions.update.metadata.name && !isTerminating(pod)) {
        this.deletePod(pod);
        return;
      }
      if (!isHealthy(pod)) return;
    }
  }

  /** processReplica: true when OrderedReady must stop here. */
  private processReplica(replicas: (Pod | undefined)[], i: number, revisions: SetRevisions): boolean {
    const pod = replicas[i];
    const ordinal = startOrdinal(this.set) + i;
    if (pod && (pod.status?.phase === "Failed" || pod.status?.phase === "Succeeded")) {
      // Made again on a later pass, once the old pod is gone and its name free.
      if (!isTerminating(pod)) this.deletePod(pod);
      return true;
    }
    if (!pod || !isCreated(pod)) {
      const created = this.createPod(ordinal, revisions);
      replicas[i] = created;
      return true;
    }
    if (pod.status?.phase === "Pending") this.createClaims(pod, ordinal);
    if (isTerminating(pod)) return true;
    if (!isRunningAndReady(pod)) return true;
    if (!this.available(pod)) return true;
    this.fixClaimOwners(pod);
    return false;
  }

  /** newVersionedStatefulSetPod: below the partition the current revision's template, else the update revision's. */
  private createPod(ordinal: number, revisions: SetRevisions): Pod | undefined {
    const strategy = this.set.spec?.updateStrategy;
    const start = startOrdinal(this.set);
    const keepsCurrent =
      strategy?.type === "RollingUpdate" &&
      (strategy.rollingUpdate
        ? ordinal < start + (strategy.rollingUpdate.partition ?? 0)
        : ordinal < start + (this.set.status?.currentReplicas ?? 0));
    const revision = keepsCurrent ? revisions.current : revisions.update;
    const pod = newPod(this.set, revisionTemplate(revision, this.set), ordinal, revision.metadata.name!);
    // A pod of that name still exists (being deleted, or not ours): the name is not free yet.
    if (this.ctx.registry.tryGet(pods, this.set.metadata.namespace, pod.metadata.name!)) return undefined;
    if (!this.createClaims(pod, ordinal)) return undefined;
    try {
      const created = this.ctx.registry.create(pods, this.set.metadata.namespace, pod);
      this.event("Normal", "SuccessfulCreate", `create Pod ${pod.metadata.name} in StatefulSet ${this.set.metadata.name} successful`);
      return created;
    } catch (error) {
      if (!(error instanceof StatusError)) throw error;
      this.failure = error;
      this.event("Warning", "FailedCreate", `create Pod ${pod.metadata.name} in StatefulSet ${this.set.metadata.name} failed error: ${error.message}`);
      return undefined;
    }
  }

  /** createPersistentVolumeClaims: the pod's missing claims; false when the pod must wait (a stale claim, a failure). */
  private createClaims(pod: Pod, ordinal: number): boolean {
    let ok = true;
    for (const claim of claimsFor(this.set, ordinal)) {
      const name = claim.metadata.name!;
      const existing = this.ctx.registry.tryGet(persistentVolumeClaims, this.set.metadata.namespace, name);
      if (existing) {
        if (existing.metadata.deletionTimestamp || (!isCreated(pod) && isStaleClaim(existing, pod.metadata.name!))) {
          this.wakeAt(this.ctx.now + staleClaimRetryMs);
          ok = false;
        }
        continue;
      }
      try {
        this.ctx.registry.create(persistentVolumeClaims, this.set.metadata.namespace, claim);
        this.event("Normal", "SuccessfulCreate", `create Claim ${name} Pod ${pod.metadata.name} in StatefulSet ${this.set.metadata.name} success`);
      } catch (error) {
        if (!(error instanceof StatusError)) throw error;
        this.failure = error;
        this.event("Warning", "FailedCreate", `create Claim ${name} for Pod ${pod.metadata.name} in StatefulSet ${this.set.metadata.name} failed error: failed to create PVC ${name}: ${error.message}`);
        ok = false;
      }
    }
    return ok;
  }

  /** UpdatePodClaimForRetentionPolicy: the pod's claims owned as the retention policy says. */
  private fixClaimOwners(pod: Pod): void {
    const ordinal = ordinalOf(this.set, pod);
    for (const claim of claimsFor(this.set, ordinal)) {
      const existing = this.ctx.registry.tryGet(persistentVolumeClaims, this.set.metadata.namespace, claim.metadata.name!);
      if (!existing || existing.metadata.deletionTimestamp) continue;
      const owners = claimOwners(existing, this.set, pod);
      if (deepEqual(owners, existing.metadata.ownerReferences ?? [])) continue;
      const { ownerReferences: _old, ...rest } = existing.metadata;
      const metadata = owners.length ? { ...rest, ownerReferences: owners } : rest;
      this.ctx.registry.update(persistentVolumeClaims, existing.metadata.namespace, existing.metadata.name!, { ...existing, metadata });
    }
  }

  private deletePod(pod: Pod): void {
    if (!this.ctx.registry.tryGet(pods, pod.metadata.namespace, pod.metadata.name!)) return;
    this.ctx.registry.delete(pods, pod.metadata.namespace, pod.metadata.name!);
    this.event("Normal", "SuccessfulDelete", `delete Pod ${pod.metadata.name} in StatefulSet ${this.set.metadata.name} successful`);
  }

  private writeStatus(all: Pod[], revisions: SetRevisions): void {
    const { status, nextAvailable } = computeStatus(this.set, all, revisions, this.ctx.now);
    this.wakeAt(nextAvailable);
    // Go omits these when zero (omitempty); replicas, availableReplicas and collisionCount (a pointer) stay.
    for (const field of ["readyReplicas", "currentReplicas", "updatedReplicas"] as const) if (status[field] === 0) delete status[field];
    const current = this.ctx.registry.tryGet(statefulSets, this.set.metadata.namespace, this.set.metadata.name!);
    if (!current || deepEqual(current.status, status)) return;
    this.ctx.registry.update(statefulSets, current.metadata.namespace, current.metadata.name!, { ...current, status }, { subresource: "status" });
  }

  /** Events are best-effort, as client-go's recorder: a failed one never fails the sync. */
  private event(type: "Normal" | "Warning", reason: string, message: string): void {
    try {
      this.ctx.events.record(this.set, this.ctx.now, type, reason, message, source);
    } catch (error) {
      console.warn(`statefulset-controller: event ${reason} for ${keyOf(this.set)} not recorded:`, error);
    }
  }
}
