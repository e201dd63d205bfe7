// Who may open a pod's streams: the WebSocket GET of pods/exec (attach, portforward) needs both `get` and `create`
// on the subresource, as apiservers 1.30+ check; the read-only token gets a 403 before anything starts.
import { describe, expect, it } from "vitest";
import type { Caller } from "../../../../src/cluster/registry/types";
import { nodeCluster, viewer, type NodeCluster } from "../../../helpers/node-cluster";

const jane: Caller = { role: "admin", user: "jane", groups: ["system:authenticated"], rbac: true };
const upgrade = { upgrade: "websocket", connection: "Upgrade", "sec-websocket-protocol": "v5.channel.k8s.io" };
const execPath = "/api/v1/namespaces/default/pods/nope/exec?command=true&stdout=true";

async function grant(c: NodeCluster, verbs: string[]) {
  const post = (path: string, body: unknown) => c.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  await c.request("/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles/exec", { method: "DELETE" });
  await post("/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles", { metadata: { name: "exec" }, rules: [{ verbs, apiGroups: [""], resources: ["pods/exec"] }] });
  await post("/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings", {
    metadata: { name: "jane-exec" },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "exec" },
    subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "jane" }],
  });
}

describe("authorization of pod streams", () => {
  it("asks RBAC identities for get and create on pods/exec", async () => {
    const c = nodeCluster();
    c.runUntilIdle();
    await grant(c, ["get"]);
    const getOnly = await c.request(execPath, { headers: upgrade, caller: jane });
    expect(getOnly.status).toBe(403);
    expect(((await getOnly.json()) as { message: string }).message).toBe(
      `pods "nope" is forbidden: User "jane" cannot create resource "pods/exec" in API group "" in the namespace "default"`,
    );
    await grant(c, ["create"]);
    expect((await c.request(execPath, { headers: upgrade, caller: jane })).status).toBe(403);
    await grant(c, ["get", "create"]);
    // Authorized: the request reaches the registry, which has no such pod.
    expect((await c.request(execPath, { headers: upgrade, caller: jane })).status).toBe(404);
  });

  it("refuses the read-only token", async () => {
    const c = nodeCluster();
    c.runUntilIdle();
    const refused = await c.request(execPath, { headers: upgrade, caller: viewer });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toContain(`cannot create resource "pods/exec"`);
  });
});
