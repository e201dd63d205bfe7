// The kubernetes.io HorizontalPodAutoscaler walkthrough on a whole cluster (Node, fake clock, fast pace): php-apache
// scales up under a busybox wget loop and back to one replica after the load stops and the window passes.
import { describe, expect, it } from "vitest";
import { fakeClockStart } from "../../../helpers/fake-clock";
import { nodeCluster, type NodeCluster } from "../../../helpers/node-cluster";
import { post } from "../../../helpers/node-requests";

const ns = "/api/v1/namespaces/default";
const apps = "/apis/apps/v1/namespaces/default";
const hpas = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers";

async function get<T>(cluster: NodeCluster, path: string): Promise<T> {
  const res = await cluster.request(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

export const phpApache = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "php-apache" },
  spec: {
    selector: { matchLabels: { run: "php-apache" } },
    template: {
      metadata: { labels: { run: "php-apache" } },
      spec: { containers: [{ name: "php-apache", image: "registry.k8s.io/hpa-example", ports: [{ containerPort: 80 }], resources: { limits: { cpu: "500m" }, requests: { cpu: "200m" } } }] },
    },
  },
};
export const phpApacheService = { apiVersion: "v1", kind: "Service", metadata: { name: "php-apache", labels: { run: "php-apache" } }, spec: { ports: [{ port: 80 }], selector: { run: "php-apache" } } };

type Hpa = { status: { currentReplicas?: number; desiredReplicas: number; currentMetrics?: unknown[]; conditions?: { type: string; status: string; reason: string }[] } };

describe("the HPA walkthrough (php-apache)", () => {
  it("scales up under the wget loop and back to one replica when the load stops", async () => {
    const cluster = nodeCluster({ start: fakeClockStart() });
    cluster.runUntilIdle();
    await post(cluster, `${apps}/deployments`, phpApache);
    await post(cluster, `${ns}/services`, phpApacheService);
    cluster.runUntilIdle();
    await post(cluster, hpas, {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: { name: "php-apache" },
      spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "php-apache" }, minReplicas: 1, maxReplicas: 10, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }] },
    });
    cluster.advance(20_000);
    const idle = await get<Hpa>(cluster, `${hpas}/php-apache`);
    expect(idle.status.currentMetrics).toEqual([{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 0, averageValue: expect.any(String) } } }]);

    await post(cluster, `${ns}/pods`, {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "load-generator" },
      spec: { restartPolicy: "Never", containers: [{ name: "load-generator", image: "busybox:1.28", args: ["/bin/sh", "-c", "while sleep 0.01; do wget -q -O- http://php-apache; done"] }] },
    });
    const seen: number[] = [];
    for (let i = 0; i < 12; i++) {
      cluster.advance(10_000);
      seen.push((await get<{ spec: { replicas: number } }>(cluster, `${apps}/deployments/php-apache`)).spec.replicas);
    }
    const peak = Math.max(...seen);
    // ~100 requests a second (sleep 0.01; wget takes no virtual time) at ~7m of CPU each: ~700m over pods of 200m
    // requested at a 50% target, so 7 replicas, as the walkthrough shows.
    expect(peak, `replicas over time: ${seen.join(" ")}`).toBe(7);
    const events = await get<{ items: { reason: string; message: string }[] }>(cluster, `${ns}/events?fieldSelector=involvedObject.kind%3DHorizontalPodAutoscaler`);
    expect(events.items.map((e) => e.message)).toContainEqual(expect.stringMatching(/^New size: \d+; reason: cpu resource utilization \(percentage of request\) above target$/));

    const del = await cluster.request(`${ns}/pods/load-generator`, { method: "DELETE" });
    expect(del.status).toBe(200);
    const after: number[] = [];
    for (let i = 0; i < 12; i++) {
      cluster.advance(10_000);
      after.push((await get<{ spec: { replicas: number } }>(cluster, `${apps}/deployments/php-apache`)).spec.replicas);
    }
    expect(after.at(-1), `replicas after the load: ${after.join(" ")}`).toBe(1);
    const done = await get<Hpa>(cluster, `${hpas}/php-apache`);
    expect(done.status.conditions?.map((c) => c.type)).toEqual(["AbleToScale", "ScalingActive", "ScalingLimited"]);
  }, 120_000);
});
