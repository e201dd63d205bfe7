import { describe, expect, it } from "vitest";
import type { PersistentVolume } from "../../../../src/api/schemas/core/persistentvolume";
import { persistentVolumeStrategy } from "../../../../src/cluster/registry/persistentvolumes/strategy";
import { validatePersistentVolume, validatePersistentVolumeUpdate } from "../../../../src/cluster/registry/persistentvolumes/validation";

const pv = (spec: NonNullable<PersistentVolume["spec"]>): PersistentVolume => ({ metadata: { name: "pv1" }, spec });
const base = { accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" }, hostPath: { path: "/data" } };
const messages = (errors: Array<{ field: string; message: string }>) => errors.map((e) => `${e.field}: ${e.message}`);

describe("PersistentVolume validation", () => {
  it("accepts a hostPath volume and each single source", () => {
    expect(validatePersistentVolume(pv(base))).toEqual([]);
    expect(validatePersistentVolume(pv({ ...base, hostPath: undefined, nfs: { server: "nfs.local", path: "/exports" } }))).toEqual([]);
    expect(validatePersistentVolume(pv({ ...base, hostPath: undefined, csi: { driver: "hostpath.csi.k8s.io", volumeHandle: "v1" } }))).toEqual([]);
    const affinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["n1"] }] }] } };
    expect(validatePersistentVolume(pv({ ...base, hostPath: undefined, local: { path: "/mnt/disk" }, nodeAffinity: affinity }))).toEqual([]);
  });

  it("requires access modes, a storage capacity and one volume type", () => {
    expect(messages(validatePersistentVolume(pv({})))).toEqual([
      "spec.accessModes: Required value",
      "spec.capacity: Required value",
      "spec.capacity: Unsupported value: {}: supported values: \"storage\"",
      "spec: Required value: must specify a volume type",
    ]);
    expect(messages(validatePersistentVolume(pv({ ...base, capacity: { storage: "0" } })))).toEqual(['spec.capacity[storage]: Invalid value: "0": must be greater than zero']);
  });

  it("refuses a second source, a local volume without node affinity, unknown modes and policies", () => {
    expect(messages(validatePersistentVolume(pv({ ...base, nfs: { server: "s", path: "/x" } })))).toEqual(["spec.nfs: Forbidden: may not specify more than 1 volume type"]);
    expect(messages(validatePersistentVolume(pv({ ...base, hostPath: undefined, local: { path: "/mnt" } })))).toEqual([
      "spec.nodeAffinity: Required value: Local volume requires node affinity",
    ]);
    expect(messages(validatePersistentVolume(pv({ ...base, accessModes: ["ReadWriteOncePod", "ReadWriteOnce"] })))).toEqual([
      "spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes",
    ]);
    expect(messages(validatePersistentVolume(pv({ ...base, persistentVolumeReclaimPolicy: "Keep", volumeMode: "Raw" })))).toEqual([
      'spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"',
      'spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"',
    ]);
    expect(messages(validatePersistentVolume(pv({ ...base, hostPath: { path: "/" }, persistentVolumeReclaimPolicy: "Recycle" })))).toEqual([
      "spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath mount of '/'",
    ]);
  });

  it("keeps the source and volume mode fixed, but lets capacity, claimRef and policy change", () => {
    const old = pv({ ...base, volumeMode: "Filesystem" });
    expect(validatePersistentVolumeUpdate(pv({ ...base, volumeMode: "Filesystem", capacity: { storage: "2Gi" }, persistentVolumeReclaimPolicy: "Delete", claimRef: { namespace: "d", name: "c" } }), old)).toEqual([]);
    expect(messages(validatePersistentVolumeUpdate(pv({ ...base, volumeMode: "Filesystem", hostPath: { path: "/other" } }), old))).toEqual([
      "spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation",
    ]);
    expect(messages(validatePersistentVolumeUpdate(pv({ ...base, volumeMode: "Block" }), old))).toEqual(['volumeMode: Invalid value: "Block": field is immutable']);
  });

  it("defaults Retain and Filesystem, starts Pending and stamps each phase change", () => {
    const created = pv({ ...base });
    persistentVolumeStrategy.defaults!(created);
    expect(created.spec).toMatchObject({ persistentVolumeReclaimPolicy: "Retain", volumeMode: "Filesystem" });
    const ctx = { now: "2025-01-01T00:00:00Z", stored: () => [] };
    persistentVolumeStrategy.prepareForCreate!(created, ctx);
    expect(created.status).toEqual({ phase: "Pending", lastPhaseTransitionTime: "2025-01-01T00:00:00Z" });
    const next = { ...created, status: { ...created.status, phase: "Available" } };
    persistentVolumeStrategy.prepareForStatusUpdate!(next, created, { ...ctx, now: "2025-01-01T00:01:00Z" });
    expect(next.status).toEqual({ phase: "Available", lastPhaseTransitionTime: "2025-01-01T00:01:00Z" });
  });
});
