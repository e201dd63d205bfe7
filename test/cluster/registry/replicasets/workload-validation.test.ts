// Validation of ReplicaSets, Deployments and ReplicationControllers, with the apiserver's messages.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../../src/api/object";
import { deploymentStrategy } from "../../../../src/cluster/registry/deployments/strategy";
import { replicaSetStrategy } from "../../../../src/cluster/registry/replicasets/strategy";
import { replicationControllerStrategy } from "../../../../src/cluster/registry/replicationcontrollers/strategy";
import type { Strategy, StrategyContext } from "../../../../src/cluster/registry/types";

const ctx: StrategyContext = { now: "2025-01-01T00:00:00Z", stored: () => [] };

function workload(spec: Record<string, unknown>): KubeObject {
  return {
    metadata: { name: "web" },
    spec: { template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } }, ...spec },
  };
}

function errors(strategy: Strategy, obj: KubeObject): string[] {
  strategy.defaults!(obj);
  return strategy.validate!(obj, ctx).map((e) => `${e.field}: ${e.message}`);
}

describe("Deployment validation", () => {
  it("accepts a defaulted deployment", () => {
    const d = workload({ selector: { matchLabels: { app: "web" } } });
    expect(errors(deploymentStrategy, d)).toEqual([]);
    expect(d.spec).toMatchObject({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
    });
    expect((d.spec as any).template.spec).toMatchObject({ restartPolicy: "Always", dnsPolicy: "ClusterFirst" });
  });

  it("requires a selector (and then the labels do not match it)", () => {
    expect(errors(deploymentStrategy, workload({}))).toEqual([
      "spec.selector: Required value",
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it("rejects a selector that does not select the template", () => {
    expect(errors(deploymentStrategy, workload({ selector: { matchLabels: { app: "x" } } }))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it("rejects negative replicas, both budgets 0, and a deadline not above minReadySeconds", () => {
    const d = workload({
      selector: { matchLabels: { app: "web" } },
      replicas: -1,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } },
      minReadySeconds: 10,
      progressDeadlineSeconds: 10,
    });
    expect(errors(deploymentStrategy, d)).toEqual([
      "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
      "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0",
      "spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds",
    ]);
  });

  it("forbids rollingUpdate with Recreate and a restartPolicy other than Always", () => {
    const d = workload({ selector: { matchLabels: { app: "web" } }, strategy: { type: "Recreate", rollingUpdate: {} } });
    (d.spec as any).template.spec.restartPolicy = "OnFailure";
    expect(errors(deploymentStrategy, d)).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
  });

  it("makes the selector immutable", () => {
    const old = workload({ selector: { matchLabels: { app: "web" } } });
    const changed = workload({ selector: { matchLabels: { app: "web", tier: "x" } } });
    expect(deploymentStrategy.validateUpdate!(changed, old, ctx).map((e) => `${e.field}: ${e.message}`)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
    expect(deploymentStrategy.validateUpdate!(workload({ selector: { matchLabels: { app: "web" } } }), old, ctx)).toEqual([]);
  });
});

describe("ReplicaSet validation", () => {
  it("defaults replicas to 1 and rejects an empty selector", () => {
    const rs = workload({ selector: {} });
    expect(errors(replicaSetStrategy, rs)).toEqual([
      "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment",
    ]);
    expect((rs.spec as any).replicas).toBe(1);
  });
});

describe("ReplicationController defaults and validation", () => {
  it("takes its selector and labels from the template", () => {
    const rc = workload({});
    expect(errors(replicationControllerStrategy, rc)).toEqual([]);
    expect((rc.spec as any).selector).toEqual({ app: "web" });
    expect(rc.metadata.labels).toEqual({ app: "web" });
  });

  it("rejects a selector that does not select the template", () => {
    expect(errors(replicationControllerStrategy, workload({ selector: { app: "x" } }))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });
});
