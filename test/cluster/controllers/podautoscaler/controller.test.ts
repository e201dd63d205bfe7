// The podautoscaler's sync of one HPA (syncAutoscaler) over a cluster's registry with a stand-in metrics source:
// tolerance, min/max, the scale-down stabilization window, the conditions and events in Kubernetes' words, a
// missing target and missing metrics.
import { beforeEach, describe, expect, it } from "vitest";
import type { Pod } from "../../../../src/api/schemas";
import type { HorizontalPodAutoscaler } from "../../../../src/api/schemas/autoscaling/horizontalpodautoscaler";
import { EventRecorder } from "../../../../src/cluster/control-loop/event-recorder";
import { Indexes } from "../../../../src/cluster/control-loop/indexes";
import type { ControllerContext } from "../../../../src/cluster/control-loop/types";
import { syncAutoscaler } from "../../../../src/cluster/controllers/podautoscaler/controller";
import { emptyHistory, type AutoscalerHistory } from "../../../../src/cluster/controllers/podautoscaler/normalize";
import { deployments } from "../../../../src/cluster/registry/deployments";
import { events } from "../../../../src/cluster/registry/events";
import { horizontalPodAutoscalers } from "../../../../src/cluster/registry/horizontalpodautoscalers";
import type { MetricsSource } from "../../../../src/cluster/registry/metrics/source";
import { pods } from "../../../../src/cluster/registry/pods";
import { paces } from "../../../../src/cluster/timing";
import { rfc3339 } from "../../../../src/runtime/clock";
import { fakeClockStart } from "../../../helpers/fake-clock";
import { nodeCluster, type NodeCluster } from "../../../helpers/node-cluster";

let cluster: NodeCluster;
let usage: Map<string, number>;
let history: AutoscalerHistory;
let now: number;

const metrics: MetricsSource = {
  pod: (pod, nowMs) => {
    const cpu = usage.get(pod.metadata.name!);
    return cpu === undefined ? undefined : { timestampMs: nowMs, windowMs: 15_000, containers: [{ name: "app", cpuMillis: cpu, memoryBytes: 1 << 20 }] };
  },
  node: (_n, _p, nowMs) => ({ timestampMs: nowMs, windowMs: 10_000, cpuMillis: 0, memoryBytes: 0 }),
};

function ctx(): ControllerContext {
  return {
    registry: cluster.registry,
    table: cluster.table,
    now,
    timing: paces.realistic,
    events: new EventRecorder(cluster.registry, events, rfc3339),
    indexes: new Indexes(cluster.store),
    cluster: { name: "test", workers: 1, nodeResources: { cpu: "2", memory: "4Gi", pods: 110 }, pace: "realistic" },
  };
}

function deployment(replicas: number) {
  cluster.registry.create(deployments, "default", {
    metadata: { name: "web" },
    spec: {
      replicas,
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: "100m" } } }] } },
    },
  });
}

function runningPod(name: string, cpu?: number): void {
  const created = cluster.registry.create(pods, "default", {
    metadata: { name, labels: { app: "web" } },
    spec: { containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: "100m" } } }] },
  } as Pod);
  const started = rfc3339(now - 600_000);
  cluster.registry.update(pods, "default", name, { ...created, status: { phase: "Running", startTime: started, conditions: [{ type: "Ready", status: "True", lastTransitionTime: started }] } }, { subresource: "status" });
  if (cpu !== undefined) usage.set(name, cpu);
}

function hpa(spec: Partial<NonNullable<HorizontalPodAutoscaler["spec"]>> = {}): void {
  cluster.registry.create(horizontalPodAutoscalers, "default", {
    metadata: { name: "web" },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" },
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }],
      ...spec,
    },
  });
}

function sync(atMs = now): HorizontalPodAutoscaler {
  now = atMs;
  syncAutoscaler(cluster.registry.get(horizontalPodAutoscalers, "default", "web"), history, ctx(), metrics);
  return cluster.registry.get(horizontalPodAutoscalers, "default", "web");
}

const replicas = () => cluster.registry.get(deployments, "default", "web").spec!.replicas;
const condition = (h: HorizontalPodAutoscaler, type: string) => h.status?.conditions?.find((c) => c.type === type);
const hpaEvents = () =>
  cluster.registry
    .list(events, "default")
    .filter((e) => e.involvedObject.kind === "HorizontalPodAutoscaler")
    .map((e) => [e.type, e.reason, e.message, e.source?.component]);

beforeEach(() => {
  now = fakeClockStart();
  cluster = nodeCluster({ start: now });
  cluster.runUntilIdle();
  usage = new Map();
  history = emptyHistory();
});

