// Roles, ClusterRoles and their bindings (rbac.authorization.k8s.io/v1), rendered from plain objects: the rules table
// as `kubectl describe role` prints it, a binding's role and subjects.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { kindViewOf } from "../../../src/dashboard/kind-views/registry";
import { BindingSections, bindingView } from "../../../src/dashboard/kind-views/role-binding";
import { roleView, RoleRules, ruleRows } from "../../../src/dashboard/kind-views/role";
import { html, kindDef, pageContext, tableAfter, text } from "./render";

const role = (rules: unknown, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "Role",
  metadata: { name: "pod-reader", namespace: "default" },
  rules,
  ...extra,
});

describe("Role and ClusterRole rules", () => {
  it("`kubectl create role pod-reader --verb=get,list,watch --resource=pods`: one row, verbs in the rule's order", () => {
    expect(ruleRows(role([{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch"] }]))).toEqual([["pods", "[]", "[]", "[get list watch]"]]);
  });

  it("breaks rules down per resource and name, merges the verbs of one resource, sorts as kubectl does", () => {
    const rows = ruleRows(
      role([
        { apiGroups: ["apps"], resources: ["deployments", "deployments/scale"], verbs: ["get", "update"] },
        { apiGroups: [""], resources: ["pods"], verbs: ["get"] },
        { apiGroups: [""], resources: ["pods"], verbs: ["list", "get"] },
        { apiGroups: [""], resources: ["configmaps"], resourceNames: ["app-config", "other"], verbs: ["get"] },
      ]),
    );
    // Sorted by the rule's Go String(), which starts with its verbs: `[get list]` < `[get update]` < `[get]`.
    expect(rows).toEqual([
      ["pods", "[]", "[]", "[get list]"],
      ["deployments.apps/scale", "[]", "[]", "[get update]"],
      ["deployments.apps", "[]", "[]", "[get update]"],
      ["configmaps", "[]", "[app-config]", "[get]"],
      ["configmaps", "[]", "[other]", "[get]"],
    ]);
  });

  it("a ClusterRole's non-resource URLs: one row per URL and verb", () => {
    const rows = ruleRows(role([{ nonResourceURLs: ["/healthz", "/version"], verbs: ["get", "head"] }]));
    expect(rows).toEqual([
      ["", "[/healthz]", "[]", "[get]"],
      ["", "[/version]", "[]", "[get]"],
      ["", "[/healthz]", "[]", "[head]"],
      ["", "[/version]", "[]", "[head]"],
    ]);
  });

  it("renders the table with kubectl's headers; an aggregated ClusterRole names its selectors; no rules renders", async () => {
    const markup = await html(RoleRules, { role: role([{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]) });
    expect(text(markup)).toContain("Resources Non-Resource URLs Resource Names Verbs");
    expect(tableAfter(markup, "Rules")).toEqual([["pods", "[]", "[]", "[get]"]]);
    const aggregated = role(null, { kind: "ClusterRole", aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "rbac.example.com/aggregate-to-monitoring": "true" } }] } });
    const shown = text(await html(RoleRules, { role: aggregated }));
    expect(shown).toContain("Aggregated: the rules of every ClusterRole labelled rbac.example.com/aggregate-to-monitoring=true.");
    expect(shown).toContain("No rules: this role allows nothing.");
    expect(kindViewOf(kindDef("rbac.authorization.k8s.io", "roles"))).toBe(roleView);
    expect(kindViewOf(kindDef("rbac.authorization.k8s.io", "clusterroles"))).toBe(roleView);
  });
});

describe("RoleBinding and ClusterRoleBinding", () => {
  it("`kubectl create rolebinding read-pods --role=pod-reader --user=jane --serviceaccount=default:app-sa`", async () => {
    const binding: KubeObject = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "read-pods", namespace: "default" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "pod-reader" },
      subjects: [
        { apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "jane" },
        { kind: "ServiceAccount", name: "app-sa", namespace: "default" },
      ],
    };
    const markup = await html(await bindingView.sections(pageContext(), binding));
    expect(text(markup)).toContain("Role Kind Role Name pod-reader");
    expect(markup).toContain('href="../../../../objects/rbac.authorization.k8s.io~v1/roles/default/pod-reader"');
    expect(tableAfter(markup, "Subjects")).toEqual([
      ["User", "jane", ""],
      ["ServiceAccount", "app-sa", "default"],
    ]);
    expect(markup).toContain('href="../../../../objects/core~v1/serviceaccounts/default/app-sa"');
  });

  it("a binding to a ClusterRole links the cluster-scoped role; no subjects renders", async () => {
    const binding: KubeObject = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: "viewers" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
    };
    const markup = await html(BindingSections, { ctx: pageContext(), binding });
    expect(markup).toContain('href="../../../../objects/rbac.authorization.k8s.io~v1/clusterroles/_/view"');
    expect(text(markup)).toContain("No subjects: this binding grants nothing to anyone.");
    expect(kindViewOf(kindDef("rbac.authorization.k8s.io", "clusterrolebindings"))).toBe(bindingView);
    const bare: KubeObject = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name: "b" } };
    expect(text(await html(BindingSections, { ctx: pageContext(), binding: bare }))).toContain("Kind <none> Name <none>");
  });
});
