// What a new cluster holds before anyone touches it: nodes (one tainted control plane, N workers, all Ready) with
// their leases, the four standard namespaces, and the `kubernetes` Service with its endpoints — as `kind` or
// kubeadm would leave them.
import type { ClusterSpec } from "../api/platform";
import type { Endpoints } from "../api/schemas/core/endpoints";
import type { Namespace } from "../api/schemas/core/namespace";
import type { Node } from "../api/schemas/core/node";
import type { Service } from "../api/schemas/core/service";
import type { Lease } from "../api/schemas/coordination/lease";
import type { EndpointSlice } from "../api/schemas/discovery/endpointslice";

export const controlPlaneName = "control-plane";
export const apiserverIP = "172.18.0.2";
export const kubernetesServiceIP = "10.96.0.1";

export function workerName(i: number): string {
  return `worker-${i}`;
}

export function systemNamespaces(): string[] {
  return ["default", "kube-system", "kube-public", "kube-node-lease"];
}

export function namespaceObject(name: string): Namespace {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name, labels: { "kubernetes.io/metadata.name": name } },
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  };
}

/** A node as its kubelet registers it: labels, capacity, addresses, node info, healthy conditions. */
export function nodeObject(spec: ClusterSpec, index: number, now: string, ids: { machine: string; boot: string }): Node {
  const controlPlane = index === 0;
  const name = controlPlane ? controlPlaneName : workerName(index);
  const ip = `172.18.0.${index + 2}`;
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": name,
    "kubernetes.io/os": "linux",
  };
  if (controlPlane) {
    labels["node-role.kubernetes.io/control-plane"] = "";
    labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "";
  }
  const capacity = {
    cpu: spec.nodeResources.cpu,
    "ephemeral-storage": "102687672Ki",
    "hugepages-1Gi": "0",
    "hugepages-2Mi": "0",
    memory: spec.nodeResources.memory,
    pods: String(spec.nodeResources.pods),
  };
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    reason,
    message,
  });
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels,
      annotations: {
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      providerID: `sandbox://${name}`,
      ...(controlPlane ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] } : {}),
    },
    status: {
      capacity,
      allocatable: { ...capacity },
      conditions: [
        condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
      ],
      addresses: [
        { type: "InternalIP", address: ip },
        { type: "Hostname", address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: ids.machine,
        systemUUID: ids.machine,
        bootID: ids.boot,
        kernelVersion: "6.8.0-sandbox",
        osImage: "Debian GNU/Linux 12 (bookworm)",
        containerRuntimeVersion: "containerd://1.7.24",
        kubeletVersion: "v1.33.1",
        kubeProxyVersion: "v1.33.1",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}

export function nodeLease(node: Node, nowMicro: string): Lease {
  return {
    apiVersion: "coordination.k8s.io/v1",
    kind: "Lease",
    metadata: {
      name: node.metadata.name,
      namespace: "kube-node-lease",
      ownerReferences: [{ apiVersion: "v1", kind: "Node", name: node.metadata.name!, uid: node.metadata.uid! }],
    },
    spec: { holderIdentity: node.metadata.name, leaseDurationSeconds: 40, renewTime: nowMicro },
  };
}

export function kubernetesService(): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "kubernetes", namespace: "default", labels: { component: "apiserver", provider: "kubernetes" } },
    spec: {
      type: "ClusterIP",
      clusterIP: kubernetesServiceIP,
      clusterIPs: [kubernetesServiceIP],
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      internalTrafficPolicy: "Cluster",
      sessionAffinity: "None",
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
    },
    status: { loadBalancer: {} },
  };
}

export function kubernetesEndpoints(): [Endpoints, EndpointSlice] {
  return [
    {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "kubernetes", namespace: "default", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
      subsets: [{ addresses: [{ ip: apiserverIP }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }],
    },
    {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "kubernetes", namespace: "default", labels: { "kubernetes.io/service-name": "kubernetes" } },
      addressType: "IPv4",
      endpoints: [{ addresses: [apiserverIP], conditions: { ready: true } }],
      ports: [{ name: "https", port: 6443, protocol: "TCP" }],
    },
  ];
}
