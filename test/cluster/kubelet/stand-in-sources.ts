// What a pod's containers read, as tests hand it to the kubelet's code: ConfigMaps and Secrets by name, Services by
// namespace, and worker-1 of a kind cluster as the node (172.18.0.3, the cluster's DNS at 10.96.0.10).
import type { Node, Service } from "../../../src/api/schemas";
import type { PodSources } from "../../../src/cluster/kubelet/env";
import { nodeNetworkSettings } from "../../../src/cluster/kubelet/pod-sources";

export const workerNode = {
  metadata: { name: "worker-1" },
  status: { addresses: [{ type: "InternalIP", address: "172.18.0.3" }] },
} as Node;

export interface StandInObjects {
  configMaps?: Record<string, Record<string, string>>;
  secrets?: Record<string, Record<string, string>>;
  services?: Service[];
  allocatable?: PodSources["allocatable"];
}

export function standInSources(objects: StandInObjects = {}): PodSources {
  return {
    configMap: (name) => objects.configMaps?.[name],
    secret: (name) => objects.secrets?.[name],
    allocatable: objects.allocatable ?? { cpu: "2", memory: "4Gi" },
    services: (namespace) => (objects.services ?? []).filter((s) => (s.metadata?.namespace ?? "default") === namespace),
    network: nodeNetworkSettings(workerNode),
  };
}
