// Heartbeats derived when they are read: a posting kubelet renews its node Lease every 10 s and reports node status
// every 5 min, but writing those would wake every watcher and cost an alarm per node per period. Instead the stored
// Lease and Node keep their last written times, and a read shows the latest tick the kubelet would have written by
// now while the node's machine is up (or the stop moment, once it is not). Watches see the stored objects.
import type { KubeObject } from "../../api/object";
import type { ReadPresenter } from "../apiserver/handlers";
import type { RegistryStore } from "../registry/generic-store";
import { leases } from "../registry/leases";
import { nodes } from "../registry/nodes";
import { lastTick, leaseRenewMs, statusReportMs, type Machines } from "../registry/nodes/machines";
import { ofKind } from "../registry/of-kind";
import type { ResourceDef } from "../registry/types";

/** metav1.MicroTime as the apiserver writes it. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "000Z");
}

export function heartbeatPresenter(options: {
  registry: RegistryStore;
  machines: Machines;
  now: () => number;
  rfc3339: (ms: number) => string;
}): ReadPresenter {
  const { registry, machines } = options;
  const heartbeat = (node: KubeObject, period: number): number | undefined => {
    const machine = machines.of(node);
    if (!machine) return undefined;
    return machine.heartbeatAt ?? lastTick(machine.since, options.now(), period);
  };
  return (def: ResourceDef, obj: KubeObject): KubeObject => {
    const node = ofKind(nodes, def, obj);
    if (node) {
      const at = heartbeat(node, statusReportMs);
      const status = node.status;
      if (at === undefined || !status?.conditions) return node;
      const time = options.rfc3339(at);
      const conditions = status.conditions.map((c) =>
        c.status !== "Unknown" && (!c.lastHeartbeatTime || c.lastHeartbeatTime < time) ? { ...c, lastHeartbeatTime: time } : c,
      );
      return { ...node, status: { ...status, conditions } };
    }
    const lease = ofKind(leases, def, obj);
    if (lease && lease.metadata.namespace === "kube-node-lease") {
      const owner = registry.tryGet(nodes, undefined, lease.metadata.name!);
      const at = owner && heartbeat(owner, leaseRenewMs);
      const spec = lease.spec;
      if (at === undefined || !spec) return lease;
      const renewTime = microTime(at);
      return !spec.renewTime || spec.renewTime < renewTime ? { ...lease, spec: { ...spec, renewTime } } : lease;
    }
    return obj;
  };
}
