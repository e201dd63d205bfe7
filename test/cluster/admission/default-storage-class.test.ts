// DefaultStorageClass and StorageObjectInUseProtection admission: a claim created without a class gets the default
// (minikube's standard, or the newest of several defaults); `storageClassName: ""`, a named class and the beta
// annotation are left alone; every new claim and volume gets its protection finalizer.
import { describe, expect, it } from "vitest";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";

const json = { "content-type": "application/json" };
async function send(cluster: NodeCluster, method: string, path: string, body?: unknown): Promise<any> {
  const res = await cluster.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: json }) });
  return res.json();
}
const claims = "/api/v1/namespaces/default/persistentvolumeclaims";
const claim = (name: string, spec: Record<string, unknown> = {}, annotations?: Record<string, string>) => ({
  apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name, ...(annotations ? { annotations } : {}) },
  spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, ...spec },
});

describe("DefaultStorageClass admission", () => {
  it("gives a claim without a class the default class standard, and leaves the rest alone", async () => {
    const cluster = nodeCluster({ spec: { workers: 0 } });
    const plain = await send(cluster, "POST", claims, claim("plain"));
    expect(plain.spec.storageClassName).toBe("standard");
    expect(plain.metadata.finalizers).toEqual(["kubernetes.io/pvc-protection"]);
    expect((await send(cluster, "POST", claims, claim("none", { storageClassName: "" }))).spec.storageClassName).toBe("");
    expect((await send(cluster, "POST", claims, claim("named", { storageClassName: "fast" }))).spec.storageClassName).toBe("fast");
    const beta = await send(cluster, "POST", claims, claim("beta", {}, { "volume.beta.kubernetes.io/storage-class": "old" }));
    expect(beta.spec.storageClassName).toBeUndefined();
  });

  it("chooses the newest default class, and none when no class is default", async () => {
    const cluster = nodeCluster({ spec: { workers: 0 } });
    cluster.advance(1000);
    await send(cluster, "POST", "/apis/storage.k8s.io/v1/storageclasses", {
      apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "newer", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
      provisioner: "example.com/disk",
    });
    expect((await send(cluster, "POST", claims, claim("a"))).spec.storageClassName).toBe("newer");
    await send(cluster, "DELETE", "/apis/storage.k8s.io/v1/storageclasses/newer");
    await send(cluster, "DELETE", "/apis/storage.k8s.io/v1/storageclasses/standard");
    expect((await send(cluster, "POST", claims, claim("b"))).spec.storageClassName).toBeUndefined();
  });

  it("puts kubernetes.io/pv-protection on every new volume", async () => {
    const cluster = nodeCluster({ spec: { workers: 0 } });
    const pv = await send(cluster, "POST", "/api/v1/persistentvolumes", {
      apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "v" }, spec: { accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" }, hostPath: { path: "/d" } },
    });
    expect(pv.metadata.finalizers).toEqual(["kubernetes.io/pv-protection"]);
  });
});
