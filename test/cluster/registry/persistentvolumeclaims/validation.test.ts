import { describe, expect, it } from "vitest";
import type { PersistentVolumeClaim } from "../../../../src/api/schemas/core/persistentvolumeclaim";
import { persistentVolumeClaimStrategy } from "../../../../src/cluster/registry/persistentvolumeclaims/strategy";
import { validateClaim, validateClaimUpdate } from "../../../../src/cluster/registry/persistentvolumeclaims/validation";

type Spec = NonNullable<PersistentVolumeClaim["spec"]>;
const claim = (spec: Spec, status?: PersistentVolumeClaim["status"]): PersistentVolumeClaim => ({ metadata: { name: "data", namespace: "default" }, spec, ...(status ? { status } : {}) });
const base: Spec = { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, volumeMode: "Filesystem" };
const messages = (errors: Array<{ field: string; message: string }>) => errors.map((e) => `${e.field}: ${e.message}`);

describe("PersistentVolumeClaim validation", () => {
  it("accepts a claim with a class, selector and data source", () => {
    expect(validateClaim(claim({ ...base, storageClassName: "standard", selector: { matchLabels: { tier: "db" } }, dataSource: { kind: "PersistentVolumeClaim", name: "src" } }))).toEqual([]);
  });

  it("requires an access mode and a positive storage request", () => {
    expect(messages(validateClaim(claim({})))).toEqual([
      "spec.accessModes: Required value: at least 1 access mode is required",
      "spec.resources[storage]: Required value",
    ]);
    expect(messages(validateClaim(claim({ ...base, resources: { requests: { storage: "-1Gi" } } })))).toEqual([
      'spec.resources[storage]: Invalid value: "-1Gi": must be greater than zero',
    ]);
  });

  it("checks modes, class names, volume mode and data sources", () => {
    expect(messages(validateClaim(claim({ ...base, accessModes: ["RWO"], storageClassName: "Fast_SSD", volumeMode: "Raw", dataSource: { kind: "Secret", name: "s" } })))).toEqual([
      'spec.accessModes: Unsupported value: "RWO": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
      expect.stringMatching(/^spec\.storageClassName: Invalid value: "Fast_SSD": a lowercase RFC 1123 subdomain/),
      'spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"',
      'spec.dataSource.kind: Unsupported value: "Secret": supported values: "PersistentVolumeClaim"',
    ]);
  });

  it("fixes the spec after creation, with the apiserver's message and a diff", () => {
    const old = claim({ ...base, storageClassName: "standard" });
    const errors = messages(validateClaimUpdate(claim({ ...base, storageClassName: "fast" }), old));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^spec: Forbidden: spec is immutable after creation except resources\.requests and volumeAttributesClassName for bound claims\n  core\.PersistentVolumeClaimSpec\{\n- \tStorageClassName: &"standard",\n\+ \tStorageClassName: &"fast",\n  \}$/);
  });

  it("lets the binder set volumeName once, and a bound claim grow", () => {
    const pending = claim(base);
    expect(validateClaimUpdate(claim({ ...base, volumeName: "pv1" }), pending)).toEqual([]);
    const bound = claim({ ...base, volumeName: "pv1" }, { phase: "Bound", capacity: { storage: "1Gi" } });
    expect(validateClaimUpdate(claim({ ...base, volumeName: "pv2" }, bound.status), bound)).toHaveLength(1);
    expect(validateClaimUpdate(claim({ ...base, volumeName: "pv1", resources: { requests: { storage: "2Gi" } } }, bound.status), bound)).toEqual([]);
    // An unbound claim's request is fixed.
    expect(messages(validateClaimUpdate(claim({ ...base, resources: { requests: { storage: "2Gi" } } }, { phase: "Pending" }), claim(base, { phase: "Pending" })))[0]).toMatch(/^spec: Forbidden: spec is immutable/);
    expect(messages(validateClaimUpdate(claim({ ...base, volumeName: "pv1", resources: { requests: { storage: "512Mi" } } }, bound.status), bound))).toEqual([
      "spec.resources.requests.storage: Forbidden: field can not be less than status.capacity",
    ]);
  });

  it("defaults volumeMode Filesystem and starts Pending", () => {
    const created = claim({ accessModes: ["ReadWriteOnce"] });
    persistentVolumeClaimStrategy.defaults!(created);
    persistentVolumeClaimStrategy.prepareForCreate!(created, { now: "", stored: () => [] });
    expect(created.spec!.volumeMode).toBe("Filesystem");
    expect(created.status).toEqual({ phase: "Pending" });
  });
});
