// Role, ClusterRole, RoleBinding, ClusterRoleBinding: validation with the apiserver's messages, printers, discovery.
import { describe, expect, it } from "vitest";
import { aggregatedDiscovery } from "../../../../src/cluster/apiserver/discovery";
import { ResourceTable } from "../../../../src/cluster/registry/resource-table";
import { resources } from "../../../../src/cluster/registry/resources";
import { validateClusterRole } from "../../../../src/cluster/registry/clusterroles/validation";
import { bindingPrinter } from "../../../../src/cluster/registry/rolebindings/printer";
import { validateBinding, validateBindingUpdate } from "../../../../src/cluster/registry/rolebindings/validation";
import { rolePrinter } from "../../../../src/cluster/registry/roles/printer";
import { rbacName, validateRules } from "../../../../src/cluster/registry/roles/validation";

const messages = (errors: Array<{ field: string; message: string }>) => errors.map((e) => `${e.field}: ${e.message}`);
const group = "rbac.authorization.k8s.io";

describe("RBAC validation", () => {
  it("names are path segments: not . or .., no / or %", () => {
    expect(rbacName("system:basic-user", false)).toEqual([]);
    expect(rbacName("Bad_Name", false)).toEqual([]);
    expect(rbacName("..", false)).toEqual(["may not be '..'"]);
    expect(rbacName("a/b%c", false)).toEqual(["may not contain '/'", "may not contain '%'"]);
  });

  it("checks rules: verbs, groups and resources, non-resource URLs only alone and only cluster-wide", () => {
    expect(validateRules([{ verbs: ["get"], apiGroups: [""], resources: ["pods"] }], true)).toEqual([]);
    expect(messages(validateRules([{ verbs: [] }], true))).toEqual([
      "rules[0].verbs: Required value: verbs must contain at least one value",
      "rules[0].apiGroups: Required value: resource rules must supply at least one api group",
      "rules[0].resources: Required value: resource rules must supply at least one resource",
    ]);
    expect(messages(validateRules([{ verbs: ["get"], nonResourceURLs: ["/healthz"] }], true))).toEqual([
      'rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs',
    ]);
    expect(validateRules([{ verbs: ["get"], nonResourceURLs: ["/healthz"] }], false)).toEqual([]);
    expect(messages(validateRules([{ verbs: ["get"], nonResourceURLs: ["/x"], resources: ["pods"] }], false))).toEqual([
      'rules[0].nonResourceURLs: Invalid value: []string{"/x"}: rules cannot apply to both regular resources and non-resource URLs',
    ]);
  });

  it("an aggregationRule needs a selector", () => {
    expect(messages(validateClusterRole({ metadata: { name: "a" }, aggregationRule: {} }))).toEqual([
      "aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil",
    ]);
    expect(validateClusterRole({ metadata: { name: "a" }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: "b" } }] } })).toEqual([]);
  });

  it("checks bindings: roleRef group, kind and name; subjects by kind", () => {
    const ref = { apiGroup: group, kind: "Role", name: "reader" };
    expect(validateBinding({ roleRef: ref, subjects: [{ kind: "ServiceAccount", name: "app" }] }, true)).toEqual([]);
    expect(messages(validateBinding({ roleRef: ref }, false))).toEqual(['roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"']);
    expect(messages(validateBinding({ roleRef: { apiGroup: "", kind: "Thing", name: "" } }, true))).toEqual([
      'roleRef.apiGroup: Unsupported value: "": supported values: "rbac.authorization.k8s.io"',
      'roleRef.kind: Unsupported value: "Thing": supported values: "Role", "ClusterRole"',
      "roleRef.name: Required value",
    ]);
    expect(
      messages(
        validateBinding(
          {
            roleRef: { ...ref, kind: "ClusterRole" },
            subjects: [
              { kind: "ServiceAccount", name: "app" },
              { kind: "User", name: "jane" },
              { kind: "Robot", name: "r2" },
            ],
          },
          false,
        ),
      ),
    ).toEqual([
      "subjects[0].namespace: Required value",
      'subjects[1].apiGroup: Unsupported value: "": supported values: "rbac.authorization.k8s.io"',
      'subjects[2].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
    ]);
    expect(messages(validateBindingUpdate({ roleRef: { ...ref, name: "writer" } }, { roleRef: ref }, true))).toEqual([
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"writer"}: cannot change roleRef',
    ]);
  });
});

describe("RBAC printers", () => {
  it("roles print NAME and CREATED AT as an RFC 3339 time", () => {
    expect(rolePrinter.columns.map((c) => [c.name, c.type, c.priority])).toEqual([["Name", "string", 0], ["Created At", "date", 0]]);
    expect(rolePrinter.cells({ metadata: { name: "view", creationTimestamp: "2025-06-01T11:55:00Z" } }, 0)).toEqual(["view", "2025-06-01T11:55:00Z"]);
  });

  it("bindings print NAME, ROLE, AGE and (wide) USERS, GROUPS, SERVICEACCOUNTS", () => {
    expect(bindingPrinter.columns.map((c) => [c.name, c.priority])).toEqual([
      ["Name", 0], ["Role", 0], ["Age", 0], ["Users", 1], ["Groups", 1], ["ServiceAccounts", 1],
    ]);
    const binding = {
      metadata: { name: "b", creationTimestamp: "2025-06-01T11:55:00Z" },
      roleRef: { apiGroup: group, kind: "ClusterRole", name: "edit" },
      subjects: [
        { kind: "User", apiGroup: group, name: "jane" },
        { kind: "User", apiGroup: group, name: "joe" },
        { kind: "Group", apiGroup: group, name: "devs" },
        { kind: "ServiceAccount", name: "app", namespace: "dev" },
      ],
    };
    expect(bindingPrinter.cells(binding, Date.parse("2025-06-01T12:00:00Z"))).toEqual(["b", "ClusterRole/edit", "5m", "jane, joe", "devs", "dev/app"]);
  });
});

describe("RBAC discovery", () => {
  it("serves the four kinds in rbac.authorization.k8s.io/v1", () => {
    const doc = aggregatedDiscovery(new ResourceTable(resources), "v2", false);
    const rbac = doc.items.find((i) => i.metadata.name === group)!;
    expect(rbac.versions[0].resources.map((r) => [r.resource, r.scope])).toEqual([
      ["clusterrolebindings", "Cluster"],
      ["clusterroles", "Cluster"],
      ["rolebindings", "Namespaced"],
      ["roles", "Namespaced"],
    ]);
  });
});
