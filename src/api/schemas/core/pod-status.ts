// PodStatus: the observed state of a pod, including per-container statuses.
import { z } from "zod";
import { atomic, bool, int, list, mapKeys, patch, ref, str } from "../fields";
import { ResourceList, Time, zeroableTime } from "../meta";
import { ResourceRequirements } from "./resources";

export const ContainerStateWaiting = z
  .object({
    reason: str("Why the container is not running yet, e.g. ContainerCreating.").optional(),
    message: str("Detail about the wait.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ContainerStateWaiting", description: "A container that is not yet running." });

export const ContainerStateRunning = z
  .object({ startedAt: ref(Time, "When the container last started.").optional() })
  .meta({ id: "io.k8s.api.core.v1.ContainerStateRunning", description: "A running container." });

export const ContainerStateTerminated = z
  .object({
    exitCode: int("Exit status of the last run."),
    signal: int("Signal that ended the last run.").optional(),
    reason: str("Short reason for the termination, e.g. Completed or OOMKilled.").optional(),
    message: str("Detail about the termination.").optional(),
    startedAt: ref(Time, "When the last run started.").optional(),
    finishedAt: ref(Time, "When the last run ended.").optional(),
    containerID: str("Runtime ID of the container, as <type>://<id>.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ContainerStateTerminated", description: "A container that has exited." });

export const ContainerState = z
  .object({
    waiting: ref(ContainerStateWaiting, "Set while the container waits to run.").optional(),
    running: ref(ContainerStateRunning, "Set while the container runs.").optional(),
    terminated: ref(ContainerStateTerminated, "Set once the container has exited.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ContainerState", description: "The state of a container; at most one member is set." });

export const VolumeMountStatus = z
  .object({
    name: str("Name of the volume mount."),
    mountPath: str("Path of the mount in the container."),
    readOnly: bool("Whether the mount is read-only.").optional(),
    recursiveReadOnly: str("Effective recursive read-only mode: Disabled or Enabled.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.VolumeMountStatus", description: "The observed state of one volume mount." });

export const LinuxContainerUser = z
  .object({
    uid: int("Primary UID of the container's first process."),
    gid: int("Primary GID of the container's first process."),
    supplementalGroups: list(z.number().int(), "Supplemental GIDs of the first process.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.LinuxContainerUser", description: "The Linux identity a container process runs as." });

export const ContainerUser = z
  .object({ linux: ref(LinuxContainerUser, "Linux identity of the first process.").optional() })
  .meta({ id: "io.k8s.api.core.v1.ContainerUser", description: "The identity a container's first process runs as." });

export const ResourceHealth = z
  .object({
    resourceID: str("Unique ID of the device within its resource."),
    health: str("Health of the device: Healthy, Unhealthy or Unknown.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ResourceHealth", description: "Health of one allocated device." });

export const ResourceStatus = z
  .object({
    name: str("Name of the resource, e.g. a device plugin resource or claim:<name>/<request>."),
    resources: list(ResourceHealth, "Health of each allocated device.", mapKeys("resourceID")).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ResourceStatus", description: "Health of the devices allocated for one resource." });

export const ContainerStatus = z
  .object({
    name: str("Name of the container."),
    state: ref(ContainerState, "Current state of the container.").optional(),
    lastState: ref(ContainerState, "State of the previous run, if any.").optional(),
    ready: bool("Whether the container passes its readiness check."),
    restartCount: int("Number of restarts of the container."),
    image: str("Image the container runs."),
    imageID: str("Resolved image ID of the running image."),
    containerID: str("Runtime ID of the container, as <type>://<id>.").optional(),
    started: bool("Whether the container passed its startup probe.").optional(),
    allocatedResources: ref(ResourceList, "Resources allocated to the container by the node.").optional(),
    resources: ref(ResourceRequirements, "Resources actually configured for the running container.").optional(),
    volumeMounts: list(VolumeMountStatus, "Observed volume mounts.", patch("merge", "mountPath"), mapKeys("mountPath")).optional(),
    user: ref(ContainerUser, "Identity of the first process.").optional(),
    allocatedResourcesStatus: list(ResourceStatus, "Health of allocated devices.", patch("merge", "name"), mapKeys("name")).optional(),
    stopSignal: str("Effective stop signal of the container.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ContainerStatus", description: "The observed state of one container." });
export type ContainerStatus = z.infer<typeof ContainerStatus>;

export const PodCondition = z
  .object({
    type: str("Condition type, e.g. PodScheduled, Initialized, ContainersReady or Ready."),
    observedGeneration: int("Pod generation the condition was computed from.").optional(),
    status: str("True, False or Unknown."),
    lastProbeTime: zeroableTime("When the condition was last probed."),
    lastTransitionTime: ref(Time, "When the status last changed.").optional(),
    reason: str("CamelCase reason for the last transition.").optional(),
    message: str("Human-readable detail about the last transition.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PodCondition", description: "One aspect of a pod's state." });
export type PodCondition = z.infer<typeof PodCondition>;

export const PodIP = z
  .object({ ip: str("An IP address of the pod.") })
  .meta({ id: "io.k8s.api.core.v1.PodIP", description: "An IP address allocated to the pod." });

export const HostIP = z
  .object({ ip: str("An IP address of the host.") })
  .meta({ id: "io.k8s.api.core.v1.HostIP", description: "An IP address of the node the pod runs on." });

export const PodResourceClaimStatus = z
  .object({
    name: str("Name of the entry in spec.resourceClaims."),
    resourceClaimName: str("Name of the ResourceClaim generated for the pod.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PodResourceClaimStatus", description: "The claim generated for one pod resource claim." });

const statuses = (what: string) => list(ContainerStatus, `Statuses of the ${what}, one per container.`, atomic).optional();

export const PodStatus = z
  .object({
    observedGeneration: int("Pod generation the status was computed from.").optional(),
    phase: str("Lifecycle phase: Pending, Running, Succeeded, Failed or Unknown.").optional(),
    conditions: list(PodCondition, "Current conditions of the pod.", patch("merge", "type"), mapKeys("type")).optional(),
    message: str("Human-readable detail about the pod's state.").optional(),
    reason: str("CamelCase reason for the pod's state, e.g. Evicted.").optional(),
    nominatedNodeName: str("Node the pod is expected to land on after preemption.").optional(),
    hostIP: str("Primary IP of the pod's node.").optional(),
    hostIPs: list(HostIP, "IPs of the pod's node.", patch("merge", "ip"), atomic).optional(),
    podIP: str("Primary IP of the pod.").optional(),
    podIPs: list(PodIP, "IPs of the pod, at most one per family.", patch("merge", "ip"), mapKeys("ip")).optional(),
    startTime: ref(Time, "When the kubelet accepted the pod.").optional(),
    initContainerStatuses: statuses("init containers"),
    containerStatuses: statuses("app containers"),
    qosClass: str("Quality of service class: Guaranteed, Burstable or BestEffort.").optional(),
    ephemeralContainerStatuses: statuses("ephemeral containers"),
    resize: str("Deprecated state of a pending in-place resize.").optional(),
    resourceClaimStatuses: list(
      PodResourceClaimStatus,
      "Claims generated for the pod's resource claims.",
      patch("merge,retainKeys", "name"),
      mapKeys("name"),
    ).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PodStatus", description: "The observed state of a pod." });
export type PodStatus = z.infer<typeof PodStatus>;
