// A pod's `spec.activeDeadlineSeconds`, as the kubelet's activeDeadlineHandler enforces it: once that many seconds
// have passed since the pod's status.startTime, the kubelet records a DeadlineExceeded event, stops every container
// and, once they have stopped, reports the pod Failed with reason DeadlineExceeded (the "deadline" rows of
// pod-stages.ts). The deadline is a timer of the simulation, and it survives a restart of the object because
// startTime is in the pod's status.
import type { Pod } from "../../api/schemas";
import type { PodRuntime } from "./pod-runtime";

/**
 * When `pod`'s active deadline passes, if it has one: activeDeadlineSeconds after its start time, counted from the
 * whole second status.startTime shows (so a runtime rebuilt from the status keeps the same deadline).
 */
export function activeDeadlineAt(pod: Pod, rt: PodRuntime): number | undefined {
  const seconds = pod.spec?.activeDeadlineSeconds;
  if (typeof seconds !== "number" || !Number.isFinite(seconds)) return undefined;
  return Math.floor(rt.acceptedAt / 1000) * 1000 + seconds * 1000;
}
