// The simulated kubelet: one controller for every node. A pod bound to a node (spec.nodeName) is driven through its
// lifecycle by `advancePod`; each reconcile applies what is due, writes the status and events, and asks to be woken
// at the next due moment only (a running server without probes asks for nothing). Per-node state (image cache, pod
// IPs) and per-pod runtime live in memory and are rebuilt from pods after a restart.
import type { Node } from "../../api/schemas/core/node";
import type { Pod } from "../../api/schemas/core/pod";
import type { StoreEvent } from "../storage/store";
import { configMaps } from "../registry/configmaps";
import { nodes } from "../registry/nodes";
import { persistentVolumeClaims } from "../registry/persistentvolumeclaims";
import { persistentVolumes } from "../registry/persistentvolumes";
import { pods } from "../registry/pods";
import { secrets } from "../registry/secrets";
import type { ResourceDef } from "../registry/types";
import { deepEqual } from "../../api/json-equal";
import { keyOf, splitKey, watch, type Controller, type ControllerContext, type KindEvent, type ReconcileResult, type Watch } from "../control-loop/types";
import { hostIPOf, persistentVolumeOf, podSources, serviceAccountTokenOf, type ClaimDefs } from "./pod-sources";
import { advancePod } from "./lifecycle";
import { NodeState } from "./node-state";
import { addEphemeralContainers, newPodRuntime, rebuildPodRuntime, releaseProcesses, type PodRuntime } from "./pod-runtime";
import { computePodStatus } from "./pod-status";
import type { ContainerRuntimePort, ContainerUsage, SimulatedProcess } from "./runtime-port";
import { parseQuantity } from "../../api/quantity";
import type { PodNetworkPort } from "./network-port";
import type { Machines } from "../registry/nodes/machines";
import { NodeAgent, nodeKeyPrefix, type PodDriver } from "./node-agent";
import { restartedRuntime } from "./restart";
import { replayInitWrites } from "./volume-replay";
import { VolumeStores } from "./volume-stores";
import { ContainerInputs } from "./container-inputs";
import { syncProjectedVolumes } from "./volume-sync";
import { MountedRefs } from "./mounted-refs";
import { runtimesJournal, withExecs, type ExecJournal } from "./exec-journal";
import type { VolumeDataTable } from "../storage/volume-data";
import type { ServiceAccountTokens } from "../registry/serviceaccounts/tokens";
import { MemoryPressure, type MemoryPressureHost } from "./memory-pressure";
import { pressureRefusal } from "./pressure-admission";

/** The key of a PersistentVolume whose kept files the kubelet checks (dropped once the PV is gone). */
const volumeDataPrefix = "volume-data/";
/** The key of a node's memory-pressure check (memory-pressure.ts). */
const memoryPrefix = "memory:";


export class Kubelet implements Controller {
  readonly name = "kubelet";
  private readonly runtimes = new Map<string, PodRuntime>();
  private readonly nodes = new Map<string, NodeState>();
  /** namespace → keys of pods blocked on a missing ConfigMap or Secret (woken when one is written). */
  private readonly waitingOnConfig = new Map<string, Set<string>>();
  /** pod key → what its mounted ConfigMap, Secret and downward API volumes show (volume-sync.ts volumeRefs). */
  private readonly mountedRefs = new MountedRefs();
  private readonly agent?: NodeAgent;
  /** The pods' emptyDirs and the nodes' hostPath filesystems (memory only), and the PersistentVolumes' files. */
  readonly volumes: VolumeStores;
  /** The eviction manager's memory signal per node. */
  private readonly memoryPressure = new MemoryPressure();
  /** pod key → when and why the eviction manager evicted it under node pressure. */
  private readonly nodeEvictions = new Map<string, { at: number; message: string }>();
  /** What attach wrote to the stdin of containers with `stdin: true` (memory only). */
  readonly inputs = new ContainerInputs();

  /**
   * @param runtime the container runtime the wiring plugs in (the simulated one, or a test's stand-in).
   * @param machines each node's machine; without it (tests that build a Kubelet alone) every node's kubelet runs.
   * @param network the pod network each container gets (the cluster's); the simulator's default network when absent.
   */
  constructor(
    private readonly runtime: ContainerRuntimePort,
    private readonly machines?: Machines,
    private readonly network?: PodNetworkPort,
    volumeData?: VolumeDataTable,
    private readonly tokens?: ServiceAccountTokens,
  ) {
    if (machines) this.agent = new NodeAgent(machines);
    this.volumes = new VolumeStores(volumeData);
  }

