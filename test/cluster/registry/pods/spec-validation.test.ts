// Resources, probes, hooks, ports and images of a pod's containers, with the apiserver's paths and messages.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../../src/api/object";
import { podStrategy } from "../../../../src/cluster/registry/pods/strategy";

const ctx = { now: "2025-06-01T12:00:00Z", stored: () => [] };

function pod(container: Record<string, unknown>, spec: Record<string, unknown> = {}): KubeObject {
  return { metadata: { name: "p", namespace: "default" }, spec: { containers: [{ name: "app", image: "nginx", ...container }], ...spec } };
}
const messages = (p: KubeObject) => podStrategy.validate!(p, ctx).map((e) => `${e.field}: ${e.message}`);

describe("container resources", () => {
  it("refuses negative quantities, string or number", () => {
    expect(messages(pod({ resources: { limits: { cpu: "-1" }, requests: { memory: -5 } } }))).toEqual([
      'spec.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      'spec.containers[0].resources.requests[memory]: Invalid value: "-5": must be greater than or equal to 0',
    ]);
  });

  it("refuses requests above limits, at the requests path, in canonical form", () => {
    expect(messages(pod({ resources: { requests: { cpu: "1500m" }, limits: { cpu: 1 } } }))).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1500m": must be less than or equal to cpu limit of 1',
    ]);
    expect(messages(pod({ resources: { requests: { cpu: "1" }, limits: { cpu: "1000m" } } }))).toEqual([]);
  });

  it("accepts a huge but well-formed quantity, as the apiserver does", () => {
    expect(messages(pod({ resources: { requests: { memory: "1e308" } } }))).toEqual([]);
  });

  it("checks resource names and extended resources", () => {
    expect(messages(pod({ resources: { limits: { gpu: "1" } } }))).toEqual([
      'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
    ]);
    expect(messages(pod({ resources: { requests: { "example.com/dongle": "1" } } }))).toEqual([
      "spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources",
    ]);
    expect(messages(pod({ resources: { requests: { "example.com/dongle": "1" }, limits: { "example.com/dongle": "2" } } }))).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1": must be equal to example.com/dongle limit of 2',
    ]);
  });
});

describe("probes and hooks", () => {
  const exec = { exec: { command: ["true"] } };

  it("refuses negative timings and a non-positive probe grace period", () => {
    expect(messages(pod({ livenessProbe: { ...exec, periodSeconds: -1, initialDelaySeconds: -2, terminationGracePeriodSeconds: 0 } }))).toEqual([
      "spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -2: must be greater than or equal to 0",
      "spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0",
      "spec.containers[0].livenessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0",
    ]);
  });

  it("needs exactly one handler", () => {
    expect(messages(pod({ readinessProbe: { periodSeconds: 5 } }))).toEqual([
      "spec.containers[0].readinessProbe: Required value: must specify a handler type",
    ]);
    expect(messages(pod({ readinessProbe: { ...exec, tcpSocket: { port: 80 } } }))).toEqual([
      "spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type",
    ]);
    expect(messages(pod({ lifecycle: { preStop: {} } }))).toEqual(["spec.containers[0].lifecycle.preStop: Required value: must specify a handler type"]);
  });

  it("checks probe ports and liveness success thresholds", () => {
    expect(messages(pod({ livenessProbe: { tcpSocket: { port: 0 }, successThreshold: 3 } }))).toEqual([
      "spec.containers[0].livenessProbe.tcpSocket.port: Invalid value: 0: must be between 1 and 65535, inclusive",
      "spec.containers[0].livenessProbe.successThreshold: Invalid value: 3: must be 1",
    ]);
    expect(messages(pod({ readinessProbe: { httpGet: { path: "/", port: "web--port" } } }))).toEqual([
      'spec.containers[0].readinessProbe.httpGet.port: Invalid value: "web--port": must not contain consecutive hyphens',
    ]);
  });
});

describe("images and ports", () => {
  it("refuses leading or trailing whitespace in an image, not inner characters", () => {
    expect(messages(pod({ image: "nginx\t" }))).toEqual(['spec.containers[0].image: Invalid value: "nginx\\t": must not have leading or trailing whitespace']);
    expect(messages(pod({ image: "ngi\u0000nx" }))).toEqual([]);
  });

  it("requires a container port and keeps ports and host ports in range", () => {
    expect(messages(pod({ ports: [{ containerPort: 0, protocol: "TCP" }, { containerPort: 80, hostPort: 70000, protocol: "TCP" }] }))).toEqual([
      "spec.containers[0].ports[0].containerPort: Required value",
      "spec.containers[0].ports[1].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
    ]);
  });

  it("checks node selector labels", () => {
    expect(messages(pod({}, { nodeSelector: { "a b": "x" } }))[0]).toMatch(/^spec\.nodeSelector: Invalid value: "a b": name part must consist of/);
  });
});

describe("terminationGracePeriodSeconds", () => {
  it("stores a negative grace period as 1 (kubernetes#115606)", () => {
    const p = pod({}, { terminationGracePeriodSeconds: -5 });
    podStrategy.defaults!(p);
    expect((p.spec as { terminationGracePeriodSeconds: number }).terminationGracePeriodSeconds).toBe(1);
  });
});

describe("defaults of Go zero values", () => {
  it("treat a probe period of 0 and an empty port protocol as unset", () => {
    const p = pod({ livenessProbe: { exec: { command: ["true"] }, periodSeconds: 0, failureThreshold: 0 }, ports: [{ containerPort: 80, protocol: "" }] }, { restartPolicy: "" });
    podStrategy.defaults!(p);
    const spec = p.spec as any;
    expect(spec.containers[0].livenessProbe).toMatchObject({ periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 1, successThreshold: 1 });
    expect(spec.containers[0].ports[0].protocol).toBe("TCP");
    expect(spec.restartPolicy).toBe("Always");
    expect(messages(p)).toEqual([]);
  });
});
