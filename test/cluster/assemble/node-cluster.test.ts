// The Node-side harness over the one wiring (src/cluster/assemble.ts): a created cluster converges, a Deployment
// rolls out through the API, logs come from the kubelet through the node connection, and a loop that never settles
// fails loudly.
import { describe, expect, it } from "vitest";
import { nodeCluster, viewer } from "../../helpers/node-cluster";

const deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default" },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } },
  },
};

describe("a cluster in Node", () => {
  it("settles after creation, and a Deployment created through the API becomes available", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    const created = await cluster.request("/apis/apps/v1/namespaces/default/deployments", {
      method: "POST",
      body: JSON.stringify(deployment),
      headers: { "content-type": "application/json" },
    });
    expect(created.status).toBe(201);
    const { elapsedMs } = cluster.runUntilIdle();
    expect(elapsedMs).toBeGreaterThan(0);
    const web = (await (await cluster.request("/apis/apps/v1/namespaces/default/deployments/web")).json()) as { status: unknown };
    expect(web.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3 });
  });

  it("serves a pod's log from its node's kubelet, and follows it on the harness's clock", async () => {
    const cluster = nodeCluster();
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "talk", namespace: "default" },
      spec: { restartPolicy: "Never", containers: [{ name: "c", image: "busybox", command: ["sh", "-c", "echo one; sleep 2; echo two"] }] },
    };
    await cluster.request("/api/v1/namespaces/default/pods", { method: "POST", body: JSON.stringify(pod), headers: { "content-type": "application/json" } });
    cluster.advance(500);
    expect(await (await cluster.request("/api/v1/namespaces/default/pods/talk/log")).text()).toBe("one\n");
    const follow = await cluster.request("/api/v1/namespaces/default/pods/talk/log?follow=true", { caller: viewer });
    expect(follow.status).toBe(200);
    const reader = follow.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("one\n");
    cluster.advance(2_000);
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("two\n");
    cluster.advance(2_000);
    expect((await reader.read()).done).toBe(true);
    expect(await (await cluster.request("/api/v1/namespaces/default/pods/talk/log")).text()).toBe("one\ntwo\n");
  });

  it("fails loudly when the control loop never settles", () => {
    const cluster = nodeCluster({
      bootstrap: false,
      controllers: [{ name: "ticker", resync: () => ["k"], reconcile: (_key, ctx) => ({ requeueAt: ctx.now + 1_000 }) }],
    });
    expect(() => cluster.runUntilIdle({ maxPasses: 50 })).toThrow(/did not settle: after 50 passes/);
  });
});
