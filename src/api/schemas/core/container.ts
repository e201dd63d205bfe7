// Containers: the regular/init container and the ephemeral (debug) container share one field set.
import { z } from "zod";
import { atomic, bool, int32, list, mapKeys, patch, ref, str } from "../fields";
import { EnvFromSource, EnvVar } from "./env";
import { Lifecycle, Probe } from "./probe";
import { ContainerResizePolicy, ResourceRequirements } from "./resources";
import { SecurityContext } from "./security-context";

export const ContainerPort = z
  .object({
    name: str("IANA_SVC_NAME of the port, unique within the pod, usable by Services.").optional(),
    hostPort: int32("Port exposed on the host; rarely needed.").optional(),
    containerPort: int32("Port number exposed on the pod's IP."),
    protocol: z.string().meta({ description: "Protocol of the port: TCP, UDP or SCTP; defaults to TCP.", default: "TCP" }).optional(),
    hostIP: str("Host IP the host port binds to.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ContainerPort", description: "A network port of a container." });
export type ContainerPort = z.infer<typeof ContainerPort>;

export const VolumeMount = z
  .object({
    name: str("Name of the pod volume to mount."),
    readOnly: bool("Mounts the volume read-only.").optional(),
    recursiveReadOnly: str("Whether a read-only mount is also read-only for submounts: Disabled, IfPossible or Enabled.").optional(),
    mountPath: str("Path inside the container where the volume appears."),
    subPath: str("Sub-path of the volume to mount instead of its root.").optional(),
    mountPropagation: str("How mounts propagate between host and container: None, HostToContainer or Bidirectional.").optional(),
    subPathExpr: str("Like subPath but with $(VAR) expansion from the container environment.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.VolumeMount", description: "Mounts a pod volume into a container." });
export type VolumeMount = z.infer<typeof VolumeMount>;

export const VolumeDevice = z
  .object({
    name: str("Name of the persistent volume claim in the pod."),
    devicePath: str("Path inside the container where the block device appears."),
  })
  .meta({ id: "io.k8s.api.core.v1.VolumeDevice", description: "Maps a raw block volume into a container." });

const containerFields = {
  name: str("Name of the container, a DNS label unique within the pod."),
  image: str("Container image reference.").optional(),
  command: list(z.string(), "Entrypoint array, replacing the image's ENTRYPOINT; not run in a shell.", atomic).optional(),
  args: list(z.string(), "Arguments to the entrypoint, replacing the image's CMD.", atomic).optional(),
  workingDir: str("Working directory of the entrypoint.").optional(),
  ports: list(
    ContainerPort,
    "Ports exposed by the container, informational apart from hostPort.",
    patch("merge", "containerPort"),
    mapKeys("containerPort", "protocol"),
  ).optional(),
  envFrom: list(EnvFromSource, "Sources whose keys all become environment variables.", atomic).optional(),
  env: list(EnvVar, "Environment variables set in the container.", patch("merge", "name"), mapKeys("name")).optional(),
  resources: ref(ResourceRequirements, "Compute resources requested and limited for the container.").optional(),
  resizePolicy: list(ContainerResizePolicy, "How each resource may be resized in place.", atomic).optional(),
  restartPolicy: str("Per-container restart policy; only Always is allowed, for sidecar init containers.").optional(),
  volumeMounts: list(VolumeMount, "Pod volumes mounted into the container.", patch("merge", "mountPath"), mapKeys("mountPath")).optional(),
  volumeDevices: list(VolumeDevice, "Block devices mapped into the container.", patch("merge", "devicePath"), mapKeys("devicePath")).optional(),
  livenessProbe: ref(Probe, "Check whose failure restarts the container.").optional(),
  readinessProbe: ref(Probe, "Check whose failure removes the pod from Service endpoints.").optional(),
  startupProbe: ref(Probe, "Check that must pass before the other probes start.").optional(),
  lifecycle: ref(Lifecycle, "Hooks run around container start and stop.").optional(),
  terminationMessagePath: str("File whose contents become the termination message; defaults to /dev/termination-log.").optional(),
  terminationMessagePolicy: str("How the termination message is filled: File or FallbackToLogsOnError.").optional(),
  imagePullPolicy: str("When to pull the image: Always, Never or IfNotPresent.").optional(),
  securityContext: ref(SecurityContext, "Security settings of the container.").optional(),
  stdin: bool("Allocates a stdin buffer for the container.").optional(),
  stdinOnce: bool("Closes stdin after the first attach disconnects.").optional(),
  tty: bool("Allocates a TTY for the container.").optional(),
};

export const Container = z
  .object(containerFields)
  .meta({ id: "io.k8s.api.core.v1.Container", description: "A single application container of a pod." });
export type Container = z.infer<typeof Container>;

export const EphemeralContainer = z
  .object({
    ...containerFields,
    targetContainerName: str("Container whose process namespace the ephemeral container joins.").optional(),
  })
  .meta({
    id: "io.k8s.api.core.v1.EphemeralContainer",
    description: "A temporary container added to a running pod, e.g. for debugging.",
  });
export type EphemeralContainer = z.infer<typeof EphemeralContainer>;
