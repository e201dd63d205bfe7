// k8s.io/api/rbac/v1: Role, ClusterRole, RoleBinding, ClusterRoleBinding (kubectl 1.32+ `create role|clusterrole|
// rolebinding|clusterrolebinding` send them as protobuf).

import { type MessageType, list, obj, str, strs } from "../schema";
import { LabelSelector, ObjectMeta } from "./meta";

const PolicyRule: MessageType = {
  1: strs("verbs"),
  2: strs("apiGroups"),
  3: strs("resources"),
  4: strs("resourceNames"),
  5: strs("nonResourceURLs"),
};

const Subject: MessageType = { 1: str("kind"), 2: str("apiGroup"), 3: str("name"), 4: str("namespace") };
const RoleRef: MessageType = { 1: str("apiGroup"), 2: str("kind"), 3: str("name") };

export const Role: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: list("rules", () => PolicyRule),
};

export const ClusterRole: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: list("rules", () => PolicyRule),
  3: obj("aggregationRule", () => ({ 1: list("clusterRoleSelectors", () => LabelSelector) })),
};

export const RoleBinding: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: list("subjects", () => Subject),
  3: obj("roleRef", () => RoleRef),
};

export const ClusterRoleBinding: MessageType = RoleBinding;
