// k8s.io/api/core/v1: Pod, PodSpec, scheduling constraints and a compact PodStatus.

import {
  type MessageType,
  P,
  bool,
  i32,
  i64,
  i64s,
  list,
  obj,
  qtyMap,
  str,
  strMap,
  strs,
  time,
} from "../schema";
import {
  Container,
  EphemeralContainer,
  LocalObjectReference,
  ProfileReference,
  ResourceRequirements,
  SELinuxOptions,
  WindowsSecurityContextOptions,
} from "./core-container";
import { Volume } from "./core-volume";
import { LabelSelector, ObjectMeta } from "./meta";

const NodeSelectorRequirement: MessageType = { 1: str("key"), 2: str("operator"), 3: strs("values") };

const NodeSelectorTerm: MessageType = {
  1: list("matchExpressions", () => NodeSelectorRequirement),
  2: list("matchFields", () => NodeSelectorRequirement),
};

const NodeAffinity: MessageType = {
  1: obj("requiredDuringSchedulingIgnoredDuringExecution", () => ({
    1: list("nodeSelectorTerms", () => NodeSelectorTerm),
  })),
  2: list("preferredDuringSchedulingIgnoredDuringExecution", () => ({
    1: i32("weight"),
    2: obj("preference", () => NodeSelectorTerm),
  })),
};

const PodAffinityTerm: MessageType = {
  1: obj("labelSelector", () => LabelSelector),
  2: strs("namespaces"),
  3: str("topologyKey"),
  4: obj("namespaceSelector", () => LabelSelector),
  5: strs("matchLabelKeys"),
  6: strs("mismatchLabelKeys"),
};

/** PodAffinity and PodAntiAffinity share this shape. */
const PodAffinity: MessageType = {
  1: list("requiredDuringSchedulingIgnoredDuringExecution", () => PodAffinityTerm),
  2: list("preferredDuringSchedulingIgnoredDuringExecution", () => ({
    1: i32("weight"),
    2: obj("podAffinityTerm", () => PodAffinityTerm),
  })),
};

const Affinity: MessageType = {
  1: obj("nodeAffinity", () => NodeAffinity),
  2: obj("podAffinity", () => PodAffinity),
  3: obj("podAntiAffinity", () => PodAffinity),
};

const Toleration: MessageType = {
  1: str("key"),
  2: str("operator"),
  3: str("value"),
  4: str("effect"),
  5: i64("tolerationSeconds", P),
};

const PodSecurityContext: MessageType = {
  1: obj("seLinuxOptions", () => SELinuxOptions),
  2: i64("runAsUser", P),
  3: bool("runAsNonRoot", P),
  4: i64s("supplementalGroups"),
  5: i64("fsGroup", P),
  6: i64("runAsGroup", P),
  7: list("sysctls", () => ({ 1: str("name"), 2: str("value") })),
  8: obj("windowsOptions", () => WindowsSecurityContextOptions),
  9: str("fsGroupChangePolicy", P),
  10: obj("seccompProfile", () => ProfileReference),
  11: obj("appArmorProfile", () => ProfileReference),
  12: str("supplementalGroupsPolicy", P),
  13: str("seLinuxChangePolicy", P),
};

const TopologySpreadConstraint: MessageType = {
  1: i32("maxSkew"),
  2: str("topologyKey"),
  3: str("whenUnsatisfiable"),
  4: obj("labelSelector", () => LabelSelector),
  5: i32("minDomains", P),
  6: str("nodeAffinityPolicy", P),
  7: str("nodeTaintsPolicy", P),
  8: strs("matchLabelKeys"),
};

export const PodSpec: MessageType = {
  1: list("volumes", () => Volume),
  2: list("containers", () => Container),
  3: str("restartPolicy"),
  4: i64("terminationGracePeriodSeconds", P),
  5: i64("activeDeadlineSeconds", P),
  6: str("dnsPolicy"),
  7: strMap("nodeSelector"),
  8: str("serviceAccountName"),
  9: str("serviceAccount"),
  10: str("nodeName"),
  11: bool("hostNetwork"),
  12: bool("hostPID"),
  13: bool("hostIPC"),
  14: obj("securityContext", () => PodSecurityContext),
  15: list("imagePullSecrets", () => LocalObjectReference),
  16: str("hostname"),
  17: str("subdomain"),
  18: obj("affinity", () => Affinity),
  19: str("schedulerName"),
  20: list("initContainers", () => Container),
  21: bool("automountServiceAccountToken", P),
  22: list("tolerations", () => Toleration),
  23: list("hostAliases", () => ({ 1: str("ip"), 2: strs("hostnames") })),
  24: str("priorityClassName"),
  25: i32("priority", P),
  26: obj("dnsConfig", () => ({
    1: strs("nameservers"),
    2: strs("searches"),
    3: list("options", () => ({ 1: str("name"), 2: str("value", P) })),
  })),
  27: bool("shareProcessNamespace", P),
  28: list("readinessGates", () => ({ 1: str("conditionType") })),
  29: str("runtimeClassName", P),
  30: bool("enableServiceLinks", P),
  31: str("preemptionPolicy", P),
  32: qtyMap("overhead"),
  33: list("topologySpreadConstraints", () => TopologySpreadConstraint),
  34: list("ephemeralContainers", () => EphemeralContainer),
  35: bool("setHostnameAsFQDN", P),
  36: obj("os", () => ({ 1: str("name") })),
  37: bool("hostUsers", P),
  38: list("schedulingGates", () => ({ 1: str("name") })),
  39: list("resourceClaims", () => ({
    1: str("name"),
    3: str("resourceClaimName", P),
    4: str("resourceClaimTemplateName", P),
  })),
  40: obj("resources", () => ResourceRequirements),
  41: str("hostnameOverride", P),
};

const PodCondition: MessageType = {
  1: str("type"),
  2: str("status"),
  3: time("lastProbeTime"),
  4: time("lastTransitionTime"),
  5: str("reason"),
  6: str("message"),
  7: i64("observedGeneration"),
};

/** The pod-level status fields; per-container statuses are written by the kubelet, not sent by clients. */
const PodStatus: MessageType = {
  1: str("phase"),
  2: list("conditions", () => PodCondition),
  3: str("message"),
  4: str("reason"),
  5: str("hostIP"),
  6: str("podIP"),
  7: time("startTime"),
  9: str("qosClass"),
  11: str("nominatedNodeName"),
  12: list("podIPs", () => ({ 1: str("ip") })),
  14: str("resize"),
  16: list("hostIPs", () => ({ 1: str("ip") })),
  17: i64("observedGeneration"),
};

export const Pod: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("spec", () => PodSpec),
  3: obj("status", () => PodStatus),
};

export const PodTemplateSpec: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("spec", () => PodSpec),
};