  /** The execs kept per container run (the log server's exec records them, its replays read them). */
  readonly execJournal: ExecJournal = runtimesJournal(this.runtimes);

  /** The kinds claim volumes resolve through. */
  private readonly claims: ClaimDefs = { claims: persistentVolumeClaims, volumes: persistentVolumes };

  get watches(): Watch[] {
    return [
      watch(pods, (event) => [...this.podKeys(event), ...this.memoryKeys(event)]),
      watch(configMaps, (event) => [...this.waitingOn(event), ...this.mounting("configmap", event)]),
      watch(secrets, (event) => [...this.waitingOn(event), ...this.mounting("secret", event)]),
      watch(persistentVolumeClaims, (event) => this.waitingOn(event)),
      watch(persistentVolumes, (event) => (event.type === "DELETED" ? [volumeDataPrefix + event.object.metadata.name] : this.waitingOn(event))),
      ...(this.agent?.watches ?? []),
    ];
  }

  /** A pod bound to a node, when what the kubelet acts on changed (binding, deletion, deadline, images); or gone. */
  private podKeys(event: KindEvent<Pod>): string[] {
    const pod = event.object;
    const node = pod.spec?.nodeName;
    if (event.type === "DELETED") return this.runtimes.has(keyOf(pod)) ? [keyOf(pod)] : [];
    if (!node) return [];
    const prev = event.prev;
    if (event.type === "ADDED" || !prev) return [keyOf(pod)];
    const images = (o: Pod) => [...(o.spec?.initContainers ?? []), ...(o.spec?.containers ?? [])].map((c) => c.image).join("\n");
    const changed =
      prev.spec?.nodeName !== node ||
      prev.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp ||
      prev.spec?.activeDeadlineSeconds !== pod.spec?.activeDeadlineSeconds ||
      images(prev) !== images(pod) ||
      (prev.spec?.ephemeralContainers?.length ?? 0) !== (pod.spec?.ephemeralContainers?.length ?? 0) ||
      (this.mountedRefs.showsOwnFields(keyOf(pod)) &&
        (!deepEqual(prev.metadata.labels, pod.metadata.labels) || !deepEqual(prev.metadata.annotations, pod.metadata.annotations)));
    return changed ? [keyOf(pod)] : [];
  }

  /** A node's memory check, when a container of one of its pods started or stopped (the usage on it changed). */
  private memoryKeys(event: KindEvent<Pod>): string[] {
    const node = event.object.spec?.nodeName;
    if (!node || event.type !== "MODIFIED") return [];
    const running = (o: Pod | undefined) =>
      (o?.status?.containerStatuses ?? [])
        .filter((c) => c.state?.running)
        .map((c) => c.containerID)
        .join(" ");
    return running(event.prev) !== running(event.object) ? [memoryPrefix + node] : [];
  }

  /** The pods whose mounted volumes show the ConfigMap or Secret written (their files are synced). */
  private mounting(kind: "configmap" | "secret", event: StoreEvent): string[] {
    return this.mountedRefs.showing(event.object.metadata.namespace ?? "", `${kind}/${event.object.metadata.name}`);
  }

  /** The pods of the namespace blocked on a missing ConfigMap, Secret or claim, when one is written (any, for a PV). */
  private waitingOn(event: StoreEvent): string[] {
    if (event.type === "DELETED") return [];
    const namespace = event.object.metadata.namespace;
    if (namespace === undefined) return [...this.waitingOnConfig.values()].flatMap((keys) => [...keys]);
    return [...(this.waitingOnConfig.get(namespace) ?? [])];
  }

  resync(ctx: ControllerContext): string[] {
    const keys = ctx.registry
      .list(pods)
      .filter((p) => p.spec?.nodeName)
      .map(keyOf);
    // Files kept for a PV deleted while the object was down are dropped too.
    keys.push(...this.volumes.persistentVolumes().map((name) => volumeDataPrefix + name));
    // Each node's memory is looked at once after a restart (a pressure condition left True is cleared or kept).
    keys.push(...ctx.registry.list(nodes).map((n) => memoryPrefix + n.metadata.name));
    return this.agent ? [...keys, ...this.agent.resync()] : keys;
  }

