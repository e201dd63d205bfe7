import { describe, expect, it } from "vitest";
import { printer } from "../../../../src/cluster/registry/priorityclasses/printer";

const now = Date.parse("2025-06-01T12:00:00Z");

describe("kubectl get priorityclasses", () => {
  it("prints NAME, VALUE, GLOBAL-DEFAULT, AGE and PREEMPTIONPOLICY, all shown by default", () => {
    expect(printer.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ["Name", "string", 0],
      ["Value", "integer", 0],
      ["Global-Default", "boolean", 0],
      ["Age", "string", 0],
      ["PreemptionPolicy", "string", 0],
    ]);
    const pc = { metadata: { name: "high", creationTimestamp: "2025-06-01T11:55:00Z" }, value: 1000, globalDefault: true, preemptionPolicy: "Never" };
    expect(printer.cells(pc, now)).toEqual(["high", 1000, true, "5m", "Never"]);
  });

  it("prints false and an empty policy when unset, and <unknown> ages", () => {
    expect(printer.cells({ metadata: { name: "bare" } }, now)).toEqual(["bare", 0, false, "<unknown>", ""]);
  });
});
