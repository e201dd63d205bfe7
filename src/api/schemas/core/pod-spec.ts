// PodSpec: the desired state of a pod, shared by Pods and every workload's pod template.
import { z } from "zod";
import { atomic, atomicMap, bool, int, int32, list, mapKeys, patch, ref, str, strMap } from "../fields";
import { LocalObjectReference, ResourceList } from "../meta";
import { Affinity, Toleration, TopologySpreadConstraint } from "./affinity";
import { Container, EphemeralContainer } from "./container";
import { ResourceRequirements } from "./resources";
import { PodSecurityContext } from "./security-context";
import { Volume } from "./volume";

export const PodDNSConfigOption = z
  .object({
    name: str("Resolver option name, e.g. ndots."),
    value: str("Resolver option value.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PodDNSConfigOption", description: "One resolver option." });

export const PodDNSConfig = z
  .object({
    nameservers: list(z.string(), "DNS server IPs added to those from the DNS policy.", atomic).optional(),
    searches: list(z.string(), "Search domains added to those from the DNS policy.", atomic).optional(),
    options: list(PodDNSConfigOption, "Resolver options merged with those from the DNS policy.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PodDNSConfig", description: "Extra DNS settings of a pod." });

export const HostAlias = z
  .object({
    ip: str("IP address of the hosts file entry."),
    hostnames: list(z.string(), "Hostnames for that IP.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.HostAlias", description: "An entry injected into the pod's hosts file." });

export const PodOS = z
  .object({ name: str("Operating system of the pod: linux or windows.") })
  .meta({ id: "io.k8s.api.core.v1.PodOS", description: "The operating system a pod targets." });

export const PodReadinessGate = z
  .object({ conditionType: str("Pod condition type that must be True for the pod to be ready.") })
  .meta({ id: "io.k8s.api.core.v1.PodReadinessGate", description: "An extra condition required for readiness." });

export const PodSchedulingGate = z
  .object({ name: str("Name of the gate, unique within the pod.") })
  .meta({ id: "io.k8s.api.core.v1.PodSchedulingGate", description: "Blocks scheduling while present." });

export const PodResourceClaim = z
  .object({
    name: str("Name of the claim inside the pod, a DNS label."),
    resourceClaimName: str("Existing ResourceClaim in the pod's namespace.").optional(),
    resourceClaimTemplateName: str("ResourceClaimTemplate used to create a claim for this pod.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PodResourceClaim", description: "A dynamic resource claim the pod needs." });

export const PodSpec = z
  .object({
    volumes: list(Volume, "Volumes containers of the pod can mount.", patch("merge,retainKeys", "name"), mapKeys("name")).optional(),
    initContainers: list(Container, "Containers run to completion, in order, before the app containers start.", patch("merge", "name"), mapKeys("name")).optional(),
    containers: list(Container, "The pod's application containers; at least one is required.", patch("merge", "name"), mapKeys("name")),
    ephemeralContainers: list(EphemeralContainer, "Debug containers added to a running pod.", patch("merge", "name"), mapKeys("name")).optional(),
    restartPolicy: str("Restart policy of the containers: Always, OnFailure or Never; defaults to Always.").optional(),
    terminationGracePeriodSeconds: int("Seconds between the stop signal and the kill; defaults to 30.").optional(),
    activeDeadlineSeconds: int("Seconds the pod may run before it is failed.").optional(),
    dnsPolicy: str("DNS policy: ClusterFirst, ClusterFirstWithHostNet, Default or None.").optional(),
    nodeSelector: strMap("Node labels the pod's node must have.", atomicMap).optional(),
    serviceAccountName: str("ServiceAccount the pod runs as.").optional(),
    serviceAccount: str("Deprecated alias of serviceAccountName.").optional(),
    automountServiceAccountToken: bool("Whether the service account token is mounted automatically.").optional(),
    nodeName: str("Node the pod is bound to; set by the scheduler or directly.").optional(),
    hostNetwork: bool("Uses the node's network namespace.").optional(),
    hostPID: bool("Uses the node's PID namespace.").optional(),
    hostIPC: bool("Uses the node's IPC namespace.").optional(),
    shareProcessNamespace: bool("Shares one PID namespace between the pod's containers.").optional(),
    securityContext: ref(PodSecurityContext, "Pod-level security settings.").optional(),
    imagePullSecrets: list(LocalObjectReference, "Secrets used to pull the pod's images.", patch("merge", "name"), mapKeys("name")).optional(),
    hostname: str("Hostname of the pod; defaults to the pod name.").optional(),
    subdomain: str("Subdomain giving the pod a DNS name under a headless Service.").optional(),
    affinity: ref(Affinity, "Affinity scheduling rules.").optional(),
    schedulerName: str("Scheduler that places the pod; defaults to default-scheduler.").optional(),
    tolerations: list(Toleration, "Taints the pod tolerates.", atomic).optional(),
    hostAliases: list(HostAlias, "Entries added to the pod's hosts file.", patch("merge", "ip"), mapKeys("ip")).optional(),
    priorityClassName: str("PriorityClass giving the pod its priority.").optional(),
    priority: int32("Priority value, filled from the priority class.").optional(),
    dnsConfig: ref(PodDNSConfig, "Extra DNS settings.").optional(),
    readinessGates: list(PodReadinessGate, "Extra conditions required for readiness.", atomic).optional(),
    runtimeClassName: str("RuntimeClass used to run the pod.").optional(),
    enableServiceLinks: bool("Injects Service environment variables; defaults to true.").optional(),
    preemptionPolicy: str("Whether the pod may preempt others: PreemptLowerPriority or Never.").optional(),
    overhead: ref(ResourceList, "Resources consumed by the pod sandbox, from its RuntimeClass.").optional(),
    topologySpreadConstraints: list(
      TopologySpreadConstraint,
      "How the pod spreads across topology domains.",
      patch("merge", "topologyKey"),
      mapKeys("topologyKey", "whenUnsatisfiable"),
    ).optional(),
    setHostnameAsFQDN: bool("Sets the kernel hostname to the pod's FQDN.").optional(),
    os: ref(PodOS, "Operating system the pod targets.").optional(),
    hostUsers: bool("Uses the node's user namespace; defaults to true.").optional(),
    schedulingGates: list(PodSchedulingGate, "Gates that block scheduling while present.", patch("merge", "name"), mapKeys("name")).optional(),
    resourceClaims: list(PodResourceClaim, "Dynamic resource claims of the pod.", patch("merge,retainKeys", "name"), mapKeys("name")).optional(),
    resources: ref(ResourceRequirements, "Total resources of the pod, shared by its containers.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PodSpec", description: "The desired state of a pod." });
export type PodSpec = z.infer<typeof PodSpec>;
