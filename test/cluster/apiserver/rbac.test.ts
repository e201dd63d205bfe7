// RBAC through the API on a whole cluster in Node: ServiceAccount tokens (TokenRequest), the authorizer's 403s,
// impersonation, can-i (SelfSubjectAccessReview, SelfSubjectRulesReview) and whoami (SelfSubjectReview).
import { describe, expect, it } from "vitest";
import { ruleAllows } from "../../../src/cluster/registry/authorization/rules";
import type { Caller } from "../../../src/cluster/registry/types";
import { admin, nodeCluster, viewer, type NodeCluster } from "../../helpers/node-cluster";

const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function post(c: NodeCluster, path: string, body: unknown, caller: Caller = admin, headers: Record<string, string> = {}) {
  const init = json(body);
  return c.request(path, { ...init, headers: { ...init.headers, ...headers }, caller });
}

/** A namespace `dev` with ServiceAccount `app` allowed to read pods there (Role + RoleBinding); its token's caller. */
async function learner(c: NodeCluster, options: { seconds?: number } = {}) {
  await post(c, "/api/v1/namespaces", { metadata: { name: "dev" } });
  c.runUntilIdle();
  await post(c, "/api/v1/namespaces/dev/serviceaccounts", { metadata: { name: "app" } });
  await post(c, "/apis/rbac.authorization.k8s.io/v1/namespaces/dev/roles", {
    metadata: { name: "pod-reader" },
    rules: [{ verbs: ["get", "list", "watch"], apiGroups: [""], resources: ["pods", "pods/log"] }],
  });
  await post(c, "/apis/rbac.authorization.k8s.io/v1/namespaces/dev/rolebindings", {
    metadata: { name: "app-reads-pods" },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "pod-reader" },
    subjects: [{ kind: "ServiceAccount", name: "app", namespace: "dev" }],
  });
  const response = await post(c, "/api/v1/namespaces/dev/serviceaccounts/app/token", {
    apiVersion: "authentication.k8s.io/v1",
    kind: "TokenRequest",
    spec: options.seconds ? { expirationSeconds: options.seconds } : {},
  });
  expect(response.status).toBe(201);
  const answer = (await response.json()) as { status: { token: string; expirationTimestamp: string } };
  return answer.status;
}

describe("the RBAC authorizer's rule matching", () => {
  it("matches verbs, groups, resources with * and subresources, names and non-resource URL prefixes", () => {
    const get = { verb: "get", resourceRequest: true, apiGroup: "", resource: "pods", name: "web" };
    expect(ruleAllows(get, { verbs: ["get"], apiGroups: [""], resources: ["pods"] })).toBe(true);
    expect(ruleAllows(get, { verbs: ["*"], apiGroups: ["*"], resources: ["*"] })).toBe(true);
    expect(ruleAllows(get, { verbs: ["list"], apiGroups: [""], resources: ["pods"] })).toBe(false);
    expect(ruleAllows(get, { verbs: ["get"], apiGroups: ["apps"], resources: ["pods"] })).toBe(false);
    expect(ruleAllows(get, { verbs: ["get"], apiGroups: [""], resources: ["pods"], resourceNames: ["db"] })).toBe(false);
    expect(ruleAllows(get, { verbs: ["get"], apiGroups: [""], resources: ["pods"], resourceNames: ["web"] })).toBe(true);
    const log = { ...get, subresource: "log" };
    expect(ruleAllows(log, { verbs: ["get"], apiGroups: [""], resources: ["pods"] })).toBe(false);
    expect(ruleAllows(log, { verbs: ["get"], apiGroups: [""], resources: ["pods/log"] })).toBe(true);
    expect(ruleAllows(log, { verbs: ["get"], apiGroups: [""], resources: ["*/log"] })).toBe(true);
    const path = { verb: "get", resourceRequest: false, path: "/apis/apps" };
    expect(ruleAllows(path, { verbs: ["get"], nonResourceURLs: ["/apis/*"] })).toBe(true);
    expect(ruleAllows(path, { verbs: ["get"], nonResourceURLs: ["/apis"] })).toBe(false);
    expect(ruleAllows(path, { verbs: ["get"], apiGroups: ["*"], resources: ["*"] })).toBe(false);
  });
});

