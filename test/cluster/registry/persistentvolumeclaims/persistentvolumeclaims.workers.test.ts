// PersistentVolume and PersistentVolumeClaim through the API as kubectl uses them: create with defaults, the
// apiserver's 422s, `kubectl get pv,pvc`'s tables, the status subresource, get/list/delete.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
const volumes = "/api/v1/persistentvolumes";
const claims = "/api/v1/namespaces/default/persistentvolumeclaims";
const tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast" });
});

describe("PersistentVolume", () => {
  it("is created Pending with reclaim policy Retain and volume mode Filesystem", async () => {
    const { status, body } = await kubeJson(cluster, volumes, {
      method: "POST",
      body: { apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "manual" }, spec: { accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" }, hostPath: { path: "/data" }, storageClassName: "manual" } },
    });
    expect(status).toBe(201);
    expect(body.metadata.namespace).toBeUndefined();
    expect(body.spec).toMatchObject({ persistentVolumeReclaimPolicy: "Retain", volumeMode: "Filesystem" });
    expect(body.status.phase).toBe("Pending");
    expect(body.status.lastPhaseTransitionTime).toEqual(expect.any(String));
  });

  it("refuses a volume without a source or capacity with the apiserver's 422", async () => {
    const { status, body } = await kubeJson(cluster, volumes, { method: "POST", body: { metadata: { name: "bad" }, spec: { accessModes: ["ReadWriteOnce"] } } });
    expect(status).toBe(422);
    expect(body.message).toBe('PersistentVolume "bad" is invalid: [spec.capacity: Required value, spec.capacity: Unsupported value: {}: supported values: "storage", spec: Required value: must specify a volume type]');
  });

  it("prints the columns of kubectl get pv", async () => {
    const { body } = await kubeJson(cluster, `${volumes}/manual`, { accept: tableAccept });
    expect(body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual([
      "Name", "Capacity", "Access Modes", "Reclaim Policy", "Status", "Claim", "StorageClass", "VolumeAttributesClass", "Reason", "Age", "VolumeMode",
    ]);
    expect(body.rows[0].cells.slice(0, 9)).toEqual(["manual", "1Gi", "RWO", "Retain", expect.any(String), "", "manual", "<unset>", ""]);
  });
});

describe("PersistentVolumeClaim", () => {
  it("is created Pending with volume mode Filesystem", async () => {
    const { status, body } = await kubeJson(cluster, claims, {
      method: "POST",
      body: { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], storageClassName: "none", resources: { requests: { storage: "1Gi" } } } },
    });
    expect(status).toBe(201);
    expect(body.spec.volumeMode).toBe("Filesystem");
    expect(body.status).toEqual({ phase: "Pending" });
    const { body: list } = await kubeJson(cluster, claims);
    expect(list.kind).toBe("PersistentVolumeClaimList");
    expect(list.items.map((c: { metadata: { name: string } }) => c.metadata.name)).toContain("data");
  });

  it("refuses a claim without access modes or storage, and a change of its spec", async () => {
    const empty = await kubeJson(cluster, claims, { method: "POST", body: { metadata: { name: "empty" }, spec: {} } });
    expect(empty.status).toBe(422);
    expect(empty.body.message).toBe('PersistentVolumeClaim "empty" is invalid: [spec.accessModes: Required value: at least 1 access mode is required, spec.resources[storage]: Required value]');
    const changed = await kubeJson(cluster, `${claims}/data`, {
      method: "PATCH", contentType: "application/merge-patch+json", body: { spec: { accessModes: ["ReadWriteMany"] } },
    });
    expect(changed.status).toBe(422);
    expect(changed.body.message).toMatch(/^PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources\.requests and volumeAttributesClassName for bound claims\n/);
  });

  it("prints the columns of kubectl get pvc and takes status writes through the subresource only", async () => {
    const { body } = await kubeJson(cluster, claims, { accept: tableAccept });
    expect(body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual([
      "Name", "Status", "Volume", "Capacity", "Access Modes", "StorageClass", "VolumeAttributesClass", "Age", "VolumeMode",
    ]);
    const row = body.rows.find((r: { cells: unknown[] }) => r.cells[0] === "data");
    expect(row.cells.slice(0, 7)).toEqual(["data", "Pending", "", "", "", "none", "<unset>"]);
    const { body: current } = await kubeJson(cluster, `${claims}/data`);
    const ignored = await kubeJson(cluster, `${claims}/data`, { method: "PUT", body: { ...current, status: { phase: "Lost" } } });
    expect(ignored.body.status.phase).toBe("Pending");
    const written = await kubeJson(cluster, `${claims}/data/status`, { method: "PUT", body: { ...ignored.body, status: { phase: "Lost" } } });
    expect(written.status).toBe(200);
    expect(written.body.status.phase).toBe("Lost");
  });

  it("is deleted", async () => {
    const { status } = await kubeJson(cluster, `${claims}/data`, { method: "DELETE" });
    expect(status).toBe(200);
    expect((await kubeJson(cluster, `${claims}/data`)).status).toBe(404);
  });
});
