// What a restarted kubelet (a restarted Durable Object) does for the emptyDirs it lost: they live in memory only, so
// the pod's finished init containers run again, from the same specs at the same moments, and make their writes again
// (the kubernetes.io shared-volume example's index.html). Running containers write again as they are replayed;
// what a finished app container's run or an `exec` wrote is not recovered.
import type { Pod } from "../../api/schemas";
import { ConfigError, type PodSources } from "./env";
import { networkClientOf, type PodNetworkPort } from "./network-port";
import type { PodRuntime } from "./pod-runtime";
import { processSpecFor } from "./process-spec";
import type { ContainerRuntimePort } from "./runtime-port";

/** Run the pod's finished init containers again to their exit, when the pod has an emptyDir. */
export function replayInitWrites(pod: Pod, rt: PodRuntime, sources: PodSources, runtime: ContainerRuntimePort, network?: PodNetworkPort): void {
  if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir)) return;
  for (const c of rt.containers) {
    const run = c.current;
    if (!c.init || c.sidecar || run?.finishedAt === undefined) continue;
    const container = pod.spec?.initContainers?.find((i) => i.name === c.name);
    if (!container) continue;
    try {
      const spec = processSpecFor(pod, container, sources, run.startedAt);
      const process = runtime.start(network ? { ...spec, network: network.networkFor(networkClientOf(pod, c.name)) } : spec, run.startedAt);
      process.output(0, run.finishedAt - run.startedAt + 1);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
    }
  }
}
