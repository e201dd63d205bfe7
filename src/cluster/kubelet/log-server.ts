// The kubelet's side of the node connection (registry/pods/node-connection.ts): container logs, recomputed from the
// simulated process (nothing is stored). `follow` streams new lines as time passes and ends when the run stops.
import type { Pod } from "../../api/schemas";
import { configMaps } from "../registry/configmaps";
import type { RegistryStore } from "../registry/generic-store";
import { nodes } from "../registry/nodes";
import type { LogViewer, NodeAnswer, NodeConnection, PodLogRequest } from "../registry/pods/node-connection";
import { pods } from "../registry/pods";
import { secrets } from "../registry/secrets";
import { persistentVolumeClaims } from "../registry/persistentvolumeclaims";
import { persistentVolumes } from "../registry/persistentvolumes";
import type { PodSources } from "./env";
import { logSource, parseLogQuery, renderLines, replay, truncateBytes, type AccessLines, type LogOptions, type LogSource } from "./logs";
import type { AccessLogReader, PodNetworkPort } from "./network-port";
import { persistentVolumeOf, podSources, serviceAccountTokenOf } from "./pod-sources";
import type { ServiceAccountTokens } from "../registry/serviceaccounts/tokens";
import type { ContainerRuntimePort, SimulatedProcess } from "./runtime-port";
import type { VolumeStores } from "./volume-stores";
import { execInContainer, runningSource, terminalInContainer } from "./exec-server";
import type { ExecJournal } from "./exec-journal";
import { attachToContainer } from "./attach-server";
import type { ContainerInputs } from "./container-inputs";

/** How often a follow stream looks for new lines (wall clock). */
const followTickMs = 1000;

export interface LogServerDependencies {
  registry: RegistryStore;
  /** Signs the pods' projected ServiceAccount tokens (a placeholder token without it). */
  tokens?: ServiceAccountTokens;
  /** The container runtime that replays a run's output. */
  runtime: ContainerRuntimePort;
  now(): number;
  /** Run `fn` every `ms` (wall clock) until cancelled: runtime/timers' `every`. */
  every(ms: number, fn: () => void): () => void;
  /** The pod network a replayed run connects through (so its connections replay alike); none when absent. */
  network?: PodNetworkPort;
  /** The access-log lines of runs, merged with their output by time. */
  accessLogs?: AccessLogReader;
  /** The kubelet's writable volumes, which a replayed run reads and writes again (its own empty trees when absent). */
  volumes?: () => VolumeStores | undefined;
  /** The execs the kubelet keeps per run (those that wrote to its layer); none kept when absent. */
  execs?: () => ExecJournal | undefined;
  /** What attach wrote to containers' stdin (the kubelet's); a replayed run reads it too. */
  inputs?: () => ContainerInputs | undefined;
  /** Input reached a container of `pod` (attach): the kubelet looks at the pod again. */
  inputArrived?(pod: Pod): void;
}

type Render = (process: SimulatedProcess, source: LogSource, from: number, until: number, options: LogOptions, access?: AccessLines) => string;

/** The pod's sources; every Secret value a container reads is added to `read`. */
function sourcesFor(registry: RegistryStore, pod: Pod, read: string[], volumes: VolumeStores | undefined, tokens: ServiceAccountTokens | undefined, inputs?: ContainerInputs): PodSources {
  const nodeName = pod.spec?.nodeName;
  const node = nodeName ? registry.tryGet(nodes, undefined, nodeName) : undefined;
  const sources = podSources(registry, { configMaps, secrets }, pod.metadata.namespace!, node);
  return {
    ...sources,
    ...(volumes ? { volumes: volumes.forPod(pod.metadata.uid ?? "", nodeName ?? "", false) } : {}),
    persistentVolume: persistentVolumeOf(registry, { claims: persistentVolumeClaims, volumes: persistentVolumes }, pod.metadata.namespace!),
    ...(inputs ? { stdin: (container: string) => inputs.of(pod.metadata.uid ?? "", container) } : {}),
    secret(name) {
      const data = sources.secret(name);
      if (data) read.push(...Object.values(data));
      return data;
    },
    serviceAccountToken(audience, expirationSeconds) {
      const token = serviceAccountTokenOf(registry, tokens, pod)(audience, expirationSeconds);
      if (token) read.push(token);
      return token;
    },
  };
}

