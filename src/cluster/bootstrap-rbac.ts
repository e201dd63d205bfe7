// The apiserver's RBAC bootstrap policy (plugin/pkg/auth/authorizer/rbac/bootstrappolicy), the part a learner meets:
// cluster-admin, the aggregated admin/edit/view and the system:aggregate-to-* roles that feed them, the roles every
// authenticated user holds (system:basic-user, system:discovery, system:public-info-viewer) and their bindings.
// admin, edit and view are written with their aggregationRule only: the clusterrole-aggregation controller computes
// their rules, so bootstrap does not write them twice.
import type { ClusterRole } from "../api/schemas/rbac/clusterrole";
import type { ClusterRoleBinding } from "../api/schemas/rbac/clusterrolebinding";
import type { PolicyRule } from "../api/schemas/rbac/policy-rule";

const rbacGroup = "rbac.authorization.k8s.io";
const aggregateTo = (role: string) => `rbac.authorization.k8s.io/aggregate-to-${role}`;
const defaults = { "kubernetes.io/bootstrapping": "rbac-defaults" };
const autoupdate = { "rbac.authorization.kubernetes.io/autoupdate": "true" };

const read = ["get", "list", "watch"];
const write = ["create", "delete", "deletecollection", "patch", "update"];
const readWrite = [...read, ...write];

const rule = (verbs: string[], groups: string[], resources: string[]): PolicyRule => ({ verbs, apiGroups: groups, resources });
const urls = (verbs: string[], nonResourceURLs: string[]): PolicyRule => ({ verbs, nonResourceURLs });

function clusterRole(name: string, rules: PolicyRule[], labels: Record<string, string> = {}, aggregate?: string): ClusterRole {
  return {
    apiVersion: `${rbacGroup}/v1`,
    kind: "ClusterRole",
    metadata: { name, labels: { ...defaults, ...labels }, annotations: { ...autoupdate } },
    ...(aggregate ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [aggregateTo(aggregate)]: "true" } }] } } : { rules }),
  };
}

const viewRules: PolicyRule[] = [
  rule(read, [""], ["pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "configmaps"]),
  rule(read, [""], ["limitranges", "resourcequotas", "bindings", "events", "pods/status", "resourcequotas/status", "namespaces/status", "replicationcontrollers/status", "pods/log"]),
  rule(read, [""], ["namespaces"]),
  rule(read, ["discovery.k8s.io"], ["endpointslices"]),
  rule(read, ["apps"], ["controllerrevisions", "statefulsets", "statefulsets/scale", "statefulsets/status", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale", "replicasets/status"]),
  rule(read, ["autoscaling"], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"]),
  rule(read, ["batch"], ["jobs", "cronjobs", "cronjobs/status", "jobs/status"]),
  rule(read, ["extensions"], ["daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "ingresses", "ingresses/status", "replicasets", "replicasets/scale", "replicasets/status", "replicationcontrollers/scale", "networkpolicies"]),
  rule(read, ["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"]),
  rule(read, ["networking.k8s.io"], ["networkpolicies", "ingresses", "ingresses/status"]),
];

const editRules: PolicyRule[] = [
  rule(read, [""], ["pods/attach", "pods/proxy", "pods/exec", "pods/portforward", "secrets", "services/proxy"]),
  rule(["impersonate"], [""], ["serviceaccounts"]),
  rule(write, [""], ["pods", "pods/attach", "pods/proxy", "pods/exec", "pods/portforward"]),
  rule(["create"], [""], ["pods/eviction"]),
  rule(write, [""], ["replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/proxy", "persistentvolumeclaims", "configmaps", "secrets", "events"]),
  rule(["create"], [""], ["serviceaccounts/token"]),
  rule(write, ["apps"], ["statefulsets", "statefulsets/scale", "daemonsets", "deployments", "deployments/scale", "deployments/rollback", "replicasets", "replicasets/scale"]),
  rule(write, ["autoscaling"], ["horizontalpodautoscalers"]),
  rule(write, ["batch"], ["jobs", "cronjobs"]),
  rule(write, ["extensions"], ["daemonsets", "deployments", "deployments/scale", "deployments/rollback", "ingresses", "replicasets", "replicasets/scale", "replicationcontrollers/scale", "networkpolicies"]),
  rule(write, ["policy"], ["poddisruptionbudgets"]),
  rule(write, ["networking.k8s.io"], ["networkpolicies", "ingresses"]),
  rule(readWrite, ["coordination.k8s.io"], ["leases"]),
];

const adminRules: PolicyRule[] = [
  rule(readWrite, [rbacGroup], ["roles", "rolebindings"]),
  rule(["create"], ["authorization.k8s.io"], ["localsubjectaccessreviews"]),
];

const discoveryURLs = ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"];
const publicInfoURLs = ["/healthz", "/livez", "/readyz", "/version", "/version/"];

export function defaultClusterRoles(): ClusterRole[] {
  return [
    clusterRole("cluster-admin", [rule(["*"], ["*"], ["*"]), urls(["*"], ["*"])]),
    clusterRole("admin", [], {}, "admin"),
    clusterRole("edit", [], { [aggregateTo("admin")]: "true" }, "edit"),
    clusterRole("view", [], { [aggregateTo("edit")]: "true" }, "view"),
    clusterRole("system:aggregate-to-admin", adminRules, { [aggregateTo("admin")]: "true" }),
    clusterRole("system:aggregate-to-edit", editRules, { [aggregateTo("edit")]: "true" }),
    clusterRole("system:aggregate-to-view", viewRules, { [aggregateTo("view")]: "true" }),
    clusterRole("system:basic-user", [
      rule(["create"], ["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]),
      rule(["create"], ["authentication.k8s.io"], ["selfsubjectreviews"]),
    ]),
    clusterRole("system:discovery", [urls(["get"], discoveryURLs)]),
    clusterRole("system:public-info-viewer", [urls(["get"], publicInfoURLs)]),
  ];
}

function binding(role: string, groups: string[]): ClusterRoleBinding {
  return {
    apiVersion: `${rbacGroup}/v1`,
    kind: "ClusterRoleBinding",
    metadata: { name: role, labels: { ...defaults }, annotations: { ...autoupdate } },
    roleRef: { apiGroup: rbacGroup, kind: "ClusterRole", name: role },
    subjects: groups.map((name) => ({ kind: "Group", apiGroup: rbacGroup, name })),
  };
}

export function defaultClusterRoleBindings(): ClusterRoleBinding[] {
  return [
    binding("cluster-admin", ["system:masters"]),
    binding("system:basic-user", ["system:authenticated"]),
    binding("system:discovery", ["system:authenticated"]),
    binding("system:public-info-viewer", ["system:authenticated", "system:unauthenticated"]),
  ];
}
