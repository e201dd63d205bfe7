// kube-controller-manager's node lifecycle controller in miniature. For each node it reads when the kubelet last
// posted (the machine port: heartbeats are derived, not written, while a node is up), and after the node monitor
// grace period without one turns the node's conditions Unknown, marks its pods not ready, and keeps the
// unreachable / not-ready / unschedulable taints in step with the Ready condition. It asks to run again only while a
// heartbeat is frozen (a stopped machine, a Node applied by hand), so a cluster whose nodes are up costs no alarm.
import type { Node } from "../../../api/schemas/core/node";
import type { PodCondition } from "../../../api/schemas/core/pod-status";
import { parseTime } from "../../../api/timestamp";
import type { Machines } from "../../registry/nodes/machines";
import { leases } from "../../registry/leases";
import { nodes } from "../../registry/nodes";
import { pods } from "../../registry/pods";
import { watch, type Controller, type ControllerContext, type ReconcileResult, type Watch } from "../../control-loop/types";
import { reconcileTaints, wantedTaints } from "./taints";

const nodeLeaseNamespace = "kube-node-lease";
const source = { component: "node-controller" };
/** The conditions the controller turns Unknown (the kubelet's own), in the order the kubelet lists them. */
const kubeletConditions = ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"];

type NodeCondition = NonNullable<NonNullable<Node["status"]>["conditions"]>[number];

export class NodeLifecycleController implements Controller {
  readonly name = "node-lifecycle-controller";
  /** Nodes created or deleted since their last reconcile (name → the object), for RegisteredNode and RemovingNode. */
  private readonly added = new Map<string, Node>();
  private readonly removed = new Map<string, Node>();

  constructor(private readonly machines: Machines) {}

  readonly watches: Watch[] = [
    watch(nodes, (event) => {
      const name = event.object.metadata.name!;
      if (event.type === "ADDED") this.added.set(name, event.object);
      if (event.type === "DELETED") this.removed.set(name, event.object);
      return [name];
    }),
    watch(leases, (event) => (event.object.metadata.namespace === nodeLeaseNamespace ? [event.object.metadata.name!] : [])),
  ];

  resync(ctx: ControllerContext): string[] {
    return ctx.registry.list(nodes).map((n) => n.metadata.name!);
  }

  reconcile(name: string, ctx: ControllerContext): ReconcileResult {
    const node = ctx.registry.tryGet(nodes, undefined, name);
    const removed = this.removed.get(name);
    if (removed && removed.metadata.uid !== node?.metadata.uid) {
      ctx.events.record(removed, ctx.now, "Normal", "RemovingNode", `Node ${name} event: Removing Node ${name} from Controller`, source);
    }
    this.removed.delete(name);
    const added = this.added.get(name);
    this.added.delete(name);
    if (!node) return;
    if (added?.metadata.uid === node.metadata.uid) {
      ctx.events.record(node, ctx.now, "Normal", "RegisteredNode", `Node ${name} event: Registered Node ${name} in Controller`, source);
    }

    const grace = ctx.timing.nodeMonitorGraceMs;
    const conditions = node.status?.conditions ?? [];
    const ready = conditions.find((c) => c.type === "Ready");
    const heartbeat = this.machines.lastHeartbeat(node, ctx.now);
    const posted = heartbeat ?? (ready?.lastHeartbeatTime ? parseTime(ready.lastHeartbeatTime) : undefined);
    const probe = posted ?? parseTime(node.metadata.creationTimestamp) ?? ctx.now;
    let current: Node = node;
    let requeueAt: number | undefined;
    if (ctx.now - probe >= grace) {
      if (ready?.status !== "Unknown") current = this.markUnknown(ctx, node, posted === undefined, probe);
    } else if (heartbeat === undefined || this.machines.of(node)?.heartbeatAt !== undefined) {
      // The heartbeat is frozen (no kubelet posts): look again when the grace period runs out.
      requeueAt = probe + grace;
    }
    const readyNow = (current.status?.conditions ?? []).find((c) => c.type === "Ready")?.status;
    const memoryPressure = (current.status?.conditions ?? []).find((c) => c.type === "MemoryPressure")?.status === "True";
    const taints = reconcileTaints(current.spec?.taints ?? [], wantedTaints(readyNow, !!current.spec?.unschedulable, memoryPressure), rfc(ctx.now));
    if (taints) {
      // An empty list is no field (Go's omitempty), as `kubectl get node -o jsonpath={.spec.taints}` shows.
      const { taints: _old, ...rest } = current.spec ?? {};
      ctx.registry.update(nodes, undefined, name, { ...current, spec: taints.length ? { ...rest, taints } : rest });
    }
    return requeueAt === undefined ? undefined : { requeueAt };
  }

  /** NodeStatusUnknown on every kubelet condition, an event, and the node's pods marked not ready. */
  private markUnknown(ctx: ControllerContext, node: Node, neverPosted: boolean, probe: number): Node {
    const name = node.metadata.name!;
    const message = neverPosted ? "Kubelet never posted node status." : "Kubelet stopped posting node status.";
    const now = rfc(ctx.now);
    const heartbeat = neverPosted ? node.metadata.creationTimestamp! : rfc(probe);
    const existing = node.status?.conditions ?? [];
    const conditions: NodeCondition[] = existing.map((c) =>
      kubeletConditions.includes(c.type)
        ? { ...c, status: "Unknown", reason: "NodeStatusUnknown", message, lastHeartbeatTime: c.lastHeartbeatTime && !neverPosted ? heartbeat : c.lastHeartbeatTime ?? heartbeat, lastTransitionTime: c.status === "Unknown" ? c.lastTransitionTime : now }
        : c,
    );
    for (const type of kubeletConditions) {
      if (!conditions.some((c) => c.type === type)) {
        conditions.push({ type, status: "Unknown", reason: "NodeStatusUnknown", message, lastHeartbeatTime: heartbeat, lastTransitionTime: now });
      }
    }
    const updated = ctx.registry.update(nodes, undefined, name, { ...node, status: { ...node.status, conditions } }, { subresource: "status" });
    ctx.events.record(updated, ctx.now, "Normal", "NodeNotReady", `Node ${name} status is now: NodeNotReady`, source);
    this.markPodsNotReady(ctx, name, now);
    return updated;
  }

  /** MarkPodsNotReady: every pod on the node gets Ready=False (the kubelet that would say otherwise is silent). */
  private markPodsNotReady(ctx: ControllerContext, nodeName: string, now: string): void {
    for (const pod of ctx.indexes.podsOnNode(nodeName)) {
      const conditions = pod.status?.conditions ?? [];
      const ready = conditions.find((c) => c.type === "Ready");
      if (!ready || ready.status === "False" || pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") continue;
      const next: PodCondition[] = conditions.map((c) => (c.type === "Ready" ? { ...c, status: "False", lastTransitionTime: now } : c));
      ctx.registry.update(pods, pod.metadata.namespace, pod.metadata.name!, { ...pod, status: { ...pod.status, conditions: next } }, { subresource: "status" });
      ctx.events.record(pod, ctx.now, "Warning", "NodeNotReady", "Node is not ready", source);
    }
  }
}

function rfc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
