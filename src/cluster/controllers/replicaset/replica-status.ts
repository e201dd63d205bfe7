// A ReplicaSet's (or ReplicationController's) status from its pods (calculateStatus): active, fully labelled,
// ready and available counts, and when the next ready pod will have been ready for minReadySeconds.
import type { KubeObject } from "../../../api/object";
import { availableAt, isPodActive, isPodAvailable, isPodReady } from "./pod-state";

type Json = Record<string, any>;

export function replicaStatus(owner: KubeObject, pods: KubeObject[], now: number): { status: Json; nextAvailableAt?: number } {
  const spec = (owner.spec ?? {}) as Json;
  const minReadySeconds: number = spec.minReadySeconds ?? 0;
  const templateLabels: Record<string, string> = spec.template?.metadata?.labels ?? {};
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
  const status: Json = { replicas };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  status.observedGeneration = owner.metadata.generation ?? 1;
  const conditions = ((owner.status ?? {}) as Json).conditions;
  if (conditions?.length) status.conditions = conditions;
  return { status, nextAvailableAt };
}
