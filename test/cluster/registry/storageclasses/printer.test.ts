import { describe, expect, it } from "vitest";
import { printer } from "../../../../src/cluster/registry/storageclasses/printer";

const now = Date.parse("2025-06-01T12:00:00Z");

describe("kubectl get storageclasses", () => {
  it("prints NAME, PROVISIONER, RECLAIMPOLICY, VOLUMEBINDINGMODE, ALLOWVOLUMEEXPANSION and AGE, all shown by default", () => {
    expect(printer.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ["Name", "string", 0],
      ["Provisioner", "string", 0],
      ["ReclaimPolicy", "string", 0],
      ["VolumeBindingMode", "string", 0],
      ["AllowVolumeExpansion", "string", 0],
      ["Age", "string", 0],
    ]);
    const sc = {
      metadata: { name: "fast", creationTimestamp: "2025-06-01T11:55:00Z" },
      provisioner: "example.com/disk",
      reclaimPolicy: "Retain",
      volumeBindingMode: "WaitForFirstConsumer",
      allowVolumeExpansion: true,
    };
    expect(printer.cells(sc, now)).toEqual(["fast", "example.com/disk", "Retain", "WaitForFirstConsumer", true, "5m"]);
  });

  it("marks the default class by its annotation (GA or beta, exactly \"true\")", () => {
    const named = (annotations: Record<string, string>) => printer.cells({ metadata: { name: "std", annotations }, provisioner: "p" }, now)[0];
    expect(named({ "storageclass.kubernetes.io/is-default-class": "true" })).toBe("std (default)");
    expect(named({ "storageclass.beta.kubernetes.io/is-default-class": "true" })).toBe("std (default)");
    expect(named({ "storageclass.kubernetes.io/is-default-class": "True" })).toBe("std");
    expect(named({})).toBe("std");
  });

  it("prints the defaults for unset fields, false and <unknown> ages", () => {
    expect(printer.cells({ metadata: { name: "bare" } }, now)).toEqual(["bare", "", "Delete", "Immediate", false, "<unknown>"]);
  });
});
