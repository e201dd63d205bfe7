// A pod found bound to its node when the node boots again (issue 11): its sandbox and containers died with the
// machine, so the kubelet makes a new sandbox and starts every container again; each container that had run counts
// one restart more, and the pod keeps its start time.
import type { Pod } from "../../api/schemas/core/pod";
import type { KubeObject } from "../../api/object";
import { parseTime } from "../../api/timestamp";
import { newPodRuntime, type PodRuntime } from "./pod-runtime";

type ContainerStatus = NonNullable<NonNullable<Pod["status"]>["containerStatuses"]>[number];

export function restartedRuntime(pod: KubeObject, now: number, sandboxMs: number): PodRuntime {
  const status = (pod as KubeObject & Pod).status;
  const rt = newPodRuntime(pod, now, sandboxMs);
  rt.acceptedAt = parseTime(status?.startTime) ?? now;
  const statuses: ContainerStatus[] = [...(status?.initContainerStatuses ?? []), ...(status?.containerStatuses ?? [])];
  for (const container of rt.containers) {
    const before = statuses.find((s) => s.name === container.name);
    if (!before) continue;
    const ran = !!(before.state?.running || before.state?.terminated || before.lastState?.terminated);
    container.restartCount = (before.restartCount ?? 0) + (ran ? 1 : 0);
  }
  return rt;
}
