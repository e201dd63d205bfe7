// What a PersistentVolumeClaim charges a quota (persistentVolumeClaimEvaluator): one claim, its storage (the larger
// of request and allocation), and both again under its class.
import { describe, expect, it } from "vitest";
import type { PersistentVolumeClaim } from "../../../../src/api/schemas/core/persistentvolumeclaim";
import { claimUsage, isClaimResource, toResourceList } from "../../../../src/cluster/registry/resourcequotas/usage";

const claim = (spec: PersistentVolumeClaim["spec"], status?: PersistentVolumeClaim["status"], annotations?: Record<string, string>): PersistentVolumeClaim =>
  ({ metadata: { name: "c", ...(annotations ? { annotations } : {}) }, spec, ...(status ? { status } : {}) });

describe("claim usage", () => {
  it("charges the count and storage, per class when the claim has one", () => {
    expect(toResourceList(claimUsage(claim({ storageClassName: "fast", resources: { requests: { storage: "1Gi" } } })))).toEqual({
      "count/persistentvolumeclaims": "1", "fast.storageclass.storage.k8s.io/persistentvolumeclaims": "1",
      "fast.storageclass.storage.k8s.io/requests.storage": "1Gi", persistentvolumeclaims: "1", "requests.storage": "1Gi",
    });
    expect(toResourceList(claimUsage(claim({ storageClassName: "", resources: { requests: { storage: "1Gi" } } })))).toEqual({
      "count/persistentvolumeclaims": "1", persistentvolumeclaims: "1", "requests.storage": "1Gi",
    });
  });

  it("charges the allocated storage when it is larger, and reads the class from the beta annotation first", () => {
    const usage = claimUsage(claim({ storageClassName: "a", resources: { requests: { storage: "1Gi" } } }, { allocatedResources: { storage: "2Gi" } }, { "volume.beta.kubernetes.io/storage-class": "b" }));
    expect(usage.get("requests.storage")!.toString()).toBe("2Gi");
    expect(usage.get("b.storageclass.storage.k8s.io/requests.storage")!.toString()).toBe("2Gi");
  });

  it("names the resources the claim evaluator matches", () => {
    for (const name of ["persistentvolumeclaims", "count/persistentvolumeclaims", "requests.storage", "gold.storageclass.storage.k8s.io/requests.storage", "gold.storageclass.storage.k8s.io/persistentvolumeclaims"]) {
      expect(isClaimResource(name)).toBe(true);
    }
    for (const name of ["requests.cpu", "gold.storageclass.storage.k8s.io/limits.storage", ".storageclass.storage.k8s.io/requests.storage", "pods"]) {
      expect(isClaimResource(name)).toBe(false);
    }
  });
});
