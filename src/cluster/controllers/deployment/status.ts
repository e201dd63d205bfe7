// A Deployment's status and conditions (deployment util, progress.go): counts summed over its ReplicaSets, the
// Available condition from the unavailability budget, and the Progressing condition's life cycle with the real
// reasons and messages.
import type { KubeObject } from "../../../api/object";
import { rfc3339 } from "../../../runtime/clock";
import { maxUnavailableOf } from "./rollout-math";
import { availableReplicas, specReplicas, statusOf, sumOf } from "./replica-sets";
import { cloneJson } from "../../../api/clone";

type Json = Record<string, any>;

export interface DeploymentCondition {
  type: string;
  status: "True" | "False" | "Unknown";
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export const reasons = {
  newRSCreated: "NewReplicaSetCreated",
  foundNewRS: "FoundNewReplicaSet",
  rsUpdated: "ReplicaSetUpdated",
  newRSAvailable: "NewReplicaSetAvailable",
  timedOut: "ProgressDeadlineExceeded",
  paused: "DeploymentPaused",
  resumed: "DeploymentResumed",
  minimumAvailable: "MinimumReplicasAvailable",
  minimumUnavailable: "MinimumReplicasUnavailable",
  failedRSCreate: "ReplicaSetCreateError",
};

export function newCondition(type: string, status: DeploymentCondition["status"], reason: string, message: string, now: number): DeploymentCondition {
  const time = rfc3339(now);
  return { type, status, lastUpdateTime: time, lastTransitionTime: time, reason, message };
}

export function getCondition(status: Json, type: string): DeploymentCondition | undefined {
  return (status.conditions ?? []).find((c: DeploymentCondition) => c.type === type);
}

/** SetDeploymentCondition: no-op for the same status and reason; the transition time survives a same-status change. */
export function setCondition(status: Json, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  if (current && current.status === condition.status) condition.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c: DeploymentCondition) => c.type !== condition.type), condition];
}

export function removeCondition(status: Json, type: string): void {
  status.conditions = (status.conditions ?? []).filter((c: DeploymentCondition) => c.type !== type);
  if (!status.conditions.length) delete status.conditions;
}

export function hasProgressDeadline(d: KubeObject): boolean {
  const seconds = ((d.spec ?? {}) as Json).progressDeadlineSeconds;
  return typeof seconds === "number" && seconds !== 2147483647;
}

/** calculateStatus: counts over every ReplicaSet and the Available condition. Zero counts are omitted, as in Go. */
export function calculateStatus(d: KubeObject, allRSs: KubeObject[], newRS: KubeObject | undefined, now: number): Json {
  const old = statusOf(d);
  const available = sumOf(allRSs, availableReplicas);
  const counts: Json = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: sumOf(allRSs, (rs) => statusOf(rs).replicas ?? 0),
    updatedReplicas: newRS ? statusOf(newRS).replicas ?? 0 : 0,
    readyReplicas: sumOf(allRSs, (rs) => statusOf(rs).readyReplicas ?? 0),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sumOf(allRSs, specReplicas) - available),
  };
  const status: Json = {};
  for (const [k, v] of Object.entries(counts)) if (v) status[k] = v;
  if (old.conditions) status.conditions = cloneJson(old.conditions);
  if (old.collisionCount !== undefined) status.collisionCount = old.collisionCount;
  if (available >= specReplicas(d) - maxUnavailableOf(d)) {
    setCondition(status, newCondition("Available", "True", reasons.minimumAvailable, "Deployment has minimum availability.", now));
  } else {
    setCondition(status, newCondition("Available", "False", reasons.minimumUnavailable, "Deployment does not have minimum availability.", now));
  }
  return status;
}

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function isComplete(d: KubeObject, status: Json): boolean {
  const desired = specReplicas(d);
  return (
    (status.updatedReplicas ?? 0) === desired &&
    (status.replicas ?? 0) === desired &&
    (status.availableReplicas ?? 0) === desired &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 1)
  );
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available pods than last observed. */
export function isProgressing(d: KubeObject, status: Json): boolean {
  const old = statusOf(d);
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (status.replicas ?? 0) - (status.updatedReplicas ?? 0);
  return (
    (status.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

function deadlineMs(d: KubeObject): number {
  return (((d.spec ?? {}) as Json).progressDeadlineSeconds ?? 600) * 1000;
}

/** DeploymentTimedOut: no progress for progressDeadlineSeconds since the Progressing condition last changed. */
export function isTimedOut(d: KubeObject, status: Json, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(status, "Progressing");
  if (!cond || cond.reason === reasons.newRSAvailable) return false;
  if (cond.reason === reasons.timedOut) return true;
  return Date.parse(cond.lastUpdateTime) + deadlineMs(d) < now;
}

/**
 * syncRolloutStatus's Progressing condition: complete, progressing or timed out. Mutates and returns `status`.
 * `newRSName` names the new ReplicaSet in the messages.
 */
export function updateProgressing(d: KubeObject, status: Json, newRSName: string | undefined, now: number): Json {
  if (!hasProgressDeadline(d)) {
    removeCondition(status, "Progressing");
    return status;
  }
  const current = getCondition(status, "Progressing");
  const complete = status.replicas === status.updatedReplicas && current?.reason === reasons.newRSAvailable;
  if (complete) return status;
  if (isComplete(d, status)) {
    const message = newRSName ? `ReplicaSet "${newRSName}" has successfully progressed.` : "Deployment has successfully progressed.";
    setCondition(status, newCondition("Progressing", "True", reasons.newRSAvailable, message, now));
  } else if (isProgressing(d, status)) {
    const message = newRSName ? `ReplicaSet "${newRSName}" is progressing.` : "Deployment is progressing.";
    const condition = newCondition("Progressing", "True", reasons.rsUpdated, message, now);
    if (current?.status === "True") condition.lastTransitionTime = current.lastTransitionTime;
    removeCondition(status, "Progressing");
    setCondition(status, condition);
  } else if (isTimedOut(d, status, now)) {
    const message = newRSName ? `ReplicaSet "${newRSName}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
    setCondition(status, newCondition("Progressing", "False", reasons.timedOut, message, now));
  }
  return status;
}

/**
 * requeueStuckDeployment: when the progress deadline would pass, if the rollout is still going and a progress check
 * could then time it out. Never for NewReplicaSetAvailable: DeploymentTimedOut does not fire from a completed
 * rollout (a later scale-up is no rollout; Progressing stays as it is until a new ReplicaSet), so its deadline lies
 * in the past for good and a wake-up there would only run again at once. Kubernetes requeues such a Deployment
 * rate-limited for nothing; the pods' and ReplicaSets' changes wake it here when something can change.
 */
export function progressDeadlineAt(d: KubeObject, status: Json): number | undefined {
  const cond = getCondition(status, "Progressing");
  if (!hasProgressDeadline(d) || !cond || isComplete(d, status)) return undefined;
  if (cond.reason === reasons.timedOut || cond.reason === reasons.paused || cond.reason === reasons.newRSAvailable) return undefined;
  const at = Date.parse(cond.lastUpdateTime) + deadlineMs(d) + 1000;
  return Number.isFinite(at) ? at : undefined;
}
