// Volume expansion (allowed only for bound claims of classes with allowVolumeExpansion, with the admission plugin's
// 403s otherwise), ResourceQuota on claims (counts and storage, per class) and LimitRange's PersistentVolumeClaim items.
import { describe, expect, it } from "vitest";
import { resourceQuotas } from "../../../../src/cluster/registry/resourcequotas";
import { pvSetup, ns } from "./helpers";

const merge = "application/merge-patch+json";
const grow = (storage: string) => ({ spec: { resources: { requests: { storage } } } });

describe("volume expansion", () => {
  it("refuses to grow a claim whose class does not allow it (the default standard)", async () => {
    const t = pvSetup();
    await t.createClaim("data");
    const response = await t.send("PATCH", `${ns}/persistentvolumeclaims/data`, grow("2Gi"), merge);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toBe(
      'persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
  });

  it("grows the volume and the claim's capacity when the class allows it; never shrinks", async () => {
    const t = pvSetup();
    await t.createClass("expandable", { provisioner: "k8s.io/minikube-hostpath", allowVolumeExpansion: true });
    await t.createClaim("data", { storageClassName: "expandable" });
    const volume = t.claim("data")!.spec!.volumeName!;
    expect((await t.send("PATCH", `${ns}/persistentvolumeclaims/data`, grow("3Gi"), merge)).status).toBe(200);
    expect(t.claim("data")!.status).toMatchObject({ phase: "Bound", capacity: { storage: "3Gi" }, allocatedResources: { storage: "3Gi" } });
    expect(t.volume(volume)!.spec!.capacity).toEqual({ storage: "3Gi" });
    expect(t.eventsFor("data").slice(-2)).toEqual([
      `Resizing: External resizer is resizing volume ${volume}`,
      `VolumeResizeSuccessful: resize volume "${volume}" by resizer "k8s.io/minikube-hostpath" succeeded`,
    ]);
    const shrink = await t.send("PATCH", `${ns}/persistentvolumeclaims/data`, grow("1Gi"), merge);
    expect(shrink.status).toBe(422);
    expect(((await shrink.json()) as { message: string }).message).toBe(
      'PersistentVolumeClaim "data" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity',
    );
  });

  it("refuses to grow a claim that is not bound", async () => {
    const t = pvSetup();
    await t.createClaim("pending", { storageClassName: "" });
    const response = await t.send("PATCH", `${ns}/persistentvolumeclaims/pending`, grow("2Gi"), merge);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { message: string }).message).toMatch(/spec: Forbidden: spec is immutable after creation except resources\.requests and volumeAttributesClassName for bound claims/);
  });
});

describe("ResourceQuota on claims", () => {
  it("counts claims and their storage, overall and per class, and refuses what goes over", async () => {
    const t = pvSetup();
    const hard = {
      persistentvolumeclaims: "2", "requests.storage": "3Gi",
      "standard.storageclass.storage.k8s.io/requests.storage": "2Gi", "standard.storageclass.storage.k8s.io/persistentvolumeclaims": "5",
    };
    await t.send("POST", `${ns}/resourcequotas`, { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "storage" }, spec: { hard } });
    expect((await t.createClaim("a")).status).toBe(201);
    expect(t.cluster.registry.get(resourceQuotas, "default", "storage").status!.used).toEqual({
      persistentvolumeclaims: "1", "requests.storage": "1Gi",
      "standard.storageclass.storage.k8s.io/persistentvolumeclaims": "1", "standard.storageclass.storage.k8s.io/requests.storage": "1Gi",
    });
    const over = await t.createClaim("b", { resources: { requests: { storage: "1500Mi" } } });
    expect(over.status).toBe(403);
    expect(((await over.json()) as { message: string }).message).toBe(
      'persistentvolumeclaims "b" is forbidden: exceeded quota: storage, requested: standard.storageclass.storage.k8s.io/requests.storage=1500Mi, used: standard.storageclass.storage.k8s.io/requests.storage=1Gi, limited: standard.storageclass.storage.k8s.io/requests.storage=2Gi',
    );
    expect((await t.createClaim("c", { storageClassName: "", resources: { requests: { storage: "2Gi" } } })).status).toBe(201);
    const third = await t.createClaim("d", { storageClassName: "", resources: { requests: { storage: "1Mi" } } });
    expect(third.status).toBe(403);
    expect(((await third.json()) as { message: string }).message).toMatch(/exceeded quota: storage, requested: persistentvolumeclaims=1,requests\.storage=1Mi, used: persistentvolumeclaims=2,requests\.storage=3Gi, limited: persistentvolumeclaims=2,requests\.storage=3Gi$/);
    await t.send("DELETE", `${ns}/persistentvolumeclaims/a`);
    expect(t.cluster.registry.get(resourceQuotas, "default", "storage").status!.used).toMatchObject({ persistentvolumeclaims: "1", "requests.storage": "2Gi" });
  });
});

describe("LimitRange on claims", () => {
  it("enforces the min and max storage of PersistentVolumeClaim items, on create and on expansion", async () => {
    const t = pvSetup();
    await t.send("POST", `${ns}/limitranges`, {
      apiVersion: "v1", kind: "LimitRange", metadata: { name: "storage" },
      spec: { limits: [{ type: "PersistentVolumeClaim", min: { storage: "500Mi" }, max: { storage: "2Gi" } }] },
    });
    const small = await t.createClaim("small", { resources: { requests: { storage: "100Mi" } } });
    expect(small.status).toBe(403);
    expect(((await small.json()) as { message: string }).message).toBe(
      'persistentvolumeclaims "small" is forbidden: minimum storage usage per PersistentVolumeClaim is 500Mi, but request is 100Mi',
    );
    const big = await t.createClaim("big", { resources: { requests: { storage: "5Gi" } } });
    expect(((await big.json()) as { message: string }).message).toBe(
      'persistentvolumeclaims "big" is forbidden: maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi',
    );
    await t.createClass("expandable", { provisioner: "k8s.io/minikube-hostpath", allowVolumeExpansion: true });
    expect((await t.createClaim("ok", { storageClassName: "expandable" })).status).toBe(201);
    const past = await t.send("PATCH", `${ns}/persistentvolumeclaims/ok`, grow("3Gi"), merge);
    expect(past.status).toBe(403);
    expect(((await past.json()) as { message: string }).message).toMatch(/maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 3Gi$/);
  });
});
