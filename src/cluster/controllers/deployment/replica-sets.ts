// Reading a Deployment's ReplicaSets (deployment util): sizes, revisions, annotations and the orders the controller
// sorts them in.
import type { KubeObject } from "../../../api/object";

type Json = Record<string, any>;

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

export function specReplicas(obj: KubeObject): number {
  return ((obj.spec ?? {}) as Json).replicas ?? 0;
}

export function statusOf(obj: KubeObject): Json {
  return (obj.status ?? {}) as Json;
}

export function availableReplicas(rs: KubeObject): number {
  return statusOf(rs).availableReplicas ?? 0;
}

export function revisionOf(rs: KubeObject): number {
  const value = Number(rs.metadata.annotations?.[revisionAnnotation] ?? "0");
  return Number.isInteger(value) ? value : 0;
}

export function intAnnotation(rs: KubeObject, key: string): number | undefined {
  const raw = rs.metadata.annotations?.[key];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  return Number.isInteger(value) ? value : undefined;
}

export function sumOf(list: KubeObject[], read: (rs: KubeObject) => number): number {
  return list.reduce((sum, rs) => sum + read(rs), 0);
}

export function isActive(rs: KubeObject): boolean {
  return specReplicas(rs) > 0;
}

function created(rs: KubeObject): string {
  return rs.metadata.creationTimestamp ?? "";
}

/** Oldest first; ties by name. */
export function byCreation(a: KubeObject, b: KubeObject): number {
  if (created(a) !== created(b)) return created(a) < created(b) ? -1 : 1;
  return (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1;
}

/** Larger first; ties older first (scaling down). */
export function bySizeOlder(a: KubeObject, b: KubeObject): number {
  return specReplicas(a) !== specReplicas(b) ? specReplicas(b) - specReplicas(a) : byCreation(a, b);
}

/** Larger first; ties newer first (scaling up). */
export function bySizeNewer(a: KubeObject, b: KubeObject): number {
  return specReplicas(a) !== specReplicas(b) ? specReplicas(b) - specReplicas(a) : byCreation(b, a);
}

/** Lowest revision first; ties by creation. */
export function byRevision(a: KubeObject, b: KubeObject): number {
  return revisionOf(a) !== revisionOf(b) ? revisionOf(a) - revisionOf(b) : byCreation(a, b);
}
