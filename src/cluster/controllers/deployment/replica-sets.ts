// Reading a Deployment's ReplicaSets (deployment util): sizes, revisions, annotations and the orders the controller
// sorts them in.
import type { Deployment } from "../../../api/schemas/apps/deployment";
import type { ReplicaSet } from "../../../api/schemas/apps/replicaset";

export type DeploymentStatus = NonNullable<Deployment["status"]>;
/** A ReplicaSet's status as read (`{}` before its controller first wrote it). */
export type ReplicaSetStatus = Partial<NonNullable<ReplicaSet["status"]>>;

export const revisionAnnotation = "deployment.kubernetes.io/revision";
export const revisionHistoryAnnotation = "deployment.kubernetes.io/revision-history";
export const desiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";
export const maxReplicasAnnotation = "deployment.kubernetes.io/max-replicas";

/** Deployment annotations never copied onto its ReplicaSets (nor back by `rollout undo`). */
export const annotationsToSkip = new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  revisionAnnotation,
  revisionHistoryAnnotation,
  desiredReplicasAnnotation,
  maxReplicasAnnotation,
  "deprecated.deployment.rollback.to",
]);

export function specReplicas(obj: Deployment | ReplicaSet): number {
  return obj.spec?.replicas ?? 0;
}

export function statusOf(obj: Deployment): DeploymentStatus;
export function statusOf(obj: ReplicaSet): ReplicaSetStatus;
export function statusOf(obj: Deployment | ReplicaSet): DeploymentStatus | ReplicaSetStatus {
  return obj.status ?? {};
}

export function availableReplicas(rs: ReplicaSet): number {
  return statusOf(rs).availableReplicas ?? 0;
}

export function revisionOf(rs: ReplicaSet): number {
  const value = Number(rs.metadata.annotations?.[revisionAnnotation] ?? "0");
  return Number.isInteger(value) ? value : 0;
}

export function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const raw = rs.metadata.annotations?.[key];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  return Number.isInteger(value) ? value : undefined;
}

export function sumOf(list: ReplicaSet[], read: (rs: ReplicaSet) => number): number {
  return list.reduce((sum, rs) => sum + read(rs), 0);
}

export function isActive(rs: ReplicaSet): boolean {
  return specReplicas(rs) > 0;
}

function created(rs: ReplicaSet): string {
  return rs.metadata.creationTimestamp ?? "";
}

/** Oldest first; ties by name. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  if (created(a) !== created(b)) return created(a) < created(b) ? -1 : 1;
  return (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1;
}

/** Larger first; ties older first (scaling down). */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  return specReplicas(a) !== specReplicas(b) ? specReplicas(b) - specReplicas(a) : byCreation(a, b);
}

/** Larger first; ties newer first (scaling up). */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  return specReplicas(a) !== specReplicas(b) ? specReplicas(b) - specReplicas(a) : byCreation(b, a);
}

/** Lowest revision first; ties by creation. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  return revisionOf(a) !== revisionOf(b) ? revisionOf(a) - revisionOf(b) : byCreation(a, b);
}