  reconcile(key: string, ctx: ControllerContext): ReconcileResult {
    if (key.startsWith(volumeDataPrefix)) {
      const name = key.slice(volumeDataPrefix.length);
      if (!ctx.registry.tryGet(this.claims.volumes, undefined, name)) this.volumes.dropPersistentVolume(name);
      return;
    }
    if (key.startsWith(memoryPrefix)) return this.checkMemory(key.slice(memoryPrefix.length), ctx);
    if (this.agent && key.startsWith(nodeKeyPrefix)) return this.agent.reconcile(key.slice(nodeKeyPrefix.length), ctx, this.podDriver);
    const podsDef = pods;
    const { namespace, name } = splitKey(key);
    const pod = ctx.registry.tryGet(podsDef, namespace, name);
    const known = this.runtimes.get(key);
    if (known && (!pod || pod.metadata.uid !== known.uid)) this.forget(key, known);
    const nodeName: string | undefined = pod?.spec?.nodeName;
    if (!pod || !nodeName) return;
    const nodeObj = ctx.registry.tryGet(nodes, undefined, nodeName);
    if (!nodeObj) return;
    // A stopped (or still booting) machine's kubelet does nothing (its node agent catches up at
    // boot), and a Node applied by hand has no kubelet at all.
    if (this.machines && !this.machines.kubeletRunning(nodeObj)) return;
    const node = this.nodeState(ctx, nodeName, nodeObj);
    const deleting = !!pod.metadata.deletionTimestamp;
    const phase = pod.status?.phase;
    let rt = this.runtimes.get(key);
    if (!rt && (phase === "Succeeded" || phase === "Failed")) {
      if (deleting) this.remove(ctx, podsDef, pod);
      return;
    }
    const rebuilt = !rt && !!pod.status?.startTime;
    const refusal = !rt && !rebuilt && !deleting ? pressureRefusal(pod, nodeObj) : undefined;
    if (refusal !== undefined) {
      // The admit handler refused it (rejectPod): Failed at once, never started.
      ctx.events.record(pod, ctx.now, "Warning", "Evicted", refusal, { component: "kubelet", host: nodeName });
      const status = { ...pod.status, phase: "Failed", reason: "Evicted", message: `Pod was rejected: ${refusal}`, startTime: new Date(ctx.now).toISOString().replace(/\.\d{3}Z$/, "Z") };
      ctx.registry.update(podsDef, namespace, name, { ...pod, status }, { subresource: "status" });
      return;
    }
    if (!rt) {
      rt = rebuilt ? rebuildPodRuntime(pod, ctx.now) : newPodRuntime(pod, ctx.now, ctx.timing.podSandboxMs);
      this.runtimes.set(key, rt);
    } else addEphemeralContainers(rt, pod);
    const defs = { configMaps, secrets };
    const sources = {
      ...podSources(ctx.registry, defs, namespace!, nodeObj),
      volumes: this.volumes.forPod(rt.uid, nodeName),
      persistentVolume: persistentVolumeOf(ctx.registry, this.claims, namespace!),
      serviceAccountToken: serviceAccountTokenOf(ctx.registry, this.tokens, pod),
      stdin: (container: string) => this.inputs.of(rt!.uid, container),
    };
    if (rebuilt) replayInitWrites(pod, rt, sources, this.runtime, this.network);
    const deletion = deleting ? { graceSeconds: pod.metadata.deletionGracePeriodSeconds ?? 0 } : undefined;
    const nodeEviction = this.nodeEvictions.get(key);
    const env = { timing: ctx.timing, node, sources, runtime: this.runtime, network: this.network, ...(nodeEviction ? { nodeEviction } : {}) };
    const result = advancePod(pod, rt, env, ctx.now, deletion);
    const source = { component: "kubelet", host: nodeName };
    for (const e of result.events) ctx.events.record(pod, e.at, e.type, e.reason, e.message, source, { fieldPath: e.fieldPath });
    if (result.stopped) {
      this.remove(ctx, podsDef, pod);
      this.forget(key, rt);
      return;
    }
    const status = computePodStatus(pod, rt, hostIPOf(nodeObj), ctx.now);
    if (!deepEqual(status, pod.status)) ctx.registry.update(podsDef, namespace, name, { ...pod, status }, { subresource: "status" });
    this.trackConfigWait(key, namespace!, rt);
    if (status.phase === "Succeeded" || status.phase === "Failed") {
      if (!deleting) this.forget(key, rt);
      return;
    }
    const synced = syncProjectedVolumes(pod, rt.uid, this.volumes, sources, ctx.now, ctx.timing.volumeSyncMs);
    this.mountedRefs.set(key, synced.refs);
    const nextAt = Math.min(result.nextAt ?? Infinity, synced.nextAt ?? Infinity);
    // Settled (nothing due): the simulated processes are rebuilt from the spec when next needed.
    if (result.nextAt === undefined) releaseProcesses(rt);
    if (!Number.isFinite(nextAt)) return;
    return { requeueAt: Math.max(nextAt, ctx.now) };
  }

