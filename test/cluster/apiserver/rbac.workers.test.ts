// RBAC through the Worker and the Durable Object: a ServiceAccount token from `kubectl create token` is routed to
// its cluster by the claim it carries, authorized by RBAC there (403 with the apiserver's message), refused on any
// other cluster and once its ServiceAccount is gone; impersonation, can-i and whoami as kubectl sees them.
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson, origin } from "../../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let a: CreatedCluster;
let b: CreatedCluster;
let token: string;

beforeAll(async () => {
  a = await createCluster({ pace: "fast", workers: 0 });
  b = await createCluster({ pace: "fast", workers: 0 });
  expect((await kubeJson(a, "/api/v1/namespaces", { method: "POST", body: { metadata: { name: "dev" } } })).status).toBe(201);
  for (const c of [a, b]) await kubeJson(c, "/api/v1/namespaces/default/serviceaccounts", { method: "POST", body: { metadata: { name: "app" } } });
  await kubeJson(a, "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings", {
    method: "POST",
    body: {
      metadata: { name: "app-edit" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" },
      subjects: [{ kind: "ServiceAccount", name: "app", namespace: "default" }],
    },
  });
  const issued = await kubeJson(a, "/api/v1/namespaces/default/serviceaccounts/app/token", {
    method: "POST",
    body: { apiVersion: "authentication.k8s.io/v1", kind: "TokenRequest", spec: { expirationSeconds: 3600 } },
  });
  expect(issued.status).toBe(201);
  token = issued.body.status.token;
});

describe("ServiceAccount tokens through the Worker", () => {
  it("work in the bound namespace (by path and by --raw without the prefix) and are refused elsewhere with the apiserver's message", async () => {
    expect((await kubeJson(a, "/api/v1/namespaces/default/configmaps", { token })).status).toBe(200);
    const raw = await exports.default.fetch(`${origin}/api/v1/namespaces/default/pods`, { headers: { authorization: `Bearer ${token}` } });
    expect(raw.status).toBe(200);
    const refused = await kubeJson(a, "/api/v1/namespaces/dev/pods", { token });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('pods is forbidden: User "system:serviceaccount:default:app" cannot list resource "pods" in API group "" in the namespace "dev"');
    // edit does not include RBAC objects.
    const roles = await kubeJson(a, "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles", { token });
    expect(roles.body.message).toBe(
      'roles.rbac.authorization.k8s.io is forbidden: User "system:serviceaccount:default:app" cannot list resource "roles" in API group "rbac.authorization.k8s.io" in the namespace "default"',
    );
  });

  it("never work on another cluster, even one with a ServiceAccount of the same name", async () => {
    expect((await kubeJson(b, "/api/v1/namespaces/default/configmaps", { token })).status).toBe(401);
  });

  it("answer whoami with the ServiceAccount's user info", async () => {
    const me = await kubeJson(a, "/apis/authentication.k8s.io/v1/selfsubjectreviews", {
      method: "POST",
      token,
      body: { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" },
    });
    expect(me.body.status.userInfo).toMatchObject({
      username: "system:serviceaccount:default:app",
      groups: ["system:serviceaccounts", "system:serviceaccounts:default", "system:authenticated"],
    });
  });

  it("the admin token impersonates with --as: can-i answers by RBAC", async () => {
    const review = (verb: string, resource: string) => ({
      method: "POST",
      headers: { "Impersonate-User": "system:serviceaccount:default:app" },
      body: { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: { verb, resource, namespace: "default" } } },
    });
    const yes = await kubeJson(a, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", review("create", "deployments"));
    expect(yes.body.status.allowed).toBe(false); // deployments are in group apps, not ""
    const pods = await kubeJson(a, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", review("delete", "pods"));
    expect(pods.body.status).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "app-edit/default" of ClusterRole "edit" to ServiceAccount "app/default"',
    });
    const viewer = await kubeJson(a, "/api/v1/pods", { token: a.viewToken, headers: { "Impersonate-User": "jane" } });
    expect(viewer.status).toBe(403);
  });

  it("stop working once their ServiceAccount is deleted", async () => {
    expect((await kubeJson(a, "/api/v1/namespaces/default/serviceaccounts/app", { method: "DELETE" })).status).toBe(200);
    expect((await kubeJson(a, "/api/v1/namespaces/default/configmaps", { token })).status).toBe(401);
  });
});
