import { describe, expect, it } from "vitest";
import { allocatableOf, podRequests } from "../../../src/cluster/scheduler/resources";

const container = (name: string, requests: Record<string, string>, extra: Record<string, unknown> = {}) => ({ name, image: "x", resources: { requests }, ...extra });

describe("podRequests", () => {
  it("adds up the containers' requests in millicores and bytes", () => {
    const r = podRequests({ containers: [container("a", { cpu: "250m", memory: "64Mi" }), container("b", { cpu: "1", memory: "1Gi" })] });
    expect(r).toMatchObject({ milliCpu: 1250, memory: 64 * 2 ** 20 + 2 ** 30 });
  });

  it("takes the largest init container when it exceeds the containers' sum (max vs sum)", () => {
    const spec = {
      initContainers: [container("i1", { cpu: "2" }), container("i2", { cpu: "500m" })],
      containers: [container("a", { cpu: "300m" }), container("b", { cpu: "300m" })],
    };
    expect(podRequests(spec).milliCpu).toBe(2000);
    spec.initContainers = [container("i1", { cpu: "100m" })];
    expect(podRequests(spec).milliCpu).toBe(600);
  });

  it("counts sidecars (restartable init containers) alongside the containers and under later init containers", () => {
    const spec = {
      initContainers: [container("sidecar", { cpu: "200m" }, { restartPolicy: "Always" }), container("migrate", { cpu: "1" })],
      containers: [container("a", { cpu: "300m" })],
    };
    // containers + sidecar = 500m; migrate runs next to the sidecar = 1200m.
    expect(podRequests(spec).milliCpu).toBe(1200);
  });

  it("adds the pod overhead", () => {
    expect(podRequests({ containers: [container("a", { cpu: "100m" })], overhead: { cpu: "50m" } }).milliCpu).toBe(150);
  });

  it("uses 100m and 200Mi for containers without requests when asked for non-zero requests", () => {
    const spec = { containers: [{ name: "a", image: "x" }, container("b", { cpu: "1" })] };
    expect(podRequests(spec)).toMatchObject({ milliCpu: 1000, memory: 0 });
    expect(podRequests(spec, true)).toMatchObject({ milliCpu: 1100, memory: 2 * 200 * 2 ** 20 });
  });

  it("keeps extended resources as scalars", () => {
    expect(podRequests({ containers: [container("a", { "nvidia.com/gpu": "2" })] }).scalar).toEqual({ "nvidia.com/gpu": 2 });
  });
});

describe("allocatableOf", () => {
  it("reads cpu, memory, ephemeral storage and the pod count", () => {
    expect(allocatableOf({ allocatable: { cpu: "4", memory: "8Gi", pods: "110", "ephemeral-storage": "1Ki" } })).toMatchObject({
      milliCpu: 4000,
      memory: 8 * 2 ** 30,
      ephemeralStorage: 1024,
      pods: 110,
    });
  });
});