  /**
   * Input reached a container of `pod` (attach): its process is started again from its spec when next needed, so it
   * reads the input (and may exit). The caller wakes the pod's key (`keyOf(pod)`) for the exit to be seen.
   */
  inputArrived(pod: Pod): void {
    const rt = this.runtimes.get(keyOf(pod));
    if (rt && rt.uid === pod.metadata.uid) releaseProcesses(rt);
  }

  /**
   * The containers of `pod` running now, for the cluster network to deliver connections to: each run's ID, start
   * and process (started again from the spec it started with when the kubelet let go of it).
   */
  runsOf(pod: Pod): { name: string; containerID: string; startedAtMs: number; process(): SimulatedProcess | undefined }[] {
    const rt = this.runtimes.get(keyOf(pod));
    if (!rt || rt.uid !== pod.metadata.uid) return [];
    const out: { name: string; containerID: string; startedAtMs: number; process(): SimulatedProcess | undefined }[] = [];
    for (const c of rt.containers) {
      const instance = c.current;
      if (c.phase !== "running" || !instance || instance.finishedAt !== undefined) continue;
      const spec = c.spec;
      const process = () => (instance.process ??= spec ? this.runtime.start(withExecs(spec, instance), instance.startedAt) : undefined);
      out.push({ name: c.name, containerID: instance.containerID, startedAtMs: instance.startedAt, process });
    }
    return out;
  }

  /**
   * Run every running container's program on to `untilMs` (its output is computed that far), so what the programs do
   * by then has happened: the connections a load loop (`while sleep 0.01; do wget ...; done`) makes are answered and
   * counted. A run is otherwise advanced only as far as someone looks (logs, probes). Work is bounded per run by the
   * simulator's step budget.
   */
  advanceRunning(untilMs: number): void {
    for (const rt of this.runtimes.values()) {
      for (const c of rt.containers) {
        const instance = c.current;
        if (c.phase !== "running" || !instance || instance.finishedAt !== undefined || !c.spec || instance.startedAt > untilMs) continue;
        const spec = c.spec;
        instance.process ??= this.runtime.start(spec, instance.startedAt);
        instance.process?.output(untilMs - instance.startedAt, untilMs - instance.startedAt, 0);
      }
    }
  }