/** The rendering with Secret values masked before the text is cut (read-only callers). */
function maskedRender(viewer: LogViewer): Render {
  return (process, source, from, until, options, access) => {
    const whole = renderLines(process, source, from, until, { ...options, tailLines: undefined, limitBytes: undefined }, access);
    let text = viewer.mask(whole);
    if (options.tailLines !== undefined) {
      const lines = text.split(/(?<=\n)/).filter(Boolean);
      text = options.tailLines <= 0 ? "" : lines.slice(-options.tailLines).join("");
    }
    return options.limitBytes !== undefined ? truncateBytes(text, options.limitBytes) : text;
  };
}

/** The simulated kubelets' server: one for every node, since every node's kubelet runs in this object. */
export function kubeletConnection(deps: LogServerDependencies): NodeConnection {
  return {
    containerLog(request: PodLogRequest): NodeAnswer {
      const { pod, viewer } = request;
      const now = deps.now();
      const options = parseLogQuery(request.query, now);
      const source = logSource(pod, options);
      const read: string[] = [];
      const execs = deps.execs?.()?.of(pod, source.containerID, source.startedAt);
      const process = replay(pod, source, sourcesFor(deps.registry, pod, read, deps.volumes?.(), deps.tokens, deps.inputs?.()), deps.runtime, deps.network, execs);
      viewer?.admit(read, source.container.name);
      const render: Render = viewer ? maskedRender(viewer) : renderLines;
      const logs = deps.accessLogs;
      const access: AccessLines | undefined = logs ? (from, until) => logs.accessLines(source.containerID.replace(/^containerd:\/\//, ""), from, until) : undefined;
      const first = render(process, source, source.startedAt, now, options, access);
      if (!options.follow || source.finishedAt !== undefined) return { text: first };
      const more = (from: number, until: number) => render(process, source, from, until, { ...options, tailLines: undefined }, access);
      return { stream: follow(deps, pod, source, first, now, more) };
    },
    execTarget(pod, container) {
      runningSource(pod, container);
    },
    exec(request) {
      return execInContainer(deps, (pod) => sourcesFor(deps.registry, pod, [], deps.volumes?.(), deps.tokens, deps.inputs?.()), request);
    },
    attach(request) {
      return attachToContainer(deps, (pod) => sourcesFor(deps.registry, pod, [], deps.volumes?.(), deps.tokens, deps.inputs?.()), request);
    },
    execTerminal(request) {
      return terminalInContainer(deps, (pod) => sourcesFor(deps.registry, pod, [], deps.volumes?.(), deps.tokens, deps.inputs?.()), request);
    },
  };
}

/** When the run `source` ended in the pod's current status (now when the pod or the run is gone); undefined while it runs. */
function endOf(deps: LogServerDependencies, namespace: string | undefined, name: string, source: LogSource): number | undefined {
  const pod = deps.registry.tryGet(pods, namespace, name);
  if (!pod) return deps.now();
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])];
  for (const s of statuses) {
    for (const state of [s.state, s.lastState]) {
      const t = state?.terminated;
      // Status times are whole seconds: the run ended within the second after the one recorded (a line printed in
      // the exit's millisecond belongs to the log).
      if (t?.containerID === source.containerID) return Date.parse(t.finishedAt ?? "") + 999;
      if (state?.running && s.containerID === source.containerID) return undefined;
    }
  }
  return deps.now();
}

function follow(
  deps: LogServerDependencies,
  pod: Pod,
  source: LogSource,
  first: string,
  startedAt: number,
  more: (from: number, until: number) => string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const { namespace, name } = pod.metadata;
  let cancel: (() => void) | undefined;
  let sentUntil = startedAt;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (first) controller.enqueue(encoder.encode(first));
      cancel = deps.every(followTickMs, () => {
        const finishedAt = endOf(deps, namespace, name!, source);
        const until = finishedAt ?? deps.now();
        const text = more(sentUntil, until);
        sentUntil = Math.max(sentUntil, until);
        if (text) controller.enqueue(encoder.encode(text));
        if (finishedAt !== undefined) {
          cancel?.();
          controller.close();
        }
      });
    },
    cancel() {
      cancel?.();
    },
  });
}
