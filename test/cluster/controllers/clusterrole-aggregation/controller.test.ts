// The default roles at bootstrap and the clusterrole-aggregation controller: admin ⊇ edit ⊇ view, and a learner's
// ClusterRole labelled aggregate-to-view extends view (and so edit and admin); removing the label takes it back.
import { describe, expect, it } from "vitest";
import { clusterRoles } from "../../../../src/cluster/registry/clusterroles";
import { clusterRoleBindings } from "../../../../src/cluster/registry/clusterrolebindings";
import { nodeCluster } from "../../../helpers/node-cluster";

const crds = { verbs: ["get", "list", "watch"], apiGroups: ["example.com"], resources: ["crontabs"] };

describe("default cluster roles and their aggregation", () => {
  it("bootstraps cluster-admin, admin, edit, view and the system roles with their bindings; the controller fills the aggregated rules", () => {
    const c = nodeCluster();
    const names = c.registry.list(clusterRoles).map((r) => r.metadata.name);
    expect(names).toEqual(expect.arrayContaining(["cluster-admin", "admin", "edit", "view", "system:basic-user", "system:discovery", "system:public-info-viewer"]));
    expect(c.registry.get(clusterRoleBindings, undefined, "cluster-admin").subjects).toEqual([
      { kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: "system:masters" },
    ]);
    const roleWrites: string[] = [];
    c.store.subscribe((events) => roleWrites.push(...events.filter((e) => e.key.includes("/clusterroles/")).map((e) => e.object.metadata.name!)));
    c.runUntilIdle();
    const view = c.registry.get(clusterRoles, undefined, "view").rules!;
    const edit = c.registry.get(clusterRoles, undefined, "edit").rules!;
    const admin = c.registry.get(clusterRoles, undefined, "admin").rules!;
    expect(view).toContainEqual(expect.objectContaining({ apiGroups: [""], resources: expect.arrayContaining(["pods", "configmaps"]), verbs: ["get", "list", "watch"] }));
    expect(view.some((r) => r.resources?.includes("secrets"))).toBe(false);
    // By selector, then by role name: edit is system:aggregate-to-edit's rules then view's.
    expect(edit.slice(-view.length)).toEqual(view);
    expect(edit).toContainEqual(expect.objectContaining({ resources: ["serviceaccounts/token"], verbs: ["create"] }));
    expect(admin.slice(0, edit.length)).toEqual(edit);
    expect(admin).toContainEqual(expect.objectContaining({ apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles", "rolebindings"] }));
    // What aggregation costs: one write for each of view, edit and admin, once.
    expect(roleWrites.sort()).toEqual(["admin", "edit", "view"]);
  });

  it("a labelled ClusterRole extends view, edit and admin; removing the label takes its rules back", () => {
    const c = nodeCluster();
    c.runUntilIdle();
    c.registry.create(clusterRoles, undefined, {
      metadata: { name: "crontab-reader", labels: { "rbac.authorization.k8s.io/aggregate-to-view": "true" } },
      rules: [crds],
    });
    c.runUntilIdle();
    for (const name of ["view", "edit", "admin"]) expect(c.registry.get(clusterRoles, undefined, name).rules).toContainEqual(crds);
    const role = c.registry.get(clusterRoles, undefined, "crontab-reader");
    c.registry.update(clusterRoles, undefined, "crontab-reader", { ...role, metadata: { ...role.metadata, labels: {} } });
    c.runUntilIdle();
    for (const name of ["view", "edit", "admin"]) expect(c.registry.get(clusterRoles, undefined, name).rules).not.toContainEqual(crds);
  });
});
