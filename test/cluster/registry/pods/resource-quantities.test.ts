// A container's requests and limits are stored as the apiserver serializes quantities (the CPU task's `cpu: "0.5"`
// reads back as `500m`); requests default to the limits.
import { describe, expect, it } from "vitest";
import type { Pod } from "../../../../src/api/schemas";
import { defaultPodSpec } from "../../../../src/cluster/registry/pods/defaults";

describe("container resources on create", () => {
  it("are canonical quantities", () => {
    const spec = { containers: [{ name: "c", image: "vish/stress", resources: { limits: { cpu: "1", memory: "1000Gi" }, requests: { cpu: "0.5", memory: "1024Mi" } } }] } as unknown as NonNullable<Pod["spec"]>;
    defaultPodSpec(spec);
    expect(spec.containers[0].resources).toEqual({ limits: { cpu: "1", memory: "1000Gi" }, requests: { cpu: "500m", memory: "1Gi" } });
  });

  it("keep a value that is not a quantity for validation to refuse", () => {
    const spec = { containers: [{ name: "c", image: "nginx", resources: { limits: { memory: "lots" } } }] } as unknown as NonNullable<Pod["spec"]>;
    defaultPodSpec(spec);
    expect(spec.containers[0].resources).toEqual({ limits: { memory: "lots" }, requests: { memory: "lots" } });
  });
});
