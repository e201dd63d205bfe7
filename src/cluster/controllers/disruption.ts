// The DisruptionTarget condition the taint eviction controller and pod garbage collection put on a pod before they
// delete it (Kubernetes' PodDisruptionConditions), and the "not done yet" test they share.
import type { KubeObject } from "../../api/object";
import type { Pod } from "../../api/schemas/core/pod";
import type { ControllerContext } from "./types";

type PodCondition = NonNullable<NonNullable<Pod["status"]>["conditions"]>[number];

export function isTerminal(pod: KubeObject & Pod): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

/** Write DisruptionTarget=True (reason, message) on the pod's status, and Failed as its phase when `fail` is set. */
export function markDisruptionTarget(ctx: ControllerContext, pod: KubeObject & Pod, reason: string, message: string, fail = false): KubeObject & Pod {
  const pods = ctx.table.byResource("", "v1", "pods")!;
  const condition: PodCondition = { type: "DisruptionTarget", status: "True", reason, message, lastTransitionTime: new Date(ctx.now).toISOString().replace(/\.\d{3}Z$/, "Z") };
  const conditions = [...(pod.status?.conditions ?? []).filter((c) => c.type !== "DisruptionTarget"), condition];
  const phase = fail && !isTerminal(pod) ? "Failed" : pod.status?.phase;
  return ctx.registry.update(pods, pod.metadata.namespace, pod.metadata.name!, { ...pod, status: { ...pod.status, phase, conditions } }, { subresource: "status" }) as KubeObject & Pod;
}
