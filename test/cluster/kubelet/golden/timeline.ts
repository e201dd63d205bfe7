// A pod spec in, a timeline out: drives one pod through the kubelet's lifecycle simulation (the real simulated
// container runtime) the way the kubelet controller does — a reconcile at every moment something is due, or an input
// arrives — and writes, at each moment, the events written and the status when it changed. Times are relative to the
// moment the kubelet accepted the pod, so a timeline reads the same on any day.
import { advancePod } from "../../../../src/cluster/kubelet/lifecycle";
import { NodeState } from "../../../../src/cluster/kubelet/node-state";
import { newPodRuntime, rebuildPodRuntime, releaseProcesses } from "../../../../src/cluster/kubelet/pod-runtime";
import { computePodStatus } from "../../../../src/cluster/kubelet/pod-status";
import { simulatedRuntime } from "../../../../src/cluster/kubelet/simulated-runtime";
import { paces, type Pace } from "../../../../src/cluster/timing";
import type { Pod, PodSpec, ContainerStatus } from "../../../../src/api/schemas";
import { fakeClockStart } from "../../../helpers/fake-clock";
import { standInSources } from "../stand-in-sources";

/** Something that happens to the pod from outside, `at` ms after its start. */
export type Input =
  | { at: number; delete: { graceSeconds: number } }
  | { at: number; configMap: { name: string; data: Record<string, string> } }
  | { at: number; image: { container: string; image: string } }
  /** The kubelet forgets everything (its object restarted) and picks the pod up from its status. */
  | { at: number; kubeletRestart: true };

export interface Scenario {
  spec: Partial<PodSpec>;
  pace?: Pace;
  /** Stop after this many ms (a crash loop never ends by itself). */
  until: number;
  configMaps?: Record<string, Record<string, string>>;
  inputs?: Input[];
}

type State = NonNullable<ContainerStatus["state"]>;

function stateText(state: State | undefined): string {
  if (state?.running) return "running";
  if (state?.terminated) return `terminated ${state.terminated.reason} (exit ${state.terminated.exitCode})`;
  if (state?.waiting) return `waiting ${state.waiting.reason}${state.waiting.message ? `: ${state.waiting.message}` : ""}`;
  return "-";
}

function containerLine(kind: string, s: ContainerStatus): string {
  const last = s.lastState?.terminated ? `, last: ${stateText(s.lastState)}` : "";
  return `  ${kind} ${s.name}: ${stateText(s.state)}, restarts ${s.restartCount}, ready ${s.ready}, started ${s.started}${last}`;
}

function statusText(pod: Pod): string {
  const status = pod.status!;
  const cond = (type: string) => status.conditions?.find((c) => c.type === type)?.status ?? "?";
  const reason = status.reason ? ` (${status.reason}: ${status.message})` : "";
  const head = `  pod: ${status.phase}${reason}, Initialized=${cond("Initialized")}, Ready=${cond("Ready")}, podIP ${status.podIP ?? "-"}`;
  return [
    head,
    ...(status.initContainerStatuses ?? []).map((s) => containerLine("init", s)),
    ...(status.containerStatuses ?? []).map((s) => containerLine("container", s)),
  ].join("\n");
}

function clock(ms: number): string {
  return `t+${(ms / 1000).toFixed(3)}s`;
}

/** Run `scenario` and return its timeline, one block per moment at which something was written or changed. */
export function timeline(scenario: Scenario): string {
  const timing = paces[scenario.pace ?? "realistic"];
  const t0 = fakeClockStart();
  const configMaps = { ...(scenario.configMaps ?? {}) };
  const pod = {
    metadata: { name: "p", namespace: "default", uid: "uid-1" },
    spec: { nodeName: "worker-1", restartPolicy: "Always", terminationGracePeriodSeconds: 30, ...scenario.spec },
    status: { phase: "Pending" },
  } as Pod;
  let rt = newPodRuntime(pod, t0, timing.podSandboxMs);
  const sources = { ...standInSources(), configMap: (name: string) => configMaps[name] };
  const env = { timing, node: new NodeState("10.244.1.0/24"), sources, runtime: simulatedRuntime };
  const inputs = [...(scenario.inputs ?? [])].sort((a, b) => a.at - b.at);
  const out: string[] = [`pace ${scenario.pace ?? "realistic"}`];
  let deletion: { graceSeconds: number } | undefined;
  let lastStatus = "";
  let now = 0;
  for (let step = 0; step < 1000; step++) {
    const arriving = inputs.filter((i) => i.at === now);
    const lines: string[] = [];
    for (const input of arriving) {
      if ("delete" in input) {
        deletion = input.delete;
        lines.push(`  input: delete with grace ${input.delete.graceSeconds}s`);
      } else if ("configMap" in input) {
        configMaps[input.configMap.name] = input.configMap.data;
        lines.push(`  input: ConfigMap ${input.configMap.name} written`);
      } else if ("image" in input) {
        const spec = pod.spec!;
        const all = [...(spec.initContainers ?? []), ...spec.containers];
        pod.spec = { ...spec, containers: spec.containers.map((c) => (c.name === input.image.container ? { ...c, image: input.image.image } : c)) };
        if (!all.some((c) => c.name === input.image.container)) throw new Error(`no container ${input.image.container}`);
        lines.push(`  input: container ${input.image.container} image set to ${input.image.image}`);
      } else {
        rt = rebuildPodRuntime(JSON.parse(JSON.stringify(pod)), t0 + now);
        lines.push("  input: the kubelet restarts and rebuilds its view from the pod's status");
      }
    }
    const result = advancePod(pod, rt, env, t0 + now, deletion);
    for (const e of result.events) {
      const where = e.fieldPath ? ` ${e.fieldPath}` : "";
      lines.push(`  ${clock(e.at - t0) === clock(now) ? "" : `(${clock(e.at - t0)}) `}event ${e.type} ${e.reason}${where}: ${e.message}`);
    }
    if (result.stopped) {
      out.push(clock(now), ...lines, "  pod removed");
      return out.join("\n") + "\n";
    }
    pod.status = computePodStatus(pod, rt, "172.18.0.3", t0 + now) as Pod["status"];
    const status = statusText(pod);
    if (status !== lastStatus) lines.push(status);
    lastStatus = status;
    if (lines.length) out.push(clock(now), ...lines);
    const phase = pod.status!.phase;
    if ((phase === "Succeeded" || phase === "Failed") && !deletion) {
      out.push("  (terminal: the kubelet lets go of the pod)");
      break;
    }
    if (result.nextAt === undefined) releaseProcesses(rt);
    const nextInput = inputs.find((i) => i.at > now)?.at;
    const candidates = [result.nextAt === undefined ? undefined : result.nextAt - t0, nextInput].filter((t): t is number => t !== undefined);
    if (!candidates.length) {
      out.push("  (nothing due)");
      break;
    }
    const next = Math.min(...candidates);
    if (next > scenario.until) {
      out.push(`  (next step at ${clock(next)}, after the end of the scenario)`);
      break;
    }
    now = next;
  }
  return out.join("\n") + "\n";
}
