// rbac.authorization.k8s.io/v1 PolicyRule, Subject and RoleRef: the parts Roles, ClusterRoles and their bindings share.
import { z } from "zod";
import { atomic, list, str } from "../fields";

export const PolicyRule = z
  .object({
    verbs: list(z.string(), "Verbs that apply to all the resources of this rule; '*' represents all verbs.", atomic),
    apiGroups: list(z.string(), "API groups of the resources; \"\" is the core group and '*' all groups.", atomic).optional(),
    resources: list(z.string(), "Resources this rule applies to; '*' represents all, '*/foo' the subresource foo of all.", atomic).optional(),
    resourceNames: list(z.string(), "Optional allow list of object names; empty means all.", atomic).optional(),
    nonResourceURLs: list(z.string(), "Partial URLs (a final '*' matches a prefix); only in ClusterRoles bound by ClusterRoleBindings.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.rbac.v1.PolicyRule", description: "Actions allowed on resources or non-resource URLs." });
export type PolicyRule = z.infer<typeof PolicyRule>;

export const Subject = z
  .object({
    kind: str("Kind of the subject: User, Group or ServiceAccount."),
    apiGroup: str("API group of the subject: \"\" for ServiceAccounts, rbac.authorization.k8s.io for User and Group.").optional(),
    name: str("Name of the subject."),
    namespace: str("Namespace of a ServiceAccount subject.").optional(),
  })
  .meta({ id: "io.k8s.api.rbac.v1.Subject", description: "A user, group or service account a binding applies to.", "x-kubernetes-map-type": "atomic" });
export type Subject = z.infer<typeof Subject>;

export const RoleRef = z
  .object({
    apiGroup: str("API group of the referenced role."),
    kind: str("Kind of the referenced role: Role or ClusterRole."),
    name: str("Name of the referenced role."),
  })
  .meta({ id: "io.k8s.api.rbac.v1.RoleRef", description: "The role a binding grants.", "x-kubernetes-map-type": "atomic" });
export type RoleRef = z.infer<typeof RoleRef>;