describe("the HorizontalPodAutoscaler's sync", () => {
  it("scales up when the utilization is above the target, with the rescale event and status", () => {
    deployment(2);
    runningPod("a", 100);
    runningPod("b", 100);
    hpa();
    const h = sync();
    // 100% of the request against 50%: twice the pods.
    expect(replicas()).toBe(4);
    expect(h.status).toMatchObject({ currentReplicas: 2, desiredReplicas: 4, lastScaleTime: rfc3339(now) });
    expect(h.status?.currentMetrics).toEqual([{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 100, averageValue: "100m" } } }]);
    expect(condition(h, "AbleToScale")).toMatchObject({ status: "True", reason: "SucceededRescale", message: "the HPA controller was able to update the target scale to 4" });
    expect(condition(h, "ScalingActive")).toMatchObject({ status: "True", reason: "ValidMetricFound", message: "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)" });
    expect(condition(h, "ScalingLimited")).toMatchObject({ status: "False", reason: "DesiredWithinRange" });
    expect(hpaEvents()).toEqual([["Normal", "SuccessfulRescale", "New size: 4; reason: cpu resource utilization (percentage of request) above target", "horizontal-pod-autoscaler"]]);
  });

  it("leaves the size alone within the 10% tolerance", () => {
    deployment(2);
    runningPod("a", 54);
    runningPod("b", 54);
    hpa();
    let h = sync();
    expect(replicas()).toBe(2);
    expect(h.status?.currentMetrics?.[0].resource?.current.averageUtilization).toBe(54);
    expect(condition(h, "AbleToScale")).toMatchObject({ reason: "ReadyForNewScale", message: "recommended size matches current size" });
    expect(hpaEvents()).toEqual([]);
    usage.set("a", 60);
    usage.set("b", 60);
    h = sync(now + 15_000);
    expect(replicas()).toBe(3);
  });

  it("keeps to maxReplicas and minReplicas (ScalingLimited), and brings a target outside them back", () => {
    deployment(2);
    runningPod("a", 500);
    runningPod("b", 500);
    hpa({ maxReplicas: 3 });
    let h = sync();
    expect(replicas()).toBe(3);
    expect(condition(h, "ScalingLimited")).toMatchObject({ status: "True", reason: "TooManyReplicas", message: "the desired replica count is more than the maximum replica count" });

    cluster.registry.update(deployments, "default", "web", { ...cluster.registry.get(deployments, "default", "web"), spec: { ...cluster.registry.get(deployments, "default", "web").spec!, replicas: 7 } });
    h = sync(now + 15_000);
    expect(replicas()).toBe(3);
    expect(hpaEvents().at(-1)).toEqual(["Normal", "SuccessfulRescale", "New size: 3; reason: Current number of replicas above Spec.MaxReplicas", "horizontal-pod-autoscaler"]);

    usage.set("a", 0);
    usage.set("b", 0);
    h = sync(now + 400_000);
    expect(replicas()).toBe(1);
    expect(hpaEvents().at(-1)).toEqual(["Normal", "SuccessfulRescale", "New size: 1; reason: All metrics below target", "horizontal-pod-autoscaler"]);
    h = sync(now + 15_000);
    expect(condition(h, "ScalingLimited")).toMatchObject({ status: "True", reason: "TooFewReplicas", message: "the desired replica count is less than the minimum replica count" });
  });

  it("waits out the 5-minute scale-down stabilization window", () => {
    deployment(4);
    for (const name of ["a", "b", "c", "d"]) runningPod(name, 50);
    hpa();
    sync();
    expect(replicas()).toBe(4);
    for (const name of ["a", "b", "c", "d"]) usage.set(name, 10);
    let h = sync(now + 15_000);
    expect(replicas()).toBe(4);
    expect(condition(h, "AbleToScale")).toMatchObject({
      reason: "ScaleDownStabilized",
      message: "recent recommendations were higher than current one, applying the highest recent recommendation",
    });
    h = sync(now + 270_000);
    expect(replicas()).toBe(4);
    h = sync(now + 30_000);
    expect(replicas()).toBe(1);
  });

  it("reports a missing target with FailedGetScale", () => {
    hpa({ scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "nope" } });
    const h = sync();
    expect(condition(h, "AbleToScale")).toMatchObject({ status: "False", reason: "FailedGetScale", message: `the HPA controller was unable to get the target's current scale: deployments.apps "nope" not found` });
    expect(hpaEvents()).toEqual([["Warning", "FailedGetScale", 'deployments.apps "nope" not found', "horizontal-pod-autoscaler"]]);
    cluster.registry.delete(horizontalPodAutoscalers, "default", "web");
    hpa({ scaleTargetRef: { apiVersion: "apps/v1", kind: "Widget", name: "x" } });
    expect(condition(sync(), "AbleToScale")?.message).toBe(`the HPA controller was unable to get the target's current scale: no matches for kind "Widget" in group "apps"`);
  });

  it("reports pods without metrics (FailedGetResourceMetric) and keeps the size", () => {
    deployment(1);
    runningPod("a");
    hpa();
    const h = sync();
    expect(replicas()).toBe(1);
    const error = "failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API";
    expect(condition(h, "ScalingActive")).toMatchObject({ status: "False", reason: "FailedGetResourceMetric", message: `the HPA was unable to compute the replica count: ${error}` });
    expect(h.status?.currentMetrics).toEqual([{ type: "" }]);
    expect(hpaEvents()).toEqual([
      ["Warning", "FailedGetResourceMetric", error, "horizontal-pod-autoscaler"],
      ["Warning", "FailedComputeMetricsReplicas", `invalid metrics (1 invalid out of 1), first error is: ${error}`, "horizontal-pod-autoscaler"],
    ]);
  });

  it("reports a container without a CPU request", () => {
    deployment(1);
    const created = cluster.registry.create(pods, "default", { metadata: { name: "bare", labels: { app: "web" } }, spec: { containers: [{ name: "app", image: "nginx" }] } } as Pod);
    cluster.registry.update(pods, "default", "bare", { ...created, status: { phase: "Running" } }, { subresource: "status" });
    usage.set("bare", 10);
    hpa();
    expect(condition(sync(), "ScalingActive")?.message).toBe("the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container app of Pod bare");
  });
});
