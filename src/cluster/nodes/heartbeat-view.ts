// Heartbeats derived when they are read: a posting kubelet renews its node Lease every 10 s and reports node status
// every 5 min, but writing those would wake every watcher and cost an alarm per node per period. Instead the stored
// Lease and Node keep their last written times, and a read shows the latest tick the kubelet would have written by
// now while the node's machine is up (or the stop moment, once it is not). Watches see the stored objects.
import type { KubeObject } from "../../api/object";
import type { ReadPresenter } from "../apiserver/handlers";
import type { RegistryStore } from "../registry/generic-store";
import { lastTick, leaseRenewMs, statusReportMs, type Machines } from "../registry/nodes/machines";
import type { ResourceDef } from "../registry/types";

/** metav1.MicroTime as the apiserver writes it. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "000Z");
}

interface Condition {
  type: string;
  status: string;
  lastHeartbeatTime?: string;
}

export function heartbeatPresenter(options: {
  registry: RegistryStore;
  nodes: ResourceDef;
  machines: Machines;
  now: () => number;
  rfc3339: (ms: number) => string;
}): ReadPresenter {
  const { registry, nodes, machines } = options;
  const heartbeat = (node: KubeObject, period: number): number | undefined => {
    const machine = machines.of(node);
    if (!machine) return undefined;
    return machine.heartbeatAt ?? lastTick(machine.since, options.now(), period);
  };
  return (def: ResourceDef, obj: KubeObject): KubeObject => {
    if (def.group === "" && def.resource === "nodes") {
      const at = heartbeat(obj, statusReportMs);
      const status = obj.status as { conditions?: Condition[] } | undefined;
      if (at === undefined || !status?.conditions) return obj;
      const time = options.rfc3339(at);
      const conditions = status.conditions.map((c) =>
        c.status !== "Unknown" && (!c.lastHeartbeatTime || c.lastHeartbeatTime < time) ? { ...c, lastHeartbeatTime: time } : c,
      );
      return { ...obj, status: { ...status, conditions } };
    }
    if (def.group === "coordination.k8s.io" && def.resource === "leases" && obj.metadata.namespace === "kube-node-lease") {
      const node = registry.tryGet(nodes, undefined, obj.metadata.name!);
      const at = node && heartbeat(node, leaseRenewMs);
      const spec = obj.spec as { renewTime?: string } | undefined;
      if (at === undefined || !spec) return obj;
      const renewTime = microTime(at);
      return !spec.renewTime || spec.renewTime < renewTime ? { ...obj, spec: { ...spec, renewTime } } : obj;
    }
    return obj;
  };
}
