// Drives one pod through the kubelet's lifecycle simulation with fake time (realistic pace), as the kubelet does:
// advance to a moment, collect the events, recompute the status. The runtime is fake-runtime.ts unless a test passes
// its own.
import { advancePod } from "../../../src/cluster/kubelet/lifecycle";
import { NodeState } from "../../../src/cluster/kubelet/node-state";
import { newPodRuntime, rebuildPodRuntime, type PodRuntime } from "../../../src/cluster/kubelet/pod-runtime";
import { computePodStatus } from "../../../src/cluster/kubelet/pod-status";
import type { ContainerRuntimePort } from "../../../src/cluster/kubelet/runtime-port";
import { paces } from "../../../src/cluster/timing";
import { fakeRuntime } from "./fake-runtime";
import { standInSources } from "./stand-in-sources";

export const timing = paces.realistic;
export const t0 = Date.parse("2025-01-01T00:00:00Z");
/** When a container whose image is not on the node yet is running, counted from the moment it is due. */
export const pullAndStart = timing.imagePullMs.medium + timing.containerStartMs;

type Json = Record<string, any>;

export function makePod(spec: Json): any {
  return {
    metadata: { name: "p", namespace: "default", uid: "uid-1" },
    spec: { nodeName: "worker-1", restartPolicy: "Always", terminationGracePeriodSeconds: 30, ...spec },
    status: { phase: "Pending" },
  };
}

/** `configMaps`: the ConfigMaps the pod's namespace holds, by name (their data). */
export function harness(pod: any, acceptedAt = t0, configMaps: Record<string, Record<string, string>> = {}, runtime: ContainerRuntimePort = fakeRuntime) {
  let rt: PodRuntime = newPodRuntime(pod, acceptedAt, timing.podSandboxMs);
  const sources = { ...standInSources({ allocatable: {} }), configMap: (name: string) => configMaps[name] };
  const env = { timing, node: new NodeState("10.244.1.0/24"), sources, runtime };
  const events: any[] = [];
  const at = (ms: number, deletion?: { graceSeconds: number }) => {
    const result = advancePod(pod, rt, env as any, t0 + ms, deletion);
    events.push(...result.events);
    pod.status = computePodStatus(pod, rt, "172.18.0.3", t0 + ms);
    return result;
  };
  return {
    get rt() {
      return rt;
    },
    at,
    events,
    /** The kubelet forgets everything (the object restarted) and picks the pod up from its stored status at `ms`. */
    restart(ms: number) {
      pod.status = JSON.parse(JSON.stringify(pod.status));
      rt = rebuildPodRuntime(pod, t0 + ms);
    },
    reasons: () => events.map((e) => e.reason),
    /** `reason/container` of every event, with its time in ms after t0. */
    timeline: () => events.map((e) => `${e.at - t0} ${e.reason}${e.fieldPath ? ` ${e.fieldPath}` : ""}`),
    init: (name: string) => pod.status.initContainerStatuses.find((s: Json) => s.name === name),
    app: (name: string) => pod.status.containerStatuses.find((s: Json) => s.name === name),
    condition: (type: string) => pod.status.conditions.find((c: Json) => c.type === type),
  };
}
