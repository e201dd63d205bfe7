// LimitRanger through the API of a real cluster object: a LimitRange with defaults, then a pod with `resources: {}`
// gets them (and the annotation), and a pod over the max is refused with Kubernetes' message.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;

beforeAll(async () => {
  cluster = await createCluster({ workers: 1, pace: "fast" });
});

const limitRanges = "/api/v1/namespaces/default/limitranges";
const pods = "/api/v1/namespaces/default/pods";
const podBody = (name: string, resources: Record<string, unknown>) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name },
  spec: { containers: [{ name: "app", image: "nginx:1.25", resources }] },
});

describe("LimitRange", () => {
  it("applies its defaults to a new pod and refuses one over its max", async () => {
    const created = await kubeJson(cluster, limitRanges, {
      method: "POST",
      body: { apiVersion: "v1", kind: "LimitRange", metadata: { name: "defaults" }, spec: { limits: [{ type: "Container", max: { cpu: "1" }, default: { cpu: "500m", memory: "256Mi" } }] } },
    });
    expect(created.status).toBe(201);
    expect(created.body.spec.limits[0].defaultRequest).toEqual({ cpu: "500m", memory: "256Mi" });

    const pod = await kubeJson(cluster, pods, { method: "POST", body: podBody("web", {}) });
    expect(pod.status).toBe(201);
    expect(pod.body.spec.containers[0].resources).toEqual({ limits: { cpu: "500m", memory: "256Mi" }, requests: { cpu: "500m", memory: "256Mi" } });
    expect(pod.body.metadata.annotations["kubernetes.io/limit-ranger"]).toBe(
      "LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app",
    );

    const big = await kubeJson(cluster, pods, { method: "POST", body: podBody("big", { limits: { cpu: "2" } }) });
    expect(big.status).toBe(403);
    expect(big.body.message).toBe('pods "big" is forbidden: maximum cpu usage per Container is 1, but limit is 2');
  });
});
