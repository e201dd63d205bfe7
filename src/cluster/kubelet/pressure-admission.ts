// The eviction manager's admit handler: on a node with MemoryPressure, a new BestEffort pod is refused (it would be
// the first evicted) unless it tolerates the memory-pressure taint; other pods and critical ones are admitted. The
// kubelet then fails the pod with reason Evicted, as its rejectPod does.
import type { Node, Pod } from "../../api/schemas";
import { tolerates } from "../../api/selectors/node-selector";
import { qosClass } from "../registry/pods/defaults";

const memoryPressureTaint = { key: "node.kubernetes.io/memory-pressure", effect: "NoSchedule" };
const systemCriticalPriority = 2_000_000_000;

/** The refusal's message (the Evicted event's; the pod's status says "Pod was rejected: " before it), or undefined. */
export function pressureRefusal(pod: Pod, node: Node): string | undefined {
  const pressure = node.status?.conditions?.find((c) => c.type === "MemoryPressure")?.status === "True";
  if (!pressure || !pod.spec) return undefined;
  if ((pod.spec.priority ?? 0) >= systemCriticalPriority) return undefined;
  if (qosClass(pod.spec) !== "BestEffort") return undefined;
  if ((pod.spec.tolerations ?? []).some((t) => tolerates(t, memoryPressureTaint))) return undefined;
  return "The node had condition: [MemoryPressure]. ";
}
