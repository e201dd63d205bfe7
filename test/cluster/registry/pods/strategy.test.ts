// Pod validation for sidecars (init container restartPolicy) and activeDeadlineSeconds, with the apiserver's messages.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../../src/api/object";
import { podStrategy } from "../../../../src/cluster/registry/pods/strategy";

const ctx = { now: "2025-06-01T12:00:00Z", stored: () => [] };
const probe = { exec: { command: ["cat", "/tmp/ready"] } };

function pod(spec: Record<string, unknown>): KubeObject {
  return { metadata: { name: "p", namespace: "default" }, spec: { containers: [{ name: "app", image: "nginx" }], ...spec } };
}
const messages = (p: KubeObject) => podStrategy.validate!(p, ctx).map((e) => `${e.field}: ${e.message}`);
const updateMessages = (p: KubeObject, old: KubeObject) => podStrategy.validateUpdate!(p, old, ctx).map((e) => `${e.field}: ${e.message}`);

describe("init container restartPolicy", () => {
  it("accepts a sidecar with probes and lifecycle hooks", () => {
    const sidecar = { name: "proxy", image: "nginx", restartPolicy: "Always", livenessProbe: probe, readinessProbe: probe, startupProbe: probe, lifecycle: { preStop: probe } };
    expect(messages(pod({ initContainers: [sidecar] }))).toEqual([]);
  });

  it("allows only Always", () => {
    expect(messages(pod({ initContainers: [{ name: "init", image: "busybox", restartPolicy: "OnFailure" }] }))).toEqual([
      'spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ]);
  });

  it("forbids probes and lifecycle on init containers that run to completion", () => {
    const init = { name: "init", image: "busybox", livenessProbe: probe, readinessProbe: probe, startupProbe: probe, lifecycle: { postStart: probe } };
    expect(messages(pod({ initContainers: [{ name: "ok", image: "busybox" }, init] }))).toEqual([
      "spec.initContainers[1].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always",
      "spec.initContainers[1].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
      "spec.initContainers[1].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
      "spec.initContainers[1].startupProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
    ]);
  });

  it("forbids restartPolicy on app containers", () => {
    expect(messages(pod({ containers: [{ name: "app", image: "nginx", restartPolicy: "Always" }] }))).toEqual([
      "spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers",
    ]);
  });

  it("reports an init container reusing an app container's name as the duplicate", () => {
    expect(messages(pod({ initContainers: [{ name: "app", image: "busybox" }] }))).toEqual(['spec.initContainers[0].name: Duplicate value: "app"']);
  });
});

describe("activeDeadlineSeconds", () => {
  it("must be a positive int32 on create", () => {
    expect(messages(pod({ activeDeadlineSeconds: 30 }))).toEqual([]);
    expect(messages(pod({ activeDeadlineSeconds: 0 }))).toEqual(["spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive"]);
  });

  it("may be set or lowered by an update, never raised or removed", () => {
    expect(updateMessages(pod({ activeDeadlineSeconds: 10 }), pod({}))).toEqual([]);
    expect(updateMessages(pod({ activeDeadlineSeconds: 5 }), pod({ activeDeadlineSeconds: 10 }))).toEqual([]);
    expect(updateMessages(pod({ activeDeadlineSeconds: 20 }), pod({ activeDeadlineSeconds: 10 }))).toEqual([
      "spec.activeDeadlineSeconds: Invalid value: 20: must be less than or equal to previous value",
    ]);
    expect(updateMessages(pod({}), pod({ activeDeadlineSeconds: 10 }))).toEqual([
      "spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil value",
    ]);
    expect(updateMessages(pod({ activeDeadlineSeconds: 3_000_000_000 }), pod({}))).toEqual([
      "spec.activeDeadlineSeconds: Invalid value: 3000000000: must be between 0 and 2147483647, inclusive",
    ]);
  });
});

describe("updates", () => {
  it("keep the priority and preemption policy admission set on create when the update leaves them out", () => {
    const old = pod({ priority: 1000, preemptionPolicy: "Never", priorityClassName: "high" });
    const replaced = pod({ priorityClassName: "high" });
    podStrategy.prepareForUpdate!(replaced, old, ctx);
    expect(replaced.spec).toMatchObject({ priority: 1000, preemptionPolicy: "Never" });
    const stated = pod({ priority: 5 });
    podStrategy.prepareForUpdate!(stated, old, ctx);
    expect((stated.spec as Record<string, unknown>).priority).toBe(5);
  });
});
