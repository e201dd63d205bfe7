// The resource quota controller: status.hard and status.used filled for every resource in hard, recomputed when a
// counted object comes or goes (or a pod ends), nothing done for writes it does not count, and no timer when idle.
import { describe, expect, it } from "vitest";
import { ResourceQuotaController } from "../../../../src/cluster/controllers/resourcequota/controller";
import { resourceQuotas } from "../../../../src/cluster/registry/resourcequotas";
import { nodeCluster } from "../../../helpers/node-cluster";

function setup() {
  const cluster = nodeCluster({ controllers: [new ResourceQuotaController()] });
  const send = async (method: string, url: string, body?: unknown) => {
    const response = await cluster.request(url, body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    cluster.runUntilIdle();
    return response;
  };
  const ns = "/api/v1/namespaces/default";
  const pod = (name: string, cpu: string) => ({
    apiVersion: "v1", kind: "Pod", metadata: { name },
    spec: { containers: [{ name: "app", image: "nginx", resources: { requests: { cpu, memory: "100Mi" }, limits: { cpu, memory: "100Mi" } } }] },
  });
  return {
    cluster,
    send,
    createPod: (name: string, cpu = "250m") => send("POST", `${ns}/pods`, pod(name, cpu)),
    createQuota: (name: string, hard: Record<string, string>) => send("POST", `${ns}/resourcequotas`, { apiVersion: "v1", kind: "ResourceQuota", metadata: { name }, spec: { hard } }),
    status: (name: string) => cluster.registry.get(resourceQuotas, "default", name).status,
  };
}

describe("resource quota controller", () => {
  it("fills status.hard and status.used for every resource in hard (the default namespace holds the kubernetes Service)", async () => {
    const t = setup();
    await t.createPod("a", "250m");
    await t.send("POST", "/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } });
    await t.createQuota("q", { pods: "5", "requests.cpu": "2", "limits.memory": "1Gi", configmaps: "10", "count/deployments.apps": "3", services: "2" });
    expect(t.status("q")).toEqual({
      hard: { configmaps: "10", "count/deployments.apps": "3", "limits.memory": "1Gi", pods: "5", "requests.cpu": "2", services: "2" },
      used: { configmaps: "1", "count/deployments.apps": "0", "limits.memory": "100Mi", pods: "1", "requests.cpu": "250m", services: "1" },
    });
  });

  it("updates status.used when a pod is created, ends and is deleted, and when spec.hard changes", async () => {
    const t = setup();
    await t.createQuota("q", { pods: "5", "requests.cpu": "2" });
    expect(t.status("q")?.used).toEqual({ pods: "0", "requests.cpu": "0" });
    await t.createPod("a", "250m");
    await t.createPod("b", "1");
    expect(t.status("q")?.used).toEqual({ pods: "2", "requests.cpu": "1250m" });
    const b = (await (await t.cluster.request("/api/v1/namespaces/default/pods/b")).json()) as Record<string, unknown>;
    await t.send("PUT", "/api/v1/namespaces/default/pods/b/status", { ...b, status: { phase: "Failed" } });
    expect(t.status("q")?.used).toEqual({ pods: "1", "requests.cpu": "250m" });
    await t.send("DELETE", "/api/v1/namespaces/default/pods/a?gracePeriodSeconds=0");
    expect(t.status("q")?.used).toEqual({ pods: "0", "requests.cpu": "0" });
    const q = t.cluster.registry.get(resourceQuotas, "default", "q");
    await t.send("PUT", "/api/v1/namespaces/default/resourcequotas/q", { ...q, spec: { hard: { pods: "3", "count/pods": "9" } } });
    expect(t.status("q")).toEqual({ hard: { "count/pods": "9", pods: "3" }, used: { "count/pods": "1", pods: "0" } });
  });

  it("costs nothing when idle: no timer, and writes it does not count wake nothing", async () => {
    const t = setup();
    await t.createQuota("q", { pods: "5" });
    await t.createPod("a");
    expect(t.cluster.runOnce()).toBeUndefined();
    const before = t.cluster.store.revision;
    t.cluster.controllers.run(t.cluster.now + 3_600_000);
    expect(t.cluster.store.revision).toBe(before);
    // A ConfigMap is not counted by this quota: the controller has no key to run.
    await t.cluster.request("/api/v1/namespaces/default/configmaps", { method: "POST", body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } }), headers: { "content-type": "application/json" } });
    expect(t.cluster.controllers.pending).toBe(0);
  });
});