  /**
   * What the running containers of `pod` use at `nowMs` (a pure read: the usage model of each run's spec), in pod
   * spec order; `rateOf(containerID)` is the connections per second the run answered lately.
   */
  usageOf(pod: Pod, nowMs: number, rateOf: (containerID: string) => number): { name: string; startedAtMs: number; usage: ContainerUsage }[] {
    const rt = this.runtimes.get(keyOf(pod));
    const usage = this.runtime.usage;
    if (!rt || rt.uid !== pod.metadata.uid || !usage) return [];
    const out: { name: string; startedAtMs: number; usage: ContainerUsage }[] = [];
    for (const c of rt.containers) {
      const instance = c.current;
      if (c.phase !== "running" || !instance || instance.finishedAt !== undefined || !c.spec || instance.startedAt > nowMs) continue;
      const container = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].find((k) => k.name === c.name);
      const cpuLimitMillis = cpuMillisOf(container?.resources?.limits?.cpu);
      const query = { atMs: nowMs - instance.startedAt, requestsPerSecond: rateOf(instance.containerID), ...(cpuLimitMillis !== undefined ? { cpuLimitMillis } : {}) };
      out.push({ name: c.name, startedAtMs: instance.startedAt, usage: usage(c.spec, query) });
    }
    return out;
  }

  /** The eviction manager's memory check of a node whose kubelet runs. */
  private checkMemory(nodeName: string, ctx: ControllerContext): ReconcileResult {
    const node = ctx.registry.tryGet(nodes, undefined, nodeName);
    if (!node || (this.machines && !this.machines.kubeletRunning(node))) {
      this.memoryPressure.forget(nodeName);
      return;
    }
    return this.memoryPressure.check(nodeName, ctx, this.memoryHost);
  }

  private readonly memoryHost: MemoryPressureHost = {
    memoryOf: (pod, now) => {
      let growsUntil: number | undefined;
      const containers = this.usageOf(pod, now, () => 0).map((c) => {
        const until = c.usage.memoryGrowsUntilMs;
        if (until !== undefined) growsUntil = Math.min(growsUntil ?? Infinity, c.startedAtMs + until);
        return { name: c.name, memoryBytes: c.usage.memoryBytes };
      });
      return { containers, ...(growsUntil !== undefined ? { growsUntil } : {}) };
    },
    evict: (pod, message, ctx) => {
      const key = keyOf(pod);
      this.nodeEvictions.set(key, { at: ctx.now, message });
      this.reconcile(key, ctx);
    },
  };

  /** What the node agent does to its node's pods. */
  private readonly podDriver: PodDriver = {
    reconcilePod: (key, ctx) => this.reconcile(key, ctx),
    restartPod: (pod, ctx) => {
      const key = keyOf(pod);
      const known = this.runtimes.get(key);
      if (known) this.forget(key, known);
      this.runtimes.set(key, restartedRuntime(pod, ctx.now, ctx.timing.podSandboxMs));
    },
    stopPodsOn: (nodeName, ctx) => {
      for (const pod of ctx.indexes.podsOnNode(nodeName)) {
        const known = this.runtimes.get(keyOf(pod));
        if (known) this.forget(keyOf(pod), known);
      }
    },
    removePod: (pod, ctx) => {
      const known = this.runtimes.get(keyOf(pod));
      if (known) this.forget(keyOf(pod), known);
      this.remove(ctx, pods, pod);
    },
  };

  private nodeState(ctx: ControllerContext, nodeName: string, node: Node): NodeState {
    let state = this.nodes.get(nodeName);
    if (state) return state;
    state = new NodeState(node.spec?.podCIDR);
    for (const pod of ctx.indexes.podsOnNode(nodeName)) state.rebuildFrom(pod);
    this.nodes.set(nodeName, state);
    return state;
  }

  private remove(ctx: ControllerContext, def: ResourceDef<Pod>, pod: Pod): void {
    ctx.registry.delete(def, pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
  }

  /** Let go of the pod's runtime and its emptyDirs (a node that stops or restarts loses them too). */
  private forget(key: string, rt: PodRuntime): void {
    this.runtimes.delete(key);
    this.nodeEvictions.delete(key);
    this.mountedRefs.delete(key);
    this.volumes.dropPod(rt.uid);
    this.inputs.forget(rt.uid);
    for (const state of this.nodes.values()) state.release(rt.uid);
    const { namespace } = splitKey(key);
    this.waitingOnConfig.get(namespace ?? "")?.delete(key);
  }

  private trackConfigWait(key: string, namespace: string, rt: PodRuntime): void {
    const blocked =
      rt.sandboxAt === Number.POSITIVE_INFINITY || rt.containers.some((c) => c.phase === "blocked" && c.waiting?.reason === "CreateContainerConfigError");
    let set = this.waitingOnConfig.get(namespace);
    if (blocked) {
      if (!set) this.waitingOnConfig.set(namespace, (set = new Set()));
      set.add(key);
    } else if (set) {
      set.delete(key);
      if (!set.size) this.waitingOnConfig.delete(namespace);
    }
  }
}

/** A CPU quantity in millicores; undefined when absent or unparsable. */
function cpuMillisOf(quantity: string | number | undefined): number | undefined {
  if (quantity === undefined) return undefined;
  try {
    return Number(parseQuantity(String(quantity)).milliValue());
  } catch {
    return undefined;
  }
}
