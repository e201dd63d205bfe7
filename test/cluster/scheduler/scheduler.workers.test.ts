// The scheduler controller inside a real cluster object: pods created through the API get bound by the alarm.
import { runDurableObjectAlarm } from "cloudflare:test";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { clusterStub, coldStartMs, createCluster, kubeJson } from "../../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;

beforeAll(async () => {
  cluster = await createCluster({ workers: 2, pace: "fast", nodeResources: { cpu: "2", memory: "4Gi", pods: 110 } });
});

async function runAlarm(): Promise<void> {
  await runDurableObjectAlarm(clusterStub(cluster.id));
}

async function createPod(ns: string, name: string, cpu: string): Promise<void> {
  const { status } = await kubeJson(cluster, `/api/v1/namespaces/${ns}/pods`, {
    method: "POST",
    body: { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "app", image: "nginx:1.25", resources: { requests: { cpu } } }] } },
  });
  expect(status).toBe(201);
}

async function getPod(ns: string, name: string): Promise<any> {
  return (await kubeJson(cluster, `/api/v1/namespaces/${ns}/pods/${name}`)).body;
}

async function eventsOf(ns: string, name: string): Promise<any[]> {
  const { body } = await kubeJson(cluster, `/api/v1/namespaces/${ns}/events`);
  return body.items.filter((e: any) => e.involvedObject.name === name);
}

const tooBig =
  "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. " +
  "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.";

describe("scheduler", () => {
  it("binds pods to the workers, never the tainted control plane, spreading them over both", async () => {
    const nodes = (await kubeJson(cluster, "/api/v1/nodes")).body.items;
    const controlPlane = nodes.find((n: any) => "node-role.kubernetes.io/control-plane" in (n.metadata.labels ?? {})).metadata.name;
    const workers = nodes.map((n: any) => n.metadata.name).filter((n: string) => n !== controlPlane);
    expect(workers).toHaveLength(2);
    for (let i = 0; i < 4; i++) await createPod("default", `web-${i}`, "100m");
    await runAlarm();
    const placed: string[] = [];
    for (let i = 0; i < 4; i++) {
      const pod = await getPod("default", `web-${i}`);
      expect(workers).toContain(pod.spec.nodeName);
      placed.push(pod.spec.nodeName);
      expect(pod.status.conditions.find((c: any) => c.type === "PodScheduled")).toMatchObject({ status: "True" });
    }
    expect(new Set(placed).size).toBe(2);
    const scheduled = (await eventsOf("default", "web-0")).find((e) => e.reason === "Scheduled");
    expect(scheduled).toMatchObject({ type: "Normal", source: { component: "default-scheduler" }, message: `Successfully assigned default/web-0 to ${placed[0]}` });
  });

  it("leaves a pod too big for any node Pending with the real FailedScheduling message, then binds it when a node can take it", async () => {
    await createPod("default", "huge", "64");
    await runAlarm();
    const pending = await getPod("default", "huge");
    expect(pending.spec.nodeName).toBeUndefined();
    expect(pending.status.phase).toBe("Pending");
    expect(pending.status.conditions.find((c: any) => c.type === "PodScheduled")).toMatchObject({
      status: "False",
      reason: "Unschedulable",
      message: tooBig,
    });
    const failed = (await eventsOf("default", "huge")).find((e) => e.reason === "FailedScheduling");
    expect(failed).toMatchObject({ type: "Warning", message: tooBig, source: { component: "default-scheduler" } });

    const allocatable = { cpu: "96", memory: "256Gi", pods: "110", "ephemeral-storage": "100Gi" };
    const { status } = await kubeJson(cluster, "/api/v1/nodes", {
      method: "POST",
      body: {
        apiVersion: "v1",
        kind: "Node",
        metadata: { name: "big-node", labels: { "kubernetes.io/hostname": "big-node" } },
        status: { capacity: allocatable, allocatable },
      },
    });
    expect(status).toBe(201);
    await runAlarm();
    const bound = await getPod("default", "huge");
    expect(bound.spec.nodeName).toBe("big-node");
    expect(bound.status.conditions.find((c: any) => c.type === "PodScheduled")).toMatchObject({ status: "True" });
    expect((await eventsOf("default", "huge")).map((e) => e.reason)).toContain("Scheduled");
  });
});
