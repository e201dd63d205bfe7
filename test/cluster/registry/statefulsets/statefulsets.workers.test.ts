// StatefulSet through the API as kubectl uses it: create with defaults, the apiserver's 422s (a selector that misses
// the template, the forbidden update), `kubectl get sts`'s table, the scale subresource, get/list/delete.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
const sets = "/apis/apps/v1/namespaces/default/statefulsets";
const tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

function web(name: string, labels = { app: name }) {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name },
    // No replicas: the controller leaves the set alone, these tests are about the API.
    spec: { replicas: 0, serviceName: "nginx", selector: { matchLabels: { app: name } }, template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
  };
}

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast" });
});

describe("StatefulSet", () => {
  it("is created with its defaults and a zeroed status", async () => {
    const { status, body } = await kubeJson(cluster, sets, { method: "POST", body: web("web") });
    expect(status).toBe(201);
    expect(body.spec).toMatchObject({
      podManagementPolicy: "OrderedReady",
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
      revisionHistoryLimit: 10,
    });
    expect(body.metadata.generation).toBe(1);
    expect(body.status).toEqual({ replicas: 0, availableReplicas: 0 });
  });

  it("refuses a selector that misses the template and a change to serviceName", async () => {
    const bad = await kubeJson(cluster, sets, { method: "POST", body: web("miss", { app: "other" }) });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toBe('StatefulSet.apps "miss" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`');
    const changed = await kubeJson(cluster, `${sets}/web`, { method: "PATCH", body: { spec: { serviceName: "other" } }, contentType: "application/merge-patch+json" });
    expect(changed.status).toBe(422);
    expect(changed.body.message).toBe(
      "StatefulSet.apps \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
  });

  it("prints NAME, READY and AGE for kubectl get", async () => {
    const { status, body } = await kubeJson(cluster, sets, { accept: tableAccept });
    expect(status).toBe(200);
    expect(body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(["Name", "Ready", "Age", "Containers", "Images"]);
    expect(body.rows.map((r: { cells: unknown[] }) => r.cells.slice(0, 2))).toEqual([["web", "0/0"]]);
  });

  it("serves the scale subresource that kubectl scale patches", async () => {
    const scale = await kubeJson(cluster, `${sets}/web/scale`);
    expect(scale.body).toMatchObject({ kind: "Scale", apiVersion: "autoscaling/v1", spec: { replicas: 0 }, status: { replicas: 0, selector: "app=web" } });
    const patched = await kubeJson(cluster, `${sets}/web/scale`, { method: "PATCH", body: { spec: { replicas: 0 } }, contentType: "application/merge-patch+json" });
    expect(patched.status).toBe(200);
  });

  it("is listed by kubectl api-resources with its short name, and gets, lists and deletes", async () => {
    const { body } = await kubeJson(cluster, "/apis/apps/v1");
    expect(body.resources).toContainEqual(expect.objectContaining({ name: "statefulsets", namespaced: true, kind: "StatefulSet", shortNames: ["sts"], categories: ["all"] }));
    expect((await kubeJson(cluster, `${sets}/web`)).body.metadata.name).toBe("web");
    expect((await kubeJson(cluster, sets)).body.items.map((s: { metadata: { name: string } }) => s.metadata.name)).toEqual(["web"]);
    expect((await kubeJson(cluster, `${sets}/web`, { method: "DELETE" })).status).toBe(200);
    expect((await kubeJson(cluster, `${sets}/web`)).status).toBe(404);
  });
});
