import { describe, expect, it } from "vitest";
import { priorityClassStrategy } from "../../../../src/cluster/registry/priorityclasses/strategy";
import { validatePriorityClass, validatePriorityClassUpdate } from "../../../../src/cluster/registry/priorityclasses/validation";
import { systemPriorityClasses } from "../../../../src/cluster/registry/priorityclasses/system";

const pc = (name: string, value: number, extra: { globalDefault?: boolean; preemptionPolicy?: string } = {}) => ({ metadata: { name }, value, ...extra });
const messages = (errors: Array<{ field: string; message: string }>) => errors.map((e) => `${e.field}: ${e.message}`);

describe("PriorityClass validation", () => {
  it("accepts user classes up to 1,000,000,000 and refuses more", () => {
    expect(validatePriorityClass(pc("high", 1_000_000_000))).toEqual([]);
    expect(validatePriorityClass(pc("low", -5))).toEqual([]);
    expect(messages(validatePriorityClass(pc("huge", 1_000_000_001)))).toEqual([
      "value: Forbidden: maximum allowed value of a user defined priority is 1000000000",
    ]);
  });

  it("reserves the system- prefix for the two system classes with their exact values", () => {
    expect(validatePriorityClass(pc("system-node-critical", 2_000_001_000))).toEqual([]);
    expect(validatePriorityClass(pc("system-cluster-critical", 2_000_000_000))).toEqual([]);
    const reserved = "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: ";
    expect(messages(validatePriorityClass(pc("system-mine", 5)))).toEqual([`${reserved}system-mine is not a known system priority class`]);
    expect(messages(validatePriorityClass(pc("system-node-critical", 7)))).toEqual([`${reserved}value of system-node-critical PriorityClass must be 2000001000`]);
    expect(messages(validatePriorityClass(pc("system-cluster-critical", 2_000_000_000, { globalDefault: true })))).toEqual([
      `${reserved}globalDefault of system-cluster-critical PriorityClass must be false`,
    ]);
  });

  it("checks the preemption policy", () => {
    expect(validatePriorityClass(pc("a", 1, { preemptionPolicy: "Never" }))).toEqual([]);
    expect(messages(validatePriorityClass(pc("a", 1, { preemptionPolicy: "Sometimes" })))).toEqual([
      'preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"',
    ]);
    expect(messages(validatePriorityClass(pc("a", 1, { preemptionPolicy: "" })))).toEqual(["preemptionPolicy: Required value"]);
  });

  it("keeps value and preemptionPolicy immutable, other fields free", () => {
    const old = pc("a", 1, { preemptionPolicy: "PreemptLowerPriority" });
    expect(validatePriorityClassUpdate({ ...old, globalDefault: true }, old)).toEqual([]);
    expect(messages(validatePriorityClassUpdate({ ...old, value: 2 }, old))).toEqual(["value: Forbidden: may not be changed in an update."]);
    expect(messages(validatePriorityClassUpdate({ ...old, preemptionPolicy: "Never" }, old))).toEqual([
      'preemptionPolicy: Invalid value: "Never": field is immutable',
    ]);
  });

  it("defaults preemptionPolicy to PreemptLowerPriority", () => {
    const obj = { metadata: { name: "a" }, value: 1 } as Record<string, any>;
    priorityClassStrategy.defaults!(obj as never);
    expect(obj.preemptionPolicy).toBe("PreemptLowerPriority");
  });

  it("knows the system classes a cluster starts with", () => {
    expect(systemPriorityClasses.map((c) => [c.name, c.value])).toEqual([
      ["system-node-critical", 2000001000],
      ["system-cluster-critical", 2000000000],
    ]);
  });
});
