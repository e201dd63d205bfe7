// HorizontalPodAutoscaler through the API: create with autoscaling/v2 defaults (minReplicas, the CPU metric, generation
// 1, an empty status), the apiserver's 422, `kubectl get hpa`'s table, `kubectl get all`'s category, the status
// subresource, get/list/delete.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
const hpas = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers";
const tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
const autoscaler = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: "autoscaling/v2",
  kind: "HorizontalPodAutoscaler",
  metadata: { name },
  spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name }, maxReplicas: 10, ...spec },
});

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast" });
});

describe("HorizontalPodAutoscaler", () => {
  it("is created with the v2 defaults, generation 1 and an empty status", async () => {
    const { status, body } = await kubeJson(cluster, hpas, { method: "POST", body: autoscaler("php-apache", {}) });
    expect(status).toBe(201);
    expect(body.metadata.generation).toBe(1);
    expect(body.spec).toEqual({
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "php-apache" },
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }],
    });
    expect(body.status).toEqual({ desiredReplicas: 0 });
  });

  it("refuses maxReplicas below minReplicas with the apiserver's 422", async () => {
    const { status, body } = await kubeJson(cluster, hpas, { method: "POST", body: autoscaler("bad", { minReplicas: 3, maxReplicas: 2 }) });
    expect(status).toBe(422);
    expect(body.details).toMatchObject({ name: "bad", group: "autoscaling", kind: "HorizontalPodAutoscaler" });
    expect(body.message).toBe('HorizontalPodAutoscaler.autoscaling "bad" is invalid: spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`');
  });

  it("prints the columns of kubectl get hpa", async () => {
    const cpu50 = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }];
    await kubeJson(cluster, hpas, { method: "POST", body: autoscaler("web", { minReplicas: 2, maxReplicas: 5, metrics: cpu50 }) });
    const { body } = await kubeJson(cluster, hpas, { accept: tableAccept });
    expect(body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(["Name", "Reference", "Targets", "MinPods", "MaxPods", "Replicas", "Age"]);
    expect(body.rows.map((r: { cells: unknown[] }) => r.cells.slice(0, 6))).toEqual([
      ["php-apache", "Deployment/php-apache", "cpu: <unknown>/80%", "1", 10, 0],
      ["web", "Deployment/web", "cpu: <unknown>/50%", "2", 5, 0],
    ]);
  });

  it("takes its status through the status subresource, keeping the spec", async () => {
    const { body: current } = await kubeJson(cluster, `${hpas}/web`);
    const status = {
      currentReplicas: 2,
      desiredReplicas: 4,
      currentMetrics: [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 120, averageValue: "240m" } } }],
    };
    const put = await kubeJson(cluster, `${hpas}/web/status`, { method: "PUT", body: { ...current, spec: { ...current.spec, maxReplicas: 99 }, status } });
    expect(put.status).toBe(200);
    expect(put.body.spec.maxReplicas).toBe(5);
    expect(put.body.status).toEqual(status);
    const { body } = await kubeJson(cluster, `${hpas}/web`, { accept: tableAccept });
    expect(body.rows[0].cells.slice(2, 6)).toEqual(["cpu: 120%/50%", "2", 5, 2]);
  });

  it("is listed by discovery with the short name hpa in the all category", async () => {
    const { body } = await kubeJson(cluster, "/apis/autoscaling/v2");
    expect(body.resources).toContainEqual(
      expect.objectContaining({ name: "horizontalpodautoscalers", namespaced: true, kind: "HorizontalPodAutoscaler", shortNames: ["hpa"], categories: ["all"] }),
    );
    expect(body.resources).toContainEqual(expect.objectContaining({ name: "horizontalpodautoscalers/status", kind: "HorizontalPodAutoscaler" }));
  });

  it("is listed and deleted", async () => {
    const { body } = await kubeJson(cluster, "/apis/autoscaling/v2/horizontalpodautoscalers");
    expect(body.kind).toBe("HorizontalPodAutoscalerList");
    expect(body.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(["php-apache", "web"]);
    expect((await kubeJson(cluster, `${hpas}/php-apache`, { method: "DELETE" })).status).toBe(200);
    expect((await kubeJson(cluster, `${hpas}/php-apache`)).status).toBe(404);
  });
});
