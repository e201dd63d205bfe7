// One sync of one Deployment (the deployment controller's sync.go): find or create the new ReplicaSet for the
// current template, keep revisions and annotations, scale ReplicaSets with the real events, clean up old ones, and
// write status. The strategies (rollout.ts) build on these steps.
import type { Deployment, DeploymentSpec } from "../../../api/schemas/apps/deployment";
import type { ReplicaSet, ReplicaSetSpec } from "../../../api/schemas/apps/replicaset";
import type { Pod } from "../../../api/schemas/core/pod";
import { StatusError } from "../../../api/status";
import { zeroValue } from "../../registry/pod-template";
import type { ResourceDef } from "../../registry/types";
import type { ControllerContext } from "../../control-loop/types";
import {
  annotationsToSkip,
  byCreation,
  byRevision,
  desiredReplicasAnnotation,
  intAnnotation,
  isActive,
  maxReplicasAnnotation,
  revisionAnnotation,
  revisionHistoryAnnotation,
  revisionOf,
  specReplicas,
  statusOf,
  type DeploymentStatus,
} from "./replica-sets";
import { isRollingUpdate, maxSurgeOf, newReplicaSetSize, proportionalScale } from "./rollout-math";
import { calculateStatus, getCondition, hasProgressDeadline, newCondition, progressDeadlineAt, reasons, setCondition, updateProgressing } from "./status";
import { computeTemplateHash, normalizeTemplate, podTemplateHashLabel } from "./template-hash";
import { cloneJson } from "../../../api/clone";
import { deepEqual } from "../../../api/json-equal";

const source = { component: "deployment-controller" };
/** maxRevHistoryLengthInChars of the controller manager. */
const maxRevisionHistoryChars = 2000;

export interface Defs {
  deployments: ResourceDef<Deployment>;
  replicaSets: ResourceDef<ReplicaSet>;
  pods: ResourceDef<Pod>;
}

export interface Split {
  newRS: ReplicaSet | undefined;
  oldRSs: ReplicaSet[];
}

export class DeploymentSync {
  /** When this Deployment wants to be looked at again (progress deadline), if at all. */
  requeueAt: number | undefined;
  private readonly templateKey: string;

  constructor(
    readonly ctx: ControllerContext,
    readonly defs: Defs,
    public d: Deployment,
  ) {
    this.templateKey = JSON.stringify(normalizeTemplate(this.spec.template));
  }

  get spec(): DeploymentSpec {
    return this.d.spec ?? zeroValue<DeploymentSpec>();
  }

  get namespace(): string {
    return this.d.metadata.namespace!;
  }

  event(reason: string, message: string, type: "Normal" | "Warning" = "Normal"): void {
    this.ctx.events.record(this.d, this.ctx.now, type, reason, message, source);
  }

  /** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's (ignoring the hash label). */
  findNewRS(rsList: ReplicaSet[]): ReplicaSet | undefined {
    return [...rsList].sort(byCreation).find((rs) => this.sameTemplate(rs));
  }

  sameTemplate(rs: ReplicaSet): boolean {
    return JSON.stringify(normalizeTemplate(rs.spec?.template)) === this.templateKey;
  }

  /** getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created when asked and missing) and the old ones. */
  splitAndSyncRevision(rsList: ReplicaSet[], create: boolean): Split {
    const existing = this.findNewRS(rsList);
    const oldRSs = rsList.filter((rs) => rs !== existing);
    const newRevision = String(Math.max(0, ...oldRSs.map(revisionOf)) + 1);
    let newRS = existing;
    if (existing) newRS = this.syncExistingNewRS(existing, newRevision);
    else if (create) newRS = this.createNewRS(oldRSs, newRevision);
    return { newRS, oldRSs };
  }

