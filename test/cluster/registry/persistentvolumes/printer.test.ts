import { describe, expect, it } from "vitest";
import { printer as pvPrinter } from "../../../../src/cluster/registry/persistentvolumes/printer";
import { printer as pvcPrinter } from "../../../../src/cluster/registry/persistentvolumeclaims/printer";

const now = Date.parse("2025-06-01T12:00:00Z");
const created = "2025-06-01T11:55:00Z";

describe("kubectl get pv", () => {
  it("prints 1.33's columns, VOLUMEMODE only wide", () => {
    expect(pvPrinter.columns.map((c) => [c.name, c.priority])).toEqual([
      ["Name", 0], ["Capacity", 0], ["Access Modes", 0], ["Reclaim Policy", 0], ["Status", 0], ["Claim", 0], ["StorageClass", 0],
      ["VolumeAttributesClass", 0], ["Reason", 0], ["Age", 0], ["VolumeMode", 1],
    ]);
  });

  it("prints a bound volume's claim and class, and Terminating while deleted", () => {
    const pv = {
      metadata: { name: "pvc-1", creationTimestamp: created },
      spec: {
        capacity: { storage: "1024Mi" }, accessModes: ["ReadWriteMany", "ReadWriteOnce"], persistentVolumeReclaimPolicy: "Delete",
        claimRef: { namespace: "default", name: "data" }, storageClassName: "standard", volumeMode: "Filesystem",
      },
      status: { phase: "Bound" },
    };
    expect(pvPrinter.cells(pv, now)).toEqual(["pvc-1", "1Gi", "RWO,RWX", "Delete", "Bound", "default/data", "standard", "<unset>", "", "5m", "Filesystem"]);
    expect(pvPrinter.cells({ ...pv, metadata: { ...pv.metadata, deletionTimestamp: created } }, now)[4]).toBe("Terminating");
    expect(pvPrinter.cells({ metadata: { name: "bare" } }, now)).toEqual(["bare", "0", "", "", "", "", "", "<unset>", "", "<unknown>", "<unset>"]);
  });
});

describe("kubectl get pvc", () => {
  it("prints 1.33's columns, VOLUMEMODE only wide", () => {
    expect(pvcPrinter.columns.map((c) => [c.name, c.priority])).toEqual([
      ["Name", 0], ["Status", 0], ["Volume", 0], ["Capacity", 0], ["Access Modes", 0], ["StorageClass", 0], ["VolumeAttributesClass", 0],
      ["Age", 0], ["VolumeMode", 1],
    ]);
  });

  it("prints capacity and modes only once bound, from the status", () => {
    const pending = {
      metadata: { name: "data", creationTimestamp: created },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, storageClassName: "standard", volumeMode: "Filesystem" },
      status: { phase: "Pending" },
    };
    expect(pvcPrinter.cells(pending, now)).toEqual(["data", "Pending", "", "", "", "standard", "<unset>", "5m", "Filesystem"]);
    const bound = { ...pending, spec: { ...pending.spec, volumeName: "pvc-1" }, status: { phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "2Gi" } } };
    expect(pvcPrinter.cells(bound, now)).toEqual(["data", "Bound", "pvc-1", "2Gi", "RWO", "standard", "<unset>", "5m", "Filesystem"]);
    expect(pvcPrinter.cells({ ...bound, metadata: { ...bound.metadata, deletionTimestamp: created } }, now)[1]).toBe("Terminating");
  });
});
