// k8s.io/api/networking/v1: Ingress (`kubectl create ingress` sends it as protobuf from 1.32). NetworkPolicy and
// IngressClass have no typed kubectl command, so their messages are not kept.

import { type MessageType, P, i32, inline, list, obj, str, strs } from "../schema";
import { ObjectMeta } from "./meta";

const TypedLocalObjectReference: MessageType = {
  1: str("apiGroup", P),
  2: str("kind"),
  3: str("name"),
};

const IngressBackend: MessageType = {
  4: obj("service", () => ({ 1: str("name"), 2: obj("port", () => ({ 1: str("name"), 2: i32("number") })) })),
  3: obj("resource", () => TypedLocalObjectReference),
};

const HTTPIngressPath: MessageType = {
  1: str("path"),
  3: str("pathType", P),
  2: obj("backend", () => IngressBackend),
};

const IngressRule: MessageType = {
  1: str("host"),
  // IngressRuleValue is embedded in Go: its `http` is a field of the rule in JSON.
  2: inline("ingressRuleValue", () => ({ 1: obj("http", () => ({ 1: list("paths", () => HTTPIngressPath) })) })),
};

const IngressSpec: MessageType = {
  4: str("ingressClassName", P),
  1: obj("defaultBackend", () => IngressBackend),
  2: list("tls", () => ({ 1: strs("hosts"), 2: str("secretName") })),
  3: list("rules", () => IngressRule),
};

const IngressLoadBalancerIngress: MessageType = {
  1: str("ip"),
  2: str("hostname"),
  4: list("ports", () => ({ 1: i32("port"), 2: str("protocol"), 3: str("error", P) })),
};

const IngressStatus: MessageType = {
  1: obj("loadBalancer", () => ({ 1: list("ingress", () => IngressLoadBalancerIngress) })),
};

export const Ingress: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("spec", () => IngressSpec),
  3: obj("status", () => IngressStatus),
};