  private syncExistingNewRS(rs: ReplicaSet, newRevision: string): ReplicaSet {
    const copy = cloneJson(rs);
    let changed = this.setNewRSAnnotations(copy, newRevision, true);
    const rsSpec = copy.spec ?? zeroValue<ReplicaSetSpec>();
    if ((rsSpec.minReadySeconds ?? 0) !== (this.spec.minReadySeconds ?? 0)) {
      rsSpec.minReadySeconds = this.spec.minReadySeconds;
      changed = true;
    }
    let result = rs;
    if (changed) result = this.ctx.registry.update(this.defs.replicaSets, this.namespace, rs.metadata.name!, copy);
    this.setDeploymentRevision(result.metadata.annotations?.[revisionAnnotation] ?? newRevision);
    const status = cloneJson(statusOf(this.d));
    if (hasProgressDeadline(this.d) && !getCondition(status, "Progressing")) {
      setCondition(status, newCondition("Progressing", "True", reasons.foundNewRS, `Found new replica set "${result.metadata.name}"`, this.ctx.now));
      this.writeStatus(status);
    }
    return result;
  }

  private createNewRS(oldRSs: ReplicaSet[], newRevision: string): ReplicaSet | undefined {
    const collisionCount = statusOf(this.d).collisionCount;
    const hash = computeTemplateHash(this.spec.template, collisionCount);
    const template = cloneJson(this.spec.template ?? {});
    template.metadata ??= {};
    template.metadata.labels = { ...(template.metadata.labels ?? {}), [podTemplateHashLabel]: hash };
    const selector = cloneJson(this.spec.selector ?? {});
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [podTemplateHashLabel]: hash };
    const name = `${this.d.metadata.name}-${hash}`;
    const spec: ReplicaSetSpec = { replicas: 0, minReadySeconds: this.spec.minReadySeconds, selector, template };
    const rs: ReplicaSet = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name,
        namespace: this.namespace,
        labels: { ...template.metadata.labels },
        ownerReferences: [this.ownerRef()],
      },
      spec,
    };
    if (spec.minReadySeconds === undefined) delete spec.minReadySeconds;
    const replicas = newReplicaSetSize(this.d, [...oldRSs, rs], rs);
    spec.replicas = replicas;
    this.setNewRSAnnotations(rs, newRevision, false);
    let created: ReplicaSet;
    let alreadyExisted = false;
    try {
      created = this.ctx.registry.create(this.defs.replicaSets, this.namespace, rs);
    } catch (error) {
      if (!(error instanceof StatusError)) throw error;
      const found = error.status.reason === "AlreadyExists" ? this.ctx.registry.tryGet(this.defs.replicaSets, this.namespace, name) : undefined;
      const ref = found?.metadata.ownerReferences?.find((r) => r.controller);
      if (found && ref?.uid === this.d.metadata.uid && this.sameTemplate(found)) {
        created = found;
        alreadyExisted = true;
      } else if (found) {
        const status = cloneJson(statusOf(this.d));
        status.collisionCount = (status.collisionCount ?? 0) + 1;
        this.writeStatus(status);
        throw error;
      } else {
        const message = `Failed to create new replica set "${name}": ${error.message}`;
        if (hasProgressDeadline(this.d)) {
          const status = cloneJson(statusOf(this.d));
          setCondition(status, newCondition("Progressing", "False", reasons.failedRSCreate, message, this.ctx.now));
          this.writeStatus(status);
        }
        this.event(reasons.failedRSCreate, message, "Warning");
        throw error;
      }
    }
    if (!alreadyExisted && replicas > 0) this.event("ScalingReplicaSet", `Scaled up replica set ${name} from 0 to ${replicas}`);
    this.setDeploymentRevision(newRevision);
    if (!alreadyExisted && hasProgressDeadline(this.d)) {
      const status = cloneJson(statusOf(this.d));
      setCondition(status, newCondition("Progressing", "True", reasons.newRSCreated, `Created new replica set "${name}"`, this.ctx.now));
      this.writeStatus(status);
    }
    return created;
  }

  private ownerRef() {
    return { apiVersion: "apps/v1", kind: "Deployment", name: this.d.metadata.name!, uid: this.d.metadata.uid!, controller: true, blockOwnerDeletion: true };
  }

  /** SetNewReplicaSetAnnotations: copy the Deployment's annotations, raise the revision (keeping history). */
  private setNewRSAnnotations(rs: ReplicaSet, newRevision: string, exists: boolean): boolean {
    const annotations = (rs.metadata.annotations ??= {});
    let changed = false;
    for (const [k, v] of Object.entries(this.d.metadata.annotations ?? {})) {
      if (annotationsToSkip.has(k) || annotations[k] === v) continue;
      annotations[k] = v;
      changed = true;
    }
    const oldRevision = annotations[revisionAnnotation];
    const oldNumber = oldRevision === undefined ? 0 : Number(oldRevision);
    if (!Number.isInteger(oldNumber)) return changed;
    if (oldNumber < Number(newRevision)) {
      annotations[revisionAnnotation] = newRevision;
      changed = true;
      if (oldRevision !== undefined) {
        const history = annotations[revisionHistoryAnnotation];
        let revisions = history ? history.split(",") : [];
        let total = (history?.length ?? 0) + oldRevision.length + 1;
        while (total > maxRevisionHistoryChars && revisions.length) total -= revisions.shift()!.length + 1;
        if (total <= maxRevisionHistoryChars) annotations[revisionHistoryAnnotation] = [...revisions, oldRevision].join(",");
      }
    }
    if (!exists && this.setReplicasAnnotations(rs)) changed = true;
    return changed;
  }

  private setReplicasAnnotations(rs: ReplicaSet): boolean {
    const annotations = (rs.metadata.annotations ??= {});
    const desired = String(specReplicas(this.d));
    const max = String(specReplicas(this.d) + maxSurgeOf(this.d));
    if (annotations[desiredReplicasAnnotation] === desired && annotations[maxReplicasAnnotation] === max) return false;
    annotations[desiredReplicasAnnotation] = desired;
    annotations[maxReplicasAnnotation] = max;
    return true;
  }

  private setDeploymentRevision(revision: string): void {
    if (this.d.metadata.annotations?.[revisionAnnotation] === revision) return;
    const copy = cloneJson(this.d);
    copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [revisionAnnotation]: revision };
    this.d = this.ctx.registry.update(this.defs.deployments, this.namespace, this.d.metadata.name!, copy);
  }

  /** Write status when it changed (through the status subresource). */
  writeStatus(status: DeploymentStatus): void {
    if (deepEqual(status, this.d.status ?? {})) return;
    this.d = this.ctx.registry.update(this.defs.deployments, this.namespace, this.d.metadata.name!, { ...this.d, status }, { subresource: "status" });
  }

  /** scaleReplicaSetAndRecordEvent: resize with the replicas annotations; true when the size changed. */
  scaleRS(rs: ReplicaSet, replicas: number): boolean {
    if (specReplicas(rs) === replicas) return false;
    return this.setRSSize(rs, replicas);
  }

  /** scaleReplicaSet: also refreshes the desired/max replicas annotations when only they are stale. */
  setRSSize(rs: ReplicaSet, replicas: number): boolean {
    const copy = cloneJson(rs);
    const from = specReplicas(rs);
    const annotationsChanged = this.setReplicasAnnotations(copy);
    if (from === replicas && !annotationsChanged) return false;
    (copy.spec ??= zeroValue<ReplicaSetSpec>()).replicas = replicas;
    this.ctx.registry.update(this.defs.replicaSets, this.namespace, rs.metadata.name!, copy);
    if (from === replicas) return false;
    this.event("ScalingReplicaSet", `Scaled ${from < replicas ? "up" : "down"} replica set ${rs.metadata.name} from ${from} to ${replicas}`);
    return true;
  }

  /** The current stored copy of a ReplicaSet (after this sync's writes). */
  fresh(rs: ReplicaSet): ReplicaSet {
    return this.ctx.registry.tryGet(this.defs.replicaSets, this.namespace, rs.metadata.name!) ?? rs;
  }

  /** isScalingEvent: an active ReplicaSet was sized for a different replica count than the Deployment's. */
  isScalingEvent(rsList: ReplicaSet[]): boolean {
    const { newRS, oldRSs } = this.splitAndSyncRevision(rsList, false);
    return [...oldRSs, ...(newRS ? [newRS] : [])].map((rs) => this.fresh(rs)).filter(isActive).some((rs) => {
      const desired = intAnnotation(rs, desiredReplicasAnnotation);
      return desired !== undefined && desired !== specReplicas(this.d);
    });
  }

  /** scale(): resize ReplicaSets to a changed replica count, proportionally during a rolling update. */
  scale(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const all = [...oldRSs, ...(newRS ? [newRS] : [])];
    const active = all.filter(isActive);
    const latest = active.length === 0 ? newRS ?? [...oldRSs].sort(byCreation).pop() : active.length === 1 ? active[0] : undefined;
    if (latest) {
      this.scaleRS(latest, specReplicas(this.d));
      return;
    }
    if (active.length === 0) return;
    if (newRS && this.isSaturated(newRS)) {
      for (const rs of oldRSs.filter(isActive)) this.scaleRS(rs, 0);
      return;
    }
    if (!isRollingUpdate(this.d)) return;
    for (const step of proportionalScale(this.d, active)) this.setRSSize(step.rs, step.replicas);
  }

  private isSaturated(rs: ReplicaSet): boolean {
    const desired = specReplicas(this.d);
    return intAnnotation(rs, desiredReplicasAnnotation) === desired && specReplicas(rs) === desired && (statusOf(rs).availableReplicas ?? 0) === desired;
  }

  /** cleanupDeployment: delete the oldest idle ReplicaSets beyond revisionHistoryLimit. */
  cleanup(oldRSs: ReplicaSet[]): void {
    const limit = this.spec.revisionHistoryLimit;
    if (typeof limit !== "number") return;
    const alive = oldRSs.map((rs) => this.fresh(rs)).filter((rs) => !rs.metadata.deletionTimestamp);
    const excess = alive.length - limit;
    if (excess <= 0) return;
    for (const rs of alive.sort(byRevision).slice(0, excess)) {
      const status = statusOf(rs);
      if ((status.replicas ?? 0) !== 0 || specReplicas(rs) !== 0 || (rs.metadata.generation ?? 1) > (status.observedGeneration ?? 0)) continue;
      this.ctx.registry.delete(this.defs.replicaSets, this.namespace, rs.metadata.name!);
    }
  }

  /** syncDeploymentStatus: counts and Available, without touching Progressing. */
  syncStatus(all: ReplicaSet[], newRS: ReplicaSet | undefined): void {
    this.writeStatus(calculateStatus(this.d, all.map((rs) => this.fresh(rs)), newRS && this.fresh(newRS), this.ctx.now));
  }

  /** syncRolloutStatus: counts, Available and the Progressing life cycle; arms the progress-deadline wake-up. */
  syncRolloutStatus(all: ReplicaSet[], newRS: ReplicaSet | undefined): void {
    const current = newRS && this.fresh(newRS);
    const status = calculateStatus(this.d, all.map((rs) => this.fresh(rs)), current, this.ctx.now);
    updateProgressing(this.d, status, current?.metadata.name, this.ctx.now);
    this.writeStatus(status);
    this.requeueAt = progressDeadlineAt(this.d, statusOf(this.d));
  }

  /** checkPausedConditions: Progressing=Unknown while paused (DeploymentPaused) and on resume (DeploymentResumed). */
  checkPausedConditions(): void {
    if (!hasProgressDeadline(this.d)) return;
    const status = cloneJson(statusOf(this.d));
    const cond = getCondition(status, "Progressing");
    if (cond?.reason === reasons.timedOut) return;
    const pausedCond = cond?.reason === reasons.paused;
    if (this.spec.paused && !pausedCond) {
      setCondition(status, newCondition("Progressing", "Unknown", reasons.paused, "Deployment is paused", this.ctx.now));
    } else if (!this.spec.paused && pausedCond) {
      setCondition(status, newCondition("Progressing", "Unknown", reasons.resumed, "Deployment is resumed", this.ctx.now));
    } else return;
    this.writeStatus(status);
  }
}
