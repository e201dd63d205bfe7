// The sandbox's `minikube node add|stop|start|delete`: what happens to a node's machine, and the few API writes a
// real machine's kubelet (or `minikube node delete`) would make at that moment. Everything after that moment (the
// kubelet booting, the node going NotReady, taints, evictions, pod GC) is the control loop's. Refusals throw a
// Status (404 unknown node, 409 control-plane node or wrong state, 403 over the worker cap, 400 bad body).
import type { ClusterSpec } from "../../api/platform";
import type { Node } from "../../api/schemas/core/node";
import { alreadyExists, badRequest, failure, forbidden, notFound } from "../../api/status";
import { controlPlaneName, nodeLease, nodeObject } from "../bootstrap";
import type { RegistryStore } from "../registry/generic-store";
import { leases } from "../registry/leases";
import { nodes } from "../registry/nodes";
import type { MachineState } from "../registry/nodes/machines";
import type { TimingProfile } from "../timing";
import { AddNodeOptions } from "./add-options";
import { microTime } from "./heartbeat-view";
import { providerPrefix, type MachineTable } from "./machine-table";

/** Most workers a sandbox holds (as at creation). */
export const maxWorkers = 100;
const controlPlaneLabel = "node-role.kubernetes.io/control-plane";

export type NodeOperation = "add" | "stop" | "start" | "delete";

export interface NodeOperationContext {
  registry: RegistryStore;
  machines: MachineTable;
  spec: ClusterSpec;
  timing: TimingProfile;
  now: number;
  rfc3339(ms: number): string;
  uid(): string;
  /** Wake the node's kubelet (a machine booting is no store event). */
  wakeKubelet(name: string): void;
}

export interface NodeOperationResult {
  name: string;
  state: MachineState | "deleted";
}

export function runNodeOperation(ctx: NodeOperationContext, op: NodeOperation, name: string | undefined, body: unknown): NodeOperationResult {
  if (op === "add") return addNode(ctx, body);
  const node = ctx.registry.tryGet(nodes, undefined, name ?? "");
  if (!node) throw notFound("nodes", "", name ?? "");
  if (node.metadata.labels?.[controlPlaneLabel] !== undefined || node.metadata.name === controlPlaneName) {
    throw failure(409, "Conflict", `node "${name}" is the control-plane node: it runs the cluster's apiserver and cannot be ${op === "delete" ? "deleted" : op === "stop" ? "stopped" : "started"}`);
  }
  if (op === "delete") return deleteNode(ctx, node);
  const machine = ctx.machines.of(node);
  if (!machine) throw failure(409, "Conflict", `node "${name}" has no machine (it was applied by hand); only its Node object exists`);
  if (op === "stop") {
    if (machine.state === "stopped") throw failure(409, "Conflict", `node "${name}" is already stopped`);
    ctx.machines.set(name!, { state: "stopped", since: ctx.now, heartbeatAt: machine.heartbeatAt ?? ctx.now });
    renewLease(ctx, name!, machine.heartbeatAt ?? ctx.now);
    return { name: name!, state: "stopped" };
  }
  if (machine.state !== "stopped") throw failure(409, "Conflict", `node "${name}" is not stopped (it is ${machine.state === "up" ? "running" : "booting"})`);
  ctx.machines.set(name!, { state: "booting", since: ctx.now, heartbeatAt: machine.heartbeatAt ?? ctx.now, readyAt: ctx.now + ctx.timing.nodeBootMs });
  ctx.wakeKubelet(name!);
  return { name: name!, state: "booting" };
}

/** The kubelet's last Lease renewal, written when it stops: the store event the controllers react to. */
function renewLease(ctx: NodeOperationContext, name: string, at: number): void {
  const lease = ctx.registry.tryGet(leases, "kube-node-lease", name);
  if (!lease) return;
  ctx.registry.update(leases, "kube-node-lease", name, { ...lease, spec: { ...lease.spec, renewTime: microTime(at) } });
}

function addNode(ctx: NodeOperationContext, body: unknown): NodeOperationResult {
  const parsed = AddNodeOptions.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badRequest(`invalid node options: ${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  const options = parsed.data;
  const all = ctx.registry.list(nodes);
  const workers = all.filter((n) => n.metadata.labels?.[controlPlaneLabel] === undefined);
  if (workers.length >= maxWorkers) throw forbidden(`this sandbox holds at most ${maxWorkers} worker nodes; delete one first`);
  const names = new Set(all.map((n) => n.metadata.name));
  let name = options.name;
  if (!name) for (let i = 1; !name; i++) if (!names.has(`worker-${i}`)) name = `worker-${i}`;
  if (names.has(name)) throw alreadyExists("nodes", "", name);
  const used = new Set(all.map((n) => Number(n.spec?.podCIDR?.split(".")[2])));
  let index = 1;
  while (used.has(index)) index++;
  if (index > 250) throw forbidden("this sandbox has no pod network range left for another node");

  const resources = {
    cpu: options.cpu ?? ctx.spec.nodeResources.cpu,
    memory: options.memory ?? ctx.spec.nodeResources.memory,
    pods: options.pods ?? ctx.spec.nodeResources.pods,
  };
  const now = ctx.rfc3339(ctx.now);
  const base = nodeObject({ ...ctx.spec, nodeResources: resources }, index, now, { machine: ctx.uid().replace(/-/g, ""), boot: ctx.uid() });
  const node = registeredNotReady(base, name, now, options);
  ctx.machines.set(name, { state: "booting", since: ctx.now, readyAt: ctx.now + ctx.timing.nodeJoinMs, joining: true });
  const created = ctx.registry.create(nodes, undefined, node);
  ctx.registry.create(leases, "kube-node-lease", nodeLease(created, microTime(ctx.now)));
  return { name, state: "booting" };
}

/** A worker as its kubelet registers it before the network plugin is up: NotReady, tainted not-ready. */
function registeredNotReady(base: Node, name: string, now: string, options: AddNodeOptions): Node {
  const conditions = (base.status?.conditions ?? []).map((c) =>
    c.type === "Ready"
      ? {
          ...c,
          status: "False",
          reason: "KubeletNotReady",
          message: "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized",
        }
      : c,
  );
  return {
    ...base,
    metadata: { ...base.metadata, name, labels: { ...options.labels, ...base.metadata.labels, "kubernetes.io/hostname": name } },
    spec: {
      ...base.spec,
      providerID: `${providerPrefix}${name}`,
      taints: [{ key: "node.kubernetes.io/not-ready", effect: "NoSchedule" }, ...(options.taints ?? [])],
    },
    status: {
      ...base.status,
      conditions,
      addresses: (base.status?.addresses ?? []).map((a) => (a.type === "Hostname" ? { ...a, address: name } : a)),
    },
  };
}

function deleteNode(ctx: NodeOperationContext, node: Node): NodeOperationResult {
  const name = node.metadata.name!;
  ctx.machines.remove(name);
  ctx.registry.delete(nodes, undefined, name);
  return { name, state: "deleted" };
}
