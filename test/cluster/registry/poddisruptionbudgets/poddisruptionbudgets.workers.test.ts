// PodDisruptionBudget through the API as kubectl uses it: create (empty status, generation 1), the apiserver's 422,
// `kubectl get pdb`'s table, discovery with the short name pdb, the status the disruption controller writes, delete.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { runDurableObjectAlarm } from "cloudflare:test";
import type { CreatedCluster } from "../../../../src/api/platform";
import { clusterStub, coldStartMs, createCluster, kubeJson } from "../../../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
const pdbs = "/apis/policy/v1/namespaces/default/poddisruptionbudgets";
const tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
const budget = (name: string, spec: Record<string, unknown>) => ({ apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name }, spec });

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast" });
});

describe("PodDisruptionBudget", () => {
  it("is created with an empty status and generation 1", async () => {
    const { status, body } = await kubeJson(cluster, pdbs, { method: "POST", body: budget("web", { minAvailable: 1, selector: { matchLabels: { app: "web" } } }) });
    expect(status).toBe(201);
    expect(body.metadata.generation).toBe(1);
    expect(body.status).toEqual({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 });
  });

  it("refuses minAvailable with maxUnavailable with the apiserver's 422", async () => {
    const { status, body } = await kubeJson(cluster, pdbs, { method: "POST", body: budget("both", { minAvailable: 1, maxUnavailable: "10%" }) });
    expect(status).toBe(422);
    expect(body.details).toMatchObject({ name: "both", group: "policy", kind: "PodDisruptionBudget" });
    expect(body.message).toMatch(/^PodDisruptionBudget\.policy "both" is invalid: spec: Invalid value: policy\.PodDisruptionBudgetSpec\{.*\}: minAvailable and maxUnavailable cannot be both set$/);
  });

  it("gets its status from the disruption controller", async () => {
    for (let i = 0; i < 3; i++) await runDurableObjectAlarm(clusterStub(cluster.id));
    const { body } = await kubeJson(cluster, `${pdbs}/web`);
    expect(body.status).toMatchObject({ observedGeneration: 1, disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 1, expectedPods: 0 });
    expect(body.status.conditions).toEqual([
      { type: "DisruptionAllowed", status: "False", observedGeneration: 1, lastTransitionTime: expect.any(String), reason: "InsufficientPods", message: "" },
    ]);
  });

  it("prints the columns of kubectl get pdb", async () => {
    await kubeJson(cluster, pdbs, { method: "POST", body: budget("db", { maxUnavailable: "25%", selector: { matchLabels: { app: "db" } } }) });
    const { body } = await kubeJson(cluster, pdbs, { accept: tableAccept });
    expect(body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(["Name", "Min Available", "Max Unavailable", "Allowed Disruptions", "Age"]);
    expect(body.rows.map((r: { cells: unknown[] }) => r.cells.slice(0, 4))).toEqual([
      ["db", "N/A", "25%", 0],
      ["web", "1", "N/A", 0],
    ]);
  });

  it("is listed by discovery with the short name pdb and a status subresource", async () => {
    const { body } = await kubeJson(cluster, "/apis/policy/v1");
    expect(body.resources).toContainEqual(expect.objectContaining({ name: "poddisruptionbudgets", namespaced: true, kind: "PodDisruptionBudget", shortNames: ["pdb"] }));
    expect(body.resources).toContainEqual(expect.objectContaining({ name: "poddisruptionbudgets/status", kind: "PodDisruptionBudget" }));
  });

  it("is deleted", async () => {
    expect((await kubeJson(cluster, `${pdbs}/db`, { method: "DELETE" })).status).toBe(200);
    const { body } = await kubeJson(cluster, pdbs);
    expect(body.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(["web"]);
  });
});
