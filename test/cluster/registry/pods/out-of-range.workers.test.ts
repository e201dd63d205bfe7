// Pods whose numbers are out of the ordinary but that Kubernetes accepts: stored as it stores them, and the
// scheduler and kubelet keep working on them.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
const pods = "/api/v1/namespaces/default/pods";

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast" });
});

async function podCondition(name: string, type: string): Promise<any> {
  for (let i = 0; i < 100; i++) {
    const { body } = await kubeJson(cluster, `${pods}/${name}`);
    const condition = (body.status?.conditions ?? []).find((c: any) => c.type === type);
    if (condition) return condition;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${type} condition on ${name}`);
}

describe("pods with extreme values", () => {
  it("store a negative terminationGracePeriodSeconds as 1", async () => {
    const { status, body } = await kubeJson(cluster, pods, {
      method: "POST",
      body: { metadata: { name: "grace" }, spec: { terminationGracePeriodSeconds: -5, containers: [{ name: "a", image: "nginx:1.25" }] } },
    });
    expect(status).toBe(201);
    expect(body.spec.terminationGracePeriodSeconds).toBe(1);
  });

  it("accept a memory request of 1e308, which then fits no node", async () => {
    const { status } = await kubeJson(cluster, pods, {
      method: "POST",
      body: { metadata: { name: "huge" }, spec: { containers: [{ name: "a", image: "nginx:1.25", resources: { requests: { memory: "1e308" } } }] } },
    });
    expect(status).toBe(201);
    const scheduled = await podCondition("huge", "PodScheduled");
    expect(scheduled).toMatchObject({ status: "False", reason: "Unschedulable" });
    expect(scheduled.message).toMatch(/Insufficient memory/);
  });

  it("accept an image with a NUL inside, which the kubelet then reports as InvalidImageName", async () => {
    const { status } = await kubeJson(cluster, pods, {
      method: "POST",
      body: { metadata: { name: "nul-image" }, spec: { nodeName: "worker-1", containers: [{ name: "a", image: "ngi\u0000nx" }] } },
    });
    expect(status).toBe(201);
    let state: unknown;
    for (let i = 0; i < 100; i++) {
      const { body } = await kubeJson(cluster, `${pods}/nul-image`);
      state = body.status?.containerStatuses?.[0]?.state;
      if ((state as any)?.waiting?.reason === "InvalidImageName") return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(state).toMatchObject({ waiting: { reason: "InvalidImageName" } });
  });

  it("refuse requests above limits with the apiserver's message", async () => {
    const { status, body } = await kubeJson(cluster, pods, {
      method: "POST",
      body: { metadata: { name: "over" }, spec: { containers: [{ name: "a", image: "nginx", resources: { requests: { cpu: "2" }, limits: { cpu: "500m" } } }] } },
    });
    expect(status).toBe(422);
    expect(body.message).toBe('Pod "over" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 500m');
  });
});
