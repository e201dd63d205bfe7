// Node.
import { z } from "zod";
import { atomic, bool, gvk, int, list, mapKeys, patch, ref, set, str, typeMetaFields } from "../fields";
import { objectMetadata, ResourceList, Time } from "../meta";

export const Taint = z
  .object({
    key: str("Taint key."),
    value: str("Taint value.").optional(),
    effect: str("Effect on pods that do not tolerate it: NoSchedule, PreferNoSchedule or NoExecute."),
    timeAdded: ref(Time, "When a NoExecute taint was added.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.Taint", description: "Repels pods that do not tolerate it." });
export type Taint = z.infer<typeof Taint>;

export const ConfigMapNodeConfigSource = z
  .object({
    namespace: str("Namespace of the ConfigMap."),
    name: str("Name of the ConfigMap."),
    uid: str("UID of the ConfigMap.").optional(),
    resourceVersion: str("Resource version of the ConfigMap.").optional(),
    kubeletConfigKey: str("Key holding the kubelet configuration."),
  })
  .meta({ id: "io.k8s.api.core.v1.ConfigMapNodeConfigSource", description: "A ConfigMap holding kubelet configuration." });

export const NodeConfigSource = z
  .object({ configMap: ref(ConfigMapNodeConfigSource, "ConfigMap source of the configuration.").optional() })
  .meta({ id: "io.k8s.api.core.v1.NodeConfigSource", description: "Deprecated source of a node's dynamic configuration." });

export const NodeSpec = z
  .object({
    podCIDR: str("Pod IP range assigned to the node.").optional(),
    podCIDRs: list(z.string(), "Pod IP ranges assigned to the node, one per family.", patch("merge"), set).optional(),
    providerID: str("Cloud provider ID of the node.").optional(),
    unschedulable: bool("Keeps new pods off the node (cordon).").optional(),
    taints: list(Taint, "Taints of the node.", atomic).optional(),
    configSource: ref(NodeConfigSource, "Deprecated dynamic kubelet configuration source.").optional(),
    externalID: str("Deprecated external ID of the node.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.NodeSpec", description: "The desired state of a node." });

export const NodeCondition = z
  .object({
    type: str("Condition type, e.g. Ready, MemoryPressure, DiskPressure, PIDPressure or NetworkUnavailable."),
    status: str("True, False or Unknown."),
    lastHeartbeatTime: ref(Time, "When the kubelet last reported the condition.").optional(),
    lastTransitionTime: ref(Time, "When the status last changed.").optional(),
    reason: str("CamelCase reason for the last transition.").optional(),
    message: str("Human-readable detail about the last transition.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.NodeCondition", description: "One aspect of a node's state." });

export const NodeAddress = z
  .object({
    type: str("Address type: Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS."),
    address: str("The address."),
  })
  .meta({ id: "io.k8s.api.core.v1.NodeAddress", description: "An address of a node." });

export const DaemonEndpoint = z
  .object({ Port: int("Port number of the endpoint.") })
  .meta({ id: "io.k8s.api.core.v1.DaemonEndpoint", description: "A port a node daemon listens on." });

export const NodeDaemonEndpoints = z
  .object({ kubeletEndpoint: ref(DaemonEndpoint, "Port the kubelet listens on.").optional() })
  .meta({ id: "io.k8s.api.core.v1.NodeDaemonEndpoints", description: "Ports of the daemons on a node." });

export const NodeSwapStatus = z
  .object({ capacity: int("Total swap memory in bytes.").optional() })
  .meta({ id: "io.k8s.api.core.v1.NodeSwapStatus", description: "Swap memory of a node." });

export const NodeSystemInfo = z
  .object({
    machineID: str("Machine ID of the node."),
    systemUUID: str("System UUID of the node."),
    bootID: str("Boot ID of the node."),
    kernelVersion: str("Kernel version, from uname -r."),
    osImage: str("OS image, from /etc/os-release."),
    containerRuntimeVersion: str("Container runtime name and version, e.g. containerd://1.7.0."),
    kubeletVersion: str("Kubelet version."),
    kubeProxyVersion: str("Deprecated kube-proxy version."),
    operatingSystem: str("Operating system, e.g. linux."),
    architecture: str("CPU architecture, e.g. amd64."),
    swap: ref(NodeSwapStatus, "Swap memory information.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.NodeSystemInfo", description: "Identity and version information of a node." });

export const ContainerImage = z
  .object({
    names: list(z.string(), "Names and digests the image is known by.", atomic).optional(),
    sizeBytes: int("Size of the image in bytes.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ContainerImage", description: "An image present on a node." });

export const AttachedVolume = z
  .object({
    name: str("Name of the attached volume."),
    devicePath: str("Device path where the volume is available."),
  })
  .meta({ id: "io.k8s.api.core.v1.AttachedVolume", description: "A volume attached to a node." });

export const NodeConfigStatus = z
  .object({
    assigned: ref(NodeConfigSource, "Configuration the node should use.").optional(),
    active: ref(NodeConfigSource, "Configuration the node is using.").optional(),
    lastKnownGood: ref(NodeConfigSource, "Fallback configuration.").optional(),
    error: str("Problem applying the configuration.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.NodeConfigStatus", description: "Deprecated status of dynamic kubelet configuration." });

export const NodeRuntimeHandlerFeatures = z
  .object({
    recursiveReadOnlyMounts: bool("Supports recursive read-only mounts.").optional(),
    userNamespaces: bool("Supports user namespaces.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.NodeRuntimeHandlerFeatures", description: "Features of a runtime handler." });

export const NodeRuntimeHandler = z
  .object({
    name: str("Handler name; empty for the default handler.").optional(),
    features: ref(NodeRuntimeHandlerFeatures, "Features the handler supports.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.NodeRuntimeHandler", description: "A container runtime handler available on the node." });

export const NodeFeatures = z
  .object({ supplementalGroupsPolicy: bool("Supports the pod supplementalGroupsPolicy field.").optional() })
  .meta({ id: "io.k8s.api.core.v1.NodeFeatures", description: "Optional features the node supports." });

export const NodeStatus = z
  .object({
    capacity: ref(ResourceList, "Total resources of the node.").optional(),
    allocatable: ref(ResourceList, "Resources available to pods.").optional(),
    phase: str("Deprecated lifecycle phase of the node.").optional(),
    conditions: list(NodeCondition, "Current conditions of the node.", patch("merge", "type"), mapKeys("type")).optional(),
    addresses: list(NodeAddress, "Addresses of the node.", patch("merge", "type"), mapKeys("type")).optional(),
    daemonEndpoints: ref(NodeDaemonEndpoints, "Ports of the node's daemons.").optional(),
    nodeInfo: ref(NodeSystemInfo, "Identity and versions of the node.").optional(),
    images: list(ContainerImage, "Images present on the node.", atomic).optional(),
    volumesInUse: list(z.string(), "Attachable volumes in use by the node.", atomic).optional(),
    volumesAttached: list(AttachedVolume, "Volumes attached to the node.", atomic).optional(),
    config: ref(NodeConfigStatus, "Deprecated dynamic configuration status.").optional(),
    runtimeHandlers: list(NodeRuntimeHandler, "Runtime handlers available on the node.", atomic).optional(),
    features: ref(NodeFeatures, "Optional features the node supports.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.NodeStatus", description: "The observed state of a node." });

export const Node = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(NodeSpec, "Desired state of the node.").optional(),
    status: ref(NodeStatus, "Observed state of the node.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.Node", description: "A worker machine that runs pods.", ...gvk("", "v1", "Node") });
export type Node = z.infer<typeof Node>;
