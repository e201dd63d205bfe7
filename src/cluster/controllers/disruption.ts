// The DisruptionTarget condition the taint eviction controller and pod garbage collection put on a pod before they
// delete it (Kubernetes' PodDisruptionConditions), and the "not done yet" test they share.
import type { Pod } from "../../api/schemas/core/pod";
import type { PodCondition } from "../../api/schemas/core/pod-status";
import { pods } from "../registry/pods";
import type { ControllerContext } from "../control-loop/types";

export function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

/** Write DisruptionTarget=True (reason, message) on the pod's status, and Failed as its phase when `fail` is set. */
export function markDisruptionTarget(ctx: ControllerContext, pod: Pod, reason: string, message: string, fail = false): Pod {
  const condition: PodCondition = { type: "DisruptionTarget", status: "True", reason, message, lastTransitionTime: new Date(ctx.now).toISOString().replace(/\.\d{3}Z$/, "Z") };
  const conditions = [...(pod.status?.conditions ?? []).filter((c) => c.type !== "DisruptionTarget"), condition];
  const phase = fail && !isTerminal(pod) ? "Failed" : pod.status?.phase;
  return ctx.registry.update(pods, pod.metadata.namespace, pod.metadata.name!, { ...pod, status: { ...pod.status, phase, conditions } }, { subresource: "status" });
}
