// A Deployment's status and conditions (deployment util, progress.go): counts summed over its ReplicaSets, the
// Available condition from the unavailability budget, and the Progressing condition's life cycle with the real
// reasons and messages.
import type { Deployment } from "../../../api/schemas/apps/deployment";
import type { ReplicaSet } from "../../../api/schemas/apps/replicaset";
import { rfc3339 } from "../../../runtime/clock";
import { maxUnavailableOf } from "./rollout-math";
import { availableReplicas, specReplicas, statusOf, sumOf, type DeploymentStatus } from "./replica-sets";
import { cloneJson } from "../../../api/clone";

export type DeploymentCondition = NonNullable<DeploymentStatus["conditions"]>[number];

/** The counts calculateStatus sets (each omitted when zero). */
type CountField = "observedGeneration" | "replicas" | "updatedReplicas" | "readyReplicas" | "availableReplicas" | "unavailableReplicas";

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

export function newCondition(type: string, status: "True" | "False" | "Unknown", reason: string, message: string, now: number): DeploymentCondition {
  const time = rfc3339(now);
  return { type, status, lastUpdateTime: time, lastTransitionTime: time, reason, message };
}

export function getCondition(status: DeploymentStatus, type: string): DeploymentCondition | undefined {
  return (status.conditions ?? []).find((c) => c.type === type);
}

/** SetDeploymentCondition: no-op for the same status and reason; the transition time survives a same-status change. */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  if (current && current.status === condition.status) condition.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), condition];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  status.conditions = (status.conditions ?? []).filter((c) => c.type !== type);
  if (!status.conditions.length) delete status.conditions;
}

export function hasProgressDeadline(d: Deployment): boolean {
  const seconds = d.spec?.progressDeadlineSeconds;
  return typeof seconds === "number" && seconds !== 2147483647;
}

/** calculateStatus: counts over every ReplicaSet and the Available condition. Zero counts are omitted, as in Go. */
export function calculateStatus(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet | undefined, now: number): DeploymentStatus {
  const old = statusOf(d);
  const available = sumOf(allRSs, availableReplicas);
  const counts: Array<[CountField, number]> = [
    ["observedGeneration", d.metadata.generation ?? 1],
    ["replicas", sumOf(allRSs, (rs) => statusOf(rs).replicas ?? 0)],
    ["updatedReplicas", newRS ? statusOf(newRS).replicas ?? 0 : 0],
    ["readyReplicas", sumOf(allRSs, (rs) => statusOf(rs).readyReplicas ?? 0)],
    ["availableReplicas", available],
    ["unavailableReplicas", Math.max(0, sumOf(allRSs, specReplicas) - available)],
  ];
  const status: DeploymentStatus = {};
  for (const [k, v] of counts) if (v) status[k] = v;
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
export function isComplete(d: Deployment, status: DeploymentStatus): boolean {
  const desired = specReplicas(d);
  return (
    (status.updatedReplicas ?? 0) === desired &&
    (status.replicas ?? 0) === desired &&
    (status.availableReplicas ?? 0) === desired &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 1)
  );
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available pods than last observed. */
export function isProgressing(d: Deployment, status: DeploymentStatus): boolean {
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

function deadlineMs(d: Deployment): number {
  return (d.spec?.progressDeadlineSeconds ?? 600) * 1000;
}

/** DeploymentTimedOut: no progress for progressDeadlineSeconds since the Progressing condition last changed. */
export function isTimedOut(d: Deployment, status: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(status, "Progressing");
  if (!cond || cond.reason === reasons.newRSAvailable) return false;
  if (cond.reason === reasons.timedOut) return true;
  return Date.parse(cond.lastUpdateTime ?? "") + deadlineMs(d) < now;
}

/**
 * syncRolloutStatus's Progressing condition: complete, progressing or timed out. Mutates and returns `status`.
 * `newRSName` names the new ReplicaSet in the messages.
 */
export function updateProgressing(d: Deployment, status: DeploymentStatus, newRSName: string | undefined, now: number): DeploymentStatus {
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
export function progressDeadlineAt(d: Deployment, status: DeploymentStatus): number | undefined {
  const cond = getCondition(status, "Progressing");
  if (!hasProgressDeadline(d) || !cond || isComplete(d, status)) return undefined;
  if (cond.reason === reasons.timedOut || cond.reason === reasons.paused || cond.reason === reasons.newRSAvailable) return undefined;
  const at = Date.parse(cond.lastUpdateTime ?? "") + deadlineMs(d) + 1000;
  return Number.isFinite(at) ? at : undefined;
}
