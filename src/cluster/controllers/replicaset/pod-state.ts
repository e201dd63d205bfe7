// How the workload controllers read a pod's state (controller_utils / podutil): active, ready, available.
import type { KubeObject } from "../../../api/object";
import type { Pod } from "../../../api/schemas/core/pod";
import type { PodCondition } from "../../../api/schemas/core/pod-status";

/** Counts toward replicas: not terminating and not finished. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !pod.metadata.deletionTimestamp && phase !== "Succeeded" && phase !== "Failed";
}

export function readyCondition(pod: Pod): PodCondition | undefined {
  return (pod.status?.conditions ?? []).find((c) => c.type === "Ready");
}

export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === "True";
}

/** Ready for at least minReadySeconds at `now` (ms). */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const ready = readyCondition(pod);
  if (ready?.status !== "True") return false;
  if (minReadySeconds <= 0) return true;
  const since = Date.parse(ready.lastTransitionTime ?? "");
  return Number.isFinite(since) && since + minReadySeconds * 1000 <= now;
}

/** When a ready pod that is not yet available becomes available (ms), if it will. */
export function availableAt(pod: Pod, minReadySeconds: number): number | undefined {
  const ready = readyCondition(pod);
  if (ready?.status !== "True" || minReadySeconds <= 0) return undefined;
  const since = Date.parse(ready.lastTransitionTime ?? "");
  return Number.isFinite(since) ? since + minReadySeconds * 1000 : undefined;
}

/** The owner reference marked controller=true, if any. */
export function controllerRefOf(obj: KubeObject) {
  return (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
}