describe("ServiceAccount tokens", () => {
  it("authorize by RBAC: allowed in the bound namespace, refused elsewhere with the apiserver's message", async () => {
    const c = nodeCluster();
    c.runUntilIdle();
    const { token, expirationTimestamp } = await learner(c);
    expect(token.split(".")).toHaveLength(3);
    expect(Date.parse(expirationTimestamp) - c.now).toBeGreaterThan(3590_000);
    const sa = c.tokens.authenticate(c.registry, token)!;
    expect(sa).toMatchObject({ user: "system:serviceaccount:dev:app", groups: ["system:serviceaccounts", "system:serviceaccounts:dev", "system:authenticated"], rbac: true });
    expect((await c.request("/api/v1/namespaces/dev/pods", { caller: sa })).status).toBe(200);
    const refused = await c.request("/api/v1/namespaces/default/pods", { caller: sa });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      reason: "Forbidden",
      message: 'pods is forbidden: User "system:serviceaccount:dev:app" cannot list resource "pods" in API group "" in the namespace "default"',
      details: { kind: "pods", group: "" },
    });
    const watch = await c.request("/api/v1/namespaces/default/pods?watch=1", { caller: sa });
    expect(((await watch.json()) as { message: string }).message).toBe(
      'pods is forbidden: User "system:serviceaccount:dev:app" cannot watch resource "pods" in API group "" in the namespace "default"',
    );
    const deploy = await c.request("/apis/apps/v1/namespaces/dev/deployments/web", { caller: sa });
    expect(((await deploy.json()) as { message: string }).message).toBe(
      'deployments.apps "web" is forbidden: User "system:serviceaccount:dev:app" cannot get resource "deployments" in API group "apps" in the namespace "dev"',
    );
    // Discovery is open to every authenticated user (system:discovery); other paths are not.
    expect((await c.request("/api", { caller: sa })).status).toBe(200);
    expect((await c.request("/apis/apps/v1", { caller: sa })).status).toBe(200);
    const metrics = await c.request("/metrics", { caller: sa });
    expect(metrics.status).toBe(403);
    expect(((await metrics.json()) as { message: string }).message).toBe('forbidden: User "system:serviceaccount:dev:app" cannot get path "/metrics"');
  });

  it("stop working when they expire, when their ServiceAccount is deleted, and on another cluster", async () => {
    const c = nodeCluster();
    c.runUntilIdle();
    const { token } = await learner(c, { seconds: 600 });
    expect(c.tokens.authenticate(c.registry, token)).toBeDefined();
    const other = nodeCluster({ clusterId: "otherclusterbbbbbbbbbbbbbbbbbbbbbbbb" });
    await post(other, "/api/v1/namespaces", { metadata: { name: "dev" } });
    await post(other, "/api/v1/namespaces/dev/serviceaccounts", { metadata: { name: "app" } });
    expect(other.tokens.authenticate(other.registry, token)).toBeUndefined();
    const forged = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    expect(c.tokens.authenticate(c.registry, forged)).toBeUndefined();
    c.advance(601_000);
    expect(c.tokens.authenticate(c.registry, token)).toBeUndefined();

    const d = nodeCluster();
    d.runUntilIdle();
    const second = await learner(d);
    await d.request("/api/v1/namespaces/dev/serviceaccounts/app", { method: "DELETE" });
    expect(d.tokens.authenticate(d.registry, second.token)).toBeUndefined();
    // A new ServiceAccount of the same name has another uid: the old token stays refused.
    await post(d, "/api/v1/namespaces/dev/serviceaccounts", { metadata: { name: "app" } });
    expect(d.tokens.authenticate(d.registry, second.token)).toBeUndefined();
  });

  it("the kubelet writes a pod-bound token of the pod's ServiceAccount into the projected volume; it stops with the pod", async () => {
    const c = nodeCluster();
    c.runUntilIdle();
    await learner(c);
    const pod = {
      metadata: { name: "reader" },
      spec: { serviceAccountName: "app", restartPolicy: "Never", containers: [{ name: "c", image: "busybox", command: ["sh", "-c", "cat /var/run/secrets/kubernetes.io/serviceaccount/token"] }] },
    };
    expect((await post(c, "/api/v1/namespaces/dev/pods", pod)).status).toBe(201);
    c.runUntilIdle();
    c.advance(2_000);
    const token = await (await c.request("/api/v1/namespaces/dev/pods/reader/log")).text();
    expect(token.split(".")).toHaveLength(3);
    // Logs read again replay the run: the same token.
    expect(await (await c.request("/api/v1/namespaces/dev/pods/reader/log")).text()).toBe(token);
    const caller = c.tokens.authenticate(c.registry, token.trim())!;
    expect(caller).toMatchObject({ user: "system:serviceaccount:dev:app", rbac: true });
    expect(caller.extra?.["authentication.kubernetes.io/pod-name"]).toEqual(["reader"]);
    const claims = JSON.parse(atob(token.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))) as { exp: number; iat: number; "kubernetes.io": { warnafter: number } };
    expect(claims.exp - claims.iat).toBe(365 * 24 * 3600);
    expect(claims["kubernetes.io"].warnafter - claims.iat).toBe(3607);
    expect((await c.request("/api/v1/namespaces/dev/pods", { caller })).status).toBe(200);
    await c.request("/api/v1/namespaces/dev/pods/reader", { method: "DELETE" });
    c.runUntilIdle();
    expect(c.tokens.authenticate(c.registry, token.trim())).toBeUndefined();
  });

  it("TokenRequest checks the duration and the ServiceAccount", async () => {
    const c = nodeCluster();
    c.runUntilIdle();
    const short = await post(c, "/api/v1/namespaces/default/serviceaccounts/default/token", { spec: { expirationSeconds: 60 } });
    expect(short.status).toBe(422);
    expect(((await short.json()) as { message: string }).message).toMatch(/spec\.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes/);
    const missing = await post(c, "/api/v1/namespaces/default/serviceaccounts/nobody/token", { spec: {} });
    expect(missing.status).toBe(404);
    // A token for another audience does not authenticate to the API.
    const other = await post(c, "/api/v1/namespaces/default/serviceaccounts/default/token", { spec: { audiences: ["vault"] } });
    const { status } = (await other.json()) as { status: { token: string } };
    expect(c.tokens.authenticate(c.registry, status.token)).toBeUndefined();
  });
});

