// The StatefulSet's status (computeReplicaStatus, completeRollingUpdate): counts over the pods it controls.
import type { StatefulSet } from "../../../api/schemas/apps/statefulset";
import type { Pod } from "../../../api/schemas/core/pod";
import { availableAt, isPodAvailable, isPodReady } from "../replicaset/pod-state";
import { replicaCount, revisionLabel } from "./identity";
import type { SetRevisions } from "./revisions";

type Status = NonNullable<StatefulSet["status"]>;

export const isRunningAndReady = (pod: Pod) => pod.status?.phase === "Running" && isPodReady(pod);
export const isCreated = (pod: Pod) => !!pod.status?.phase;
export const isTerminating = (pod: Pod) => !!pod.metadata.deletionTimestamp;
export const isHealthy = (pod: Pod) => isRunningAndReady(pod) && !isTerminating(pod);

export function computeStatus(set: StatefulSet, pods: Pod[], revisions: SetRevisions, now: number): { status: Status; nextAvailable?: number } {
  const minReady = set.spec?.minReadySeconds ?? 0;
  const counts = { replicas: 0, ready: 0, available: 0, current: 0, updated: 0 };
  let nextAvailable: number | undefined;
  for (const pod of pods) {
    if (isCreated(pod)) counts.replicas += 1;
    if (isRunningAndReady(pod)) {
      counts.ready += 1;
      if (isPodAvailable(pod, minReady, now)) counts.available += 1;
      else {
        const at = availableAt(pod, minReady);
        if (at !== undefined) nextAvailable = Math.min(nextAvailable ?? Infinity, at);
      }
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      const revision = pod.metadata.labels?.[revisionLabel];
      if (revision === revisions.current.metadata.name) counts.current += 1;
      if (revision === revisions.update.metadata.name) counts.updated += 1;
    }
  }
  const status: Status = {
    observedGeneration: set.metadata.generation,
    replicas: counts.replicas,
    readyReplicas: counts.ready,
    currentReplicas: counts.current,
    updatedReplicas: counts.updated,
    currentRevision: revisions.current.metadata.name,
    updateRevision: revisions.update.metadata.name,
    collisionCount: revisions.collisionCount,
    availableReplicas: counts.available,
    ...(set.status?.conditions ? { conditions: set.status.conditions } : {}),
  };
  const desired = replicaCount(set);
  if (set.spec?.updateStrategy?.type === "RollingUpdate" && counts.updated === desired && counts.ready === desired && counts.replicas === desired) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
  return { status, nextAvailable };
}
