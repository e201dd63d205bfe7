// k8s.io/api/core/v1 kinds other than Pod: Namespace, ConfigMap, Secret, Service, ServiceAccount, ResourceQuota,
// LimitRange.

import {
  type MessageType,
  P,
  bool,
  bytesMap,
  i32,
  intOrStr,
  list,
  obj,
  qtyMap,
  str,
  strMap,
  strs,
  time,
} from "../schema";
import { LocalObjectReference } from "./core-container";
import { Condition, ObjectMeta } from "./meta";

const metadata = obj("metadata", () => ObjectMeta);

export const ObjectReference: MessageType = {
  1: str("kind"),
  2: str("namespace"),
  3: str("name"),
  4: str("uid"),
  5: str("apiVersion"),
  6: str("resourceVersion"),
  7: str("fieldPath"),
};

export const Namespace: MessageType = {
  1: metadata,
  2: obj("spec", () => ({ 1: strs("finalizers") })),
  3: obj("status", () => ({
    1: str("phase"),
    2: list("conditions", () => ({
      1: str("type"),
      2: str("status"),
      4: time("lastTransitionTime"),
      5: str("reason"),
      6: str("message"),
    })),
  })),
};

export const ConfigMap: MessageType = {
  1: metadata,
  2: strMap("data"),
  3: bytesMap("binaryData"),
  4: bool("immutable", P),
};

export const Secret: MessageType = {
  1: metadata,
  2: bytesMap("data"),
  3: str("type"),
  4: strMap("stringData"),
  5: bool("immutable", P),
};

const ServicePort: MessageType = {
  1: str("name"),
  2: str("protocol"),
  3: i32("port"),
  4: intOrStr("targetPort"),
  5: i32("nodePort"),
  6: str("appProtocol", P),
};

const ServiceSpec: MessageType = {
  1: list("ports", () => ServicePort),
  2: strMap("selector"),
  3: str("clusterIP"),
  4: str("type"),
  5: strs("externalIPs"),
  7: str("sessionAffinity"),
  8: str("loadBalancerIP"),
  9: strs("loadBalancerSourceRanges"),
  10: str("externalName"),
  11: str("externalTrafficPolicy"),
  12: i32("healthCheckNodePort"),
  13: bool("publishNotReadyAddresses"),
  14: obj("sessionAffinityConfig", () => ({ 1: obj("clientIP", () => ({ 1: i32("timeoutSeconds", P) })) })),
  17: str("ipFamilyPolicy", P),
  18: strs("clusterIPs"),
  19: strs("ipFamilies"),
  20: bool("allocateLoadBalancerNodePorts", P),
  21: str("loadBalancerClass", P),
  22: str("internalTrafficPolicy", P),
  23: str("trafficDistribution", P),
};

const ServiceStatus: MessageType = {
  1: obj("loadBalancer", () => ({
    1: list("ingress", () => ({
      1: str("ip"),
      2: str("hostname"),
      3: str("ipMode", P),
      4: list("ports", () => ({ 1: i32("port"), 2: str("protocol"), 3: str("error", P) })),
    })),
  })),
  2: list("conditions", () => Condition),
};

export const Service: MessageType = {
  1: metadata,
  2: obj("spec", () => ServiceSpec),
  3: obj("status", () => ServiceStatus),
};

export const ServiceAccount: MessageType = {
  1: metadata,
  2: list("secrets", () => ObjectReference),
  3: list("imagePullSecrets", () => LocalObjectReference),
  4: bool("automountServiceAccountToken", P),
};

export const ResourceQuota: MessageType = {
  1: metadata,
  2: obj("spec", () => ({
    1: qtyMap("hard"),
    2: strs("scopes"),
    3: obj("scopeSelector", () => ({
      1: list("matchExpressions", () => ({ 1: str("scopeName"), 2: str("operator"), 3: strs("values") })),
    })),
  })),
  3: obj("status", () => ({ 1: qtyMap("hard"), 2: qtyMap("used") })),
};

export const LimitRange: MessageType = {
  1: metadata,
  2: obj("spec", () => ({
    1: list("limits", () => ({
      1: str("type"),
      2: qtyMap("max"),
      3: qtyMap("min"),
      4: qtyMap("default"),
      5: qtyMap("defaultRequest"),
      6: qtyMap("maxLimitRequestRatio"),
    })),
  })),
};
