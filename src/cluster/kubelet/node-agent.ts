// The node side of the simulated kubelet, one per machine: it registers and boots (a new worker is Ready once its
// kubelet, CNI and kube-proxy are up; a restarted one posts status again after its boot), writes the kubelet's node
// events (Starting, NodeHas..., NodeReady, NodeSchedulable / NodeNotSchedulable on cordon), stops its containers
// when the machine stops, and after a boot reconciles the pods still bound to it as the real kubelet does: what
// was deleted meanwhile is killed (the deletion confirmed), the rest started again. The pod work itself is the
// Kubelet's (`PodDriver`).
import type { Node, Pod } from "../../api/schemas";
import type { Machines } from "../registry/nodes/machines";
import { keyOf, watch, type ControllerContext, type ReconcileResult, type Watch } from "../control-loop/types";
import { leases } from "../registry/leases";
import { nodes } from "../registry/nodes";

const nodeLeaseNamespace = "kube-node-lease";
/** Node keys of the Kubelet controller: `node:<name>` (pod keys always hold a `/`, node names never a `:`). */
export const nodeKeyPrefix = "node:";

type NodeCondition = NonNullable<NonNullable<Node["status"]>["conditions"]>[number];

/** What the node agent asks of the Kubelet's pod side. */
export interface PodDriver {
  reconcilePod(key: string, ctx: ControllerContext): ReconcileResult;
  /** Start a pod again from scratch after a reboot (its containers counted as restarted). */
  restartPod(pod: Pod, ctx: ControllerContext): void;
  /** The machine is off: forget what runs on it. */
  stopPodsOn(nodeName: string, ctx: ControllerContext): void;
  /** Confirm a deletion (the pod's containers are gone). */
  removePod(pod: Pod, ctx: ControllerContext): void;
}

/** The kubelet's healthy conditions, as it posts them once it is ready. */
export function healthyConditions(at: string): NodeCondition[] {
  const condition = (type: string, status: string, reason: string, message: string): NodeCondition => ({
    type,
    status,
    lastHeartbeatTime: at,
    lastTransitionTime: at,
    reason,
    message,
  });
  return [
    condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
    condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
    condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
    condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
  ];
}

function rfc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export class NodeAgent {
  /** Nodes whose `spec.unschedulable` changed since their last reconcile. */
  private readonly cordonChanged = new Set<string>();
  /** Joining nodes whose kubelet start-up events are written. */
  private readonly started = new Set<string>();
  /** Node → keys of its pods started again after a boot that still have steps due. */
  private readonly restarting = new Map<string, Set<string>>();

  constructor(private readonly machines: Machines) {}

  /** The kubelet's node keys: a Node's writes (cordon changes noted for their events) and its Lease's. */
  readonly watches: Watch[] = [
    watch(nodes, (event) => {
      const name = event.object.metadata.name!;
      const cordoned = (o: Node | undefined) => !!o?.spec?.unschedulable;
      if (event.type === "MODIFIED" && event.prev && cordoned(event.prev) !== cordoned(event.object)) this.cordonChanged.add(name);
      return [nodeKeyPrefix + name];
    }),
    watch(leases, (event) => (event.object.metadata.namespace === nodeLeaseNamespace ? [nodeKeyPrefix + event.object.metadata.name] : [])),
  ];

  resync(): string[] {
    return this.machines.booting().map((name) => nodeKeyPrefix + name);
  }

  reconcile(name: string, ctx: ControllerContext, pods: PodDriver): ReconcileResult {
    const node = ctx.registry.tryGet(nodes, undefined, name);
    if (!node) {
      this.cordonChanged.delete(name);
      this.started.delete(name);
      this.restarting.delete(name);
      return;
    }
    const source = { component: "kubelet", host: name };
    const event = (reason: string, message: string) => ctx.events.record(node, ctx.now, "Normal", reason, message, source);
    if (this.cordonChanged.delete(name)) {
      const word = node.spec?.unschedulable ? "NodeNotSchedulable" : "NodeSchedulable";
      event(word, `Node ${name} status is now: ${word}`);
    }
    const machine = this.machines.of(node);
    if (!machine) return;
    if (machine.state === "stopped") {
      pods.stopPodsOn(name, ctx);
      this.restarting.delete(name);
      return;
    }
    if (machine.state === "booting") {
      const startUp = () => {
        event("Starting", "Starting kubelet.");
        for (const word of ["NodeHasSufficientMemory", "NodeHasNoDiskPressure", "NodeHasSufficientPID"]) event(word, `Node ${name} status is now: ${word}`);
        event("NodeAllocatableEnforced", "Updated Node Allocatable limit across pods");
      };
      if (machine.joining && !this.started.has(name)) {
        this.started.add(name);
        startUp();
      }
      const readyAt = machine.readyAt ?? ctx.now;
      if (ctx.now < readyAt) return { requeueAt: readyAt };
      if (!machine.joining) startUp();
      this.started.delete(name);
      const at = rfc(ctx.now);
      const previous = node.status?.conditions ?? [];
      const conditions = healthyConditions(at).map((c) => {
        const before = previous.find((p) => p.type === c.type);
        return before && before.status === c.status ? { ...c, lastTransitionTime: before.lastTransitionTime } : c;
      });
      const updated = ctx.registry.update(nodes, undefined, name, { ...node, status: { ...node.status, conditions } }, { subresource: "status" });
      this.machines.markUp(name, ctx.now);
      ctx.events.record(updated, ctx.now, "Normal", "NodeReady", `Node ${name} status is now: NodeReady`, source);
      if (!machine.joining) this.restartPods(name, ctx, pods);
    }
    return this.driveRestarted(name, ctx, pods);
  }

  private restartPods(name: string, ctx: ControllerContext, pods: PodDriver): void {
    const keys = new Set<string>();
    const onNode: Pod[] = ctx.indexes.podsOnNode(name);
    for (const pod of onNode) {
      if (pod.metadata.deletionTimestamp) {
        pods.removePod(pod, ctx);
        continue;
      }
      if (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") continue;
      pods.restartPod(pod, ctx);
      keys.add(keyOf(pod));
    }
    if (keys.size) this.restarting.set(name, keys);
  }

  /** Run the restarted pods' due steps (their keys are this node's until they settle). */
  private driveRestarted(name: string, ctx: ControllerContext, pods: PodDriver): ReconcileResult {
    const keys = this.restarting.get(name);
    if (!keys) return;
    let next = Number.POSITIVE_INFINITY;
    for (const key of keys) {
      const result = pods.reconcilePod(key, ctx);
      if (result?.requeueAt !== undefined) next = Math.min(next, result.requeueAt);
      else keys.delete(key);
    }
    if (!keys.size) this.restarting.delete(name);
    return Number.isFinite(next) ? { requeueAt: next } : undefined;
  }
}