describe("impersonation, can-i and whoami", () => {
  const access = (verb: string, resource: string, namespace = "default") => ({
    apiVersion: "authorization.k8s.io/v1",
    kind: "SelfSubjectAccessReview",
    spec: { resourceAttributes: { verb, resource, namespace } },
  });

  it("the admin token may impersonate: jane cannot list pods until a binding lets her, with the authorizer's reason", async () => {
    const c = nodeCluster();
    c.runUntilIdle();
    const ask = async () =>
      (await (await post(c, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", access("list", "pods"), admin, { "Impersonate-User": "jane" })).json()) as {
        status: { allowed: boolean; reason?: string };
      };
    expect((await ask()).status).toEqual({ allowed: false });
    await post(c, "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings", {
      metadata: { name: "jane-view" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
      subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "jane" }],
    });
    expect((await ask()).status).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "jane-view/default" of ClusterRole "view" to User "jane"',
    });
    const listed = await c.request("/api/v1/namespaces/kube-system/pods", { headers: { "Impersonate-User": "jane" } });
    expect(((await listed.json()) as { message: string }).message).toBe(
      'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "kube-system"',
    );
    // --as-group=system:masters is cluster-admin.
    expect((await c.request("/api/v1/namespaces/kube-system/pods", { headers: { "Impersonate-User": "jane", "Impersonate-Group": "system:masters" } })).status).toBe(200);
  });

  it("the read-only token and identities RBAC does not allow may not impersonate", async () => {
    const c = nodeCluster();
    c.runUntilIdle();
    const refused = await c.request("/api/v1/pods", { caller: viewer, headers: { "Impersonate-User": "jane" } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe(
      'users "jane" is forbidden: User "sandbox:viewer" cannot impersonate resource "users" in API group "" at the cluster scope',
    );
    const sa = c.tokens.authenticate(c.registry, (await learner(c)).token)!;
    const bySa = await c.request("/api/v1/pods", { caller: sa, headers: { "Impersonate-User": "jane" } });
    expect(((await bySa.json()) as { message: string }).message).toBe(
      'users "jane" is forbidden: User "system:serviceaccount:dev:app" cannot impersonate resource "users" in API group "" at the cluster scope',
    );
  });

  it("can-i --list gives a ServiceAccount's rules; whoami its user info, or the impersonated one", async () => {
    const c = nodeCluster();
    c.runUntilIdle();
    const sa = c.tokens.authenticate(c.registry, (await learner(c)).token)!;
    const rules = (await (await post(c, "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", { spec: { namespace: "dev" } }, sa)).json()) as {
      status: { resourceRules: unknown[]; nonResourceRules: unknown[] };
    };
    expect(rules.status.resourceRules).toContainEqual({ verbs: ["get", "list", "watch"], apiGroups: [""], resources: ["pods", "pods/log"] });
    expect(rules.status.resourceRules).toContainEqual({ verbs: ["create"], apiGroups: ["authorization.k8s.io"], resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"] });
    expect(rules.status.nonResourceRules).toContainEqual(expect.objectContaining({ verbs: ["get"], nonResourceURLs: expect.arrayContaining(["/api", "/apis/*"]) }));
    const whoami = async (path: string, caller: Caller, headers: Record<string, string> = {}) =>
      (await (await post(c, path, { apiVersion: `authentication.k8s.io/${path.split("/")[3]}`, kind: "SelfSubjectReview" }, caller, headers)).json()) as {
        apiVersion: string;
        status: { userInfo: { username: string; groups: string[]; uid?: string } };
      };
    const me = await whoami("/apis/authentication.k8s.io/v1/selfsubjectreviews", sa);
    expect(me.status.userInfo).toMatchObject({ username: "system:serviceaccount:dev:app", groups: ["system:serviceaccounts", "system:serviceaccounts:dev", "system:authenticated"] });
    expect((await whoami("/apis/authentication.k8s.io/v1/selfsubjectreviews", admin)).status.userInfo).toEqual({
      username: "sandbox:admin",
      groups: ["system:masters", "system:authenticated"],
    });
    const jane = await whoami("/apis/authentication.k8s.io/v1beta1/selfsubjectreviews", admin, { "Impersonate-User": "jane", "Impersonate-Group": "devs" });
    expect(jane.apiVersion).toBe("authentication.k8s.io/v1beta1");
    expect(jane.status.userInfo).toEqual({ username: "jane", groups: ["devs", "system:authenticated"] });
  });
});

describe("the escalation check", () => {
  it("a namespace admin may grant what it holds, not more: roles and bindings beyond its rights are refused", async () => {
    const c = nodeCluster();
    c.runUntilIdle();
    await learner(c);
    await post(c, "/apis/rbac.authorization.k8s.io/v1/namespaces/dev/rolebindings", {
      metadata: { name: "app-admin" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "admin" },
      subjects: [{ kind: "ServiceAccount", name: "app", namespace: "dev" }],
    });
    const { status } = (await (await post(c, "/api/v1/namespaces/dev/serviceaccounts/app/token", { spec: {} })).json()) as { status: { token: string } };
    const sa = c.tokens.authenticate(c.registry, status.token)!;
    const role = (name: string, rules: unknown[]) => post(c, "/apis/rbac.authorization.k8s.io/v1/namespaces/dev/roles", { metadata: { name }, rules }, sa);
    expect((await role("reader", [{ verbs: ["get", "list"], apiGroups: [""], resources: ["pods"] }])).status).toBe(201);
    const refused = await role("nodes", [{ verbs: ["get", "list"], apiGroups: [""], resources: ["nodes"] }]);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe(
      'roles.rbac.authorization.k8s.io "nodes" is forbidden: user "system:serviceaccount:dev:app" (groups=["system:serviceaccounts" "system:serviceaccounts:dev" "system:authenticated"]) ' +
        'is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["nodes"], Verbs:["get" "list"]}',
    );
    const bind = (name: string, role: string) =>
      post(
        c,
        "/apis/rbac.authorization.k8s.io/v1/namespaces/dev/rolebindings",
        { metadata: { name }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role }, subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "jane" }] },
        sa,
      );
    expect((await bind("jane-view", "view")).status).toBe(201);
    const admin = await bind("jane-root", "cluster-admin");
    expect(admin.status).toBe(403);
    expect(((await admin.json()) as { message: string }).message).toMatch(
      /^rolebindings\.rbac\.authorization\.k8s\.io "jane-root" is forbidden: user "system:serviceaccount:dev:app" .* is attempting to grant RBAC permissions not currently held:\n\{APIGroups:\["\*"\], Resources:\["\*"\], Verbs:\["\*"\]\}/,
    );
  });
});
