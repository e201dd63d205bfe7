// A ReplicaSet's (or ReplicationController's) status from its pods (calculateStatus): active, fully labelled,
// ready and available counts, and when the next ready pod will have been ready for minReadySeconds.
import type { Pod } from "../../../api/schemas/core/pod";
import type { ReplicaSet } from "../../../api/schemas/apps/replicaset";
import type { ReplicationController } from "../../../api/schemas/core/replicationcontroller";
import { availableAt, isPodActive, isPodAvailable, isPodReady } from "./pod-state";

/** The objects the replica controller keeps pods for. */
export type ReplicaOwner = ReplicaSet | ReplicationController;

/** The status both kinds share (a ReplicationController has no terminatingReplicas, which this does not set). */
export type ReplicaStatus = NonNullable<ReplicationController["status"]>;

export function replicaStatus(owner: ReplicaOwner, pods: Pod[], now: number): { status: ReplicaStatus; nextAvailableAt?: number } {
  const spec = owner.spec;
  const minReadySeconds = spec?.minReadySeconds ?? 0;
  const templateLabels = spec?.template?.metadata?.labels ?? {};
  const templateEntries = Object.entries(templateLabels);
  let replicas = 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  let nextAvailableAt: number | undefined;
  for (const pod of pods) {
    if (!isPodActive(pod)) continue;
    replicas++;
    const labels = pod.metadata.labels ?? {};
    if (templateEntries.every(([k, v]) => labels[k] === v)) fullyLabeled++;
    if (!isPodReady(pod)) continue;
    ready++;
    if (isPodAvailable(pod, minReadySeconds, now)) available++;
    else {
      const at = availableAt(pod, minReadySeconds);
      if (at !== undefined) nextAvailableAt = Math.min(nextAvailableAt ?? at, at);
    }
  }
  const status: ReplicaStatus = { replicas };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  status.observedGeneration = owner.metadata.generation ?? 1;
  const conditions = owner.status?.conditions;
  if (conditions?.length) status.conditions = conditions;
  return { status, nextAvailableAt };
}
