// StorageClass through the API as kubectl uses it: create with defaults, the apiserver's 422s, `kubectl get sc`'s
// table, discovery, get/list/delete. New clusters have minikube's default class `standard`.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
const classes = "/apis/storage.k8s.io/v1/storageclasses";
const tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast" });
});

describe("StorageClass", () => {
  it("holds minikube's default class standard in a new cluster", async () => {
    const { status, body } = await kubeJson(cluster, classes);
    expect(status).toBe(200);
    expect(body.kind).toBe("StorageClassList");
    expect(body.items).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({ name: "standard", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } }),
        provisioner: "k8s.io/minikube-hostpath", reclaimPolicy: "Delete", volumeBindingMode: "Immediate",
      }),
    ]);
  });

  it("is created with reclaimPolicy Delete and volumeBindingMode Immediate by default", async () => {
    const { status, body } = await kubeJson(cluster, classes, {
      method: "POST",
      body: { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "disk" }, provisioner: "example.com/disk" },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ apiVersion: "storage.k8s.io/v1", kind: "StorageClass", provisioner: "example.com/disk", reclaimPolicy: "Delete", volumeBindingMode: "Immediate" });
    expect(body.metadata.namespace).toBeUndefined();
    const got = await kubeJson(cluster, `${classes}/disk`);
    expect(got.body.reclaimPolicy).toBe("Delete");
  });

  it("refuses invalid classes with the apiserver's 422", async () => {
    const { status, body } = await kubeJson(cluster, classes, {
      method: "POST",
      body: { metadata: { name: "bad" }, provisioner: "", reclaimPolicy: "Recycle", volumeBindingMode: "Later" },
    });
    expect(status).toBe(422);
    expect(body.reason).toBe("Invalid");
    expect(body.details).toMatchObject({ name: "bad", group: "storage.k8s.io", kind: "StorageClass" });
    expect(body.details.causes.map((c: { field: string; message: string }) => `${c.field}: ${c.message}`)).toEqual([
      "provisioner: Required value",
      'reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
      'volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"',
    ]);
    expect(body.message).toMatch(/^StorageClass\.storage\.k8s\.io "bad" is invalid: \[provisioner: Required value, /);
    const many = Object.fromEntries(Array.from({ length: 513 }, (_, i) => [`k${i}`, "v"]));
    const tooMany = await kubeJson(cluster, classes, { method: "POST", body: { metadata: { name: "many" }, provisioner: "p", parameters: many } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.message).toBe('StorageClass.storage.k8s.io "many" is invalid: parameters: Too long: may not be more than 512 bytes');
    const missing = await kubeJson(cluster, classes, { method: "POST", body: { metadata: { name: "none" } } });
    expect(missing.status).toBe(422);
    expect(missing.body.message).toContain("provisioner: Required value");
  });

  it("keeps the provisioner fixed on update", async () => {
    const { body: current } = await kubeJson(cluster, `${classes}/disk`);
    const { status, body } = await kubeJson(cluster, `${classes}/disk`, { method: "PUT", body: { ...current, provisioner: "other.io/disk" } });
    expect(status).toBe(422);
    expect(body.message).toContain("provisioner: Forbidden: updates to provisioner are forbidden.");
    const expanded = await kubeJson(cluster, `${classes}/disk`, { method: "PUT", body: { ...current, allowVolumeExpansion: true } });
    expect(expanded.status).toBe(200);
  });

  it("prints the columns of kubectl get sc, with (default) on the annotated class", async () => {
    await kubeJson(cluster, classes, {
      method: "POST",
      body: {
        metadata: { name: "local", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
        provisioner: "rancher.io/local-path",
        volumeBindingMode: "WaitForFirstConsumer",
      },
    });
    const { status, body } = await kubeJson(cluster, classes, { accept: tableAccept });
    expect(status).toBe(200);
    expect(body.kind).toBe("Table");
    expect(body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual([
      "Name", "Provisioner", "ReclaimPolicy", "VolumeBindingMode", "AllowVolumeExpansion", "Age",
    ]);
    expect(body.rows.map((r: { cells: unknown[] }) => r.cells.slice(0, 5))).toEqual([
      ["disk", "example.com/disk", "Delete", "Immediate", true],
      ["local (default)", "rancher.io/local-path", "Delete", "WaitForFirstConsumer", false],
      ["standard (default)", "k8s.io/minikube-hostpath", "Delete", "Immediate", false],
    ]);
  });

  it("is listed by discovery as kubectl api-resources shows it", async () => {
    const { body } = await kubeJson(cluster, "/apis/storage.k8s.io/v1");
    expect(body.resources).toContainEqual(expect.objectContaining({ name: "storageclasses", namespaced: false, kind: "StorageClass", shortNames: ["sc"] }));
    const groups = await kubeJson(cluster, "/apis");
    expect(groups.body.groups.map((g: { name: string }) => g.name)).toContain("storage.k8s.io");
  });

  it("is deleted", async () => {
    expect((await kubeJson(cluster, `${classes}/local`, { method: "DELETE" })).status).toBe(200);
    expect((await kubeJson(cluster, `${classes}/local`)).status).toBe(404);
    const { body } = await kubeJson(cluster, classes);
    expect(body.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(["disk", "standard"]);
  });
});
