// autoscaling/v1 beside v2 through the API: `kubectl autoscale`'s protobuf POST, the same object read in both
// versions, v1 writes that keep what only v2 holds, the Table, and a v1 watch seeing v1 objects.
import { describe, expect, it } from "vitest";
import { fakeClockStart } from "../../../helpers/fake-clock";
import { nodeCluster, type NodeCluster } from "../../../helpers/node-cluster";
import { post } from "../../../helpers/node-requests";
import { envelope, int, message, str, sub } from "../../../api/protobuf/encode";

const v1 = "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers";
const v2 = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers";
const json = { "content-type": "application/json" };

async function get<T>(cluster: NodeCluster, path: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await cluster.request(path, { headers });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

/** What kubectl 1.33's `autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10` posts. */
function autoscaleBody(): Uint8Array {
  const hpa = message(
    sub(1, str(1, "php-apache")),
    sub(2, sub(1, str(1, "Deployment"), str(2, "php-apache"), str(3, "apps/v1")), int(2, 1), int(3, 10), int(4, 50)),
    sub(3, int(3, 0), int(4, 0)),
  );
  return envelope("autoscaling/v1", "HorizontalPodAutoscaler", hpa);
}

describe("autoscaling/v1 HorizontalPodAutoscalers", () => {
  it("kubectl autoscale's protobuf POST is stored once and read in both versions", async () => {
    const cluster = nodeCluster({ start: fakeClockStart() });
    const res = await cluster.request(`${v1}?fieldManager=kubectl-autoscale`, {
      method: "POST",
      body: autoscaleBody(),
      headers: { "content-type": "application/vnd.kubernetes.protobuf", accept: "application/json" },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as { apiVersion: string; spec: unknown; status: unknown; metadata: { annotations?: unknown } };
    expect(created.apiVersion).toBe("autoscaling/v1");
    expect(created.spec).toEqual({ scaleTargetRef: { kind: "Deployment", name: "php-apache", apiVersion: "apps/v1" }, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 });
    expect(created.status).toEqual({ currentReplicas: 0, desiredReplicas: 0 });
    expect(created.metadata.annotations).toBeUndefined();

    const stored = await get<{ apiVersion: string; spec: { metrics: unknown[] } }>(cluster, `${v2}/php-apache`);
    expect(stored.apiVersion).toBe("autoscaling/v2");
    expect(stored.spec.metrics).toEqual([{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }]);
    const list = await get<{ kind: string; apiVersion: string; items: { apiVersion: string }[] }>(cluster, v1);
    expect([list.kind, list.apiVersion, list.items.map((i) => i.apiVersion)]).toEqual(["HorizontalPodAutoscalerList", "autoscaling/v1", ["autoscaling/v1"]]);

    const table = await get<{ rows: { cells: unknown[] }[] }>(cluster, v1, { accept: "application/json;as=Table;v=v1;g=meta.k8s.io" });
    expect(table.rows[0].cells.slice(0, 6)).toEqual(["php-apache", "Deployment/php-apache", "cpu: <unknown>/50%", "1", 10, 0]);
  });

  it("a v1 update keeps the metrics and behaviour only v2 holds, and v1 watches see v1", async () => {
    const cluster = nodeCluster({ start: fakeClockStart() });
    await post(cluster, v2, {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: { name: "web" },
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" },
        maxReplicas: 5,
        metrics: [
          { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 60 } } },
          { type: "Resource", resource: { name: "memory", target: { type: "AverageValue", averageValue: "100Mi" } } },
        ],
        behavior: { scaleDown: { stabilizationWindowSeconds: 30 } },
      },
    });
    const old = await get<{ spec: { maxReplicas: number } }>(cluster, `${v1}/web`);
    old.spec.maxReplicas = 8;
    const put = await cluster.request(`${v1}/web`, { method: "PUT", body: JSON.stringify(old), headers: json });
    expect(put.status, await put.clone().text()).toBe(200);
    const after = await get<{ spec: { maxReplicas: number; metrics: unknown[]; behavior: { scaleDown: { stabilizationWindowSeconds: number } } }; metadata: { annotations?: unknown } }>(cluster, `${v2}/web`);
    expect(after.spec.maxReplicas).toBe(8);
    expect(after.spec.metrics).toHaveLength(2);
    expect(after.spec.behavior.scaleDown.stabilizationWindowSeconds).toBe(30);
    expect(after.metadata.annotations).toBeUndefined();

    const patch = await cluster.request(`${v1}/web`, { method: "PATCH", body: JSON.stringify({ spec: { targetCPUUtilizationPercentage: 40 } }), headers: { "content-type": "application/merge-patch+json" } });
    expect(patch.status, await patch.clone().text()).toBe(200);
    const patched = await get<{ spec: { metrics: { resource: { name: string; target: { averageUtilization?: number } } }[] } }>(cluster, `${v2}/web`);
    expect(patched.spec.metrics.map((m) => [m.resource.name, m.resource.target.averageUtilization])).toEqual([["memory", undefined], ["cpu", 40]]);

    const watch = await cluster.request(`${v1}?watch=true&resourceVersion=0&timeoutSeconds=1`);
    const reader = watch.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(JSON.parse(first.split("\n")[0]).object.apiVersion).toBe("autoscaling/v1");

    const del = await cluster.request(`${v1}/web`, { method: "DELETE" });
    expect(del.status).toBe(200);
    expect((await cluster.request(`${v2}/web`)).status).toBe(404);
  });
});
