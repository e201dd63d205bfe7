import { describe, expect, it } from "vitest";
import { printer } from "../../../../src/cluster/registry/networkpolicies/printer";

const now = Date.parse("2025-06-01T12:00:00Z");

describe("kubectl get networkpolicies", () => {
  it("prints NAME, POD-SELECTOR and AGE", () => {
    expect(printer.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ["Name", "string", 0],
      ["Pod-Selector", "string", 0],
      ["Age", "string", 0],
    ]);
    const meta = { name: "allow", namespace: "default", creationTimestamp: "2025-06-01T11:00:00Z" };
    expect(printer.cells({ metadata: meta, spec: { podSelector: { matchLabels: { app: "web", tier: "fe" } } } }, now)).toEqual(["allow", "app=web,tier=fe", "60m"]);
    expect(printer.cells({ metadata: meta, spec: { podSelector: { matchExpressions: [{ key: "env", operator: "NotIn", values: ["prod", "dev"] }] } } }, now)[1]).toBe("env notin (dev,prod)");
    expect(printer.cells({ metadata: meta, spec: { podSelector: {} } }, now)[1]).toBe("<none>");
  });
});
