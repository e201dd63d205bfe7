import { describe, expect, it } from "vitest";
import { printer } from "../../../../src/cluster/registry/statefulsets/printer";

const now = Date.parse("2025-06-01T12:00:00Z");

describe("kubectl get statefulsets", () => {
  it("prints NAME, READY as ready/desired and AGE; -o wide adds CONTAINERS and IMAGES", () => {
    expect(printer.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ["Name", "string", 0],
      ["Ready", "string", 0],
      ["Age", "string", 0],
      ["Containers", "string", 1],
      ["Images", "string", 1],
    ]);
    const sts = {
      metadata: { name: "web", creationTimestamp: "2025-06-01T11:58:00Z" },
      spec: { replicas: 3, template: { spec: { containers: [{ name: "nginx", image: "registry.k8s.io/nginx-slim:0.24" }, { name: "side", image: "busybox" }] } } },
      status: { replicas: 2, readyReplicas: 1 },
    };
    expect(printer.cells(sts, now)).toEqual(["web", "1/3", "2m", "nginx,side", "registry.k8s.io/nginx-slim:0.24,busybox"]);
  });

  it("prints 0 for absent counts", () => {
    expect(printer.cells({ metadata: { name: "new" }, spec: {} }, now)).toEqual(["new", "0/0", "<unknown>", "", ""]);
  });
});
