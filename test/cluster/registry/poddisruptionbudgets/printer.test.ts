import { describe, expect, it } from "vitest";
import { printer } from "../../../../src/cluster/registry/poddisruptionbudgets/printer";

const now = Date.parse("2025-06-01T12:00:00Z");

describe("kubectl get poddisruptionbudgets", () => {
  it("prints NAME, MIN AVAILABLE, MAX UNAVAILABLE, ALLOWED DISRUPTIONS and AGE", () => {
    expect(printer.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ["Name", "string", 0],
      ["Min Available", "string", 0],
      ["Max Unavailable", "string", 0],
      ["Allowed Disruptions", "integer", 0],
      ["Age", "string", 0],
    ]);
    const metadata = { name: "web", creationTimestamp: "2025-06-01T11:55:00Z" };
    expect(printer.cells({ metadata, spec: { minAvailable: 2 }, status: { disruptionsAllowed: 1 } }, now)).toEqual(["web", "2", "N/A", 1, "5m"]);
    expect(printer.cells({ metadata, spec: { maxUnavailable: "25%" } }, now)).toEqual(["web", "N/A", "25%", 0, "5m"]);
  });
});
