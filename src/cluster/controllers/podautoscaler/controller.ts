// The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler/horizontal.go, reconcileAutoscaler): every
// sync period (15 s; the pace's hpaSyncMs) it reads the target's scale, computes the replicas its metrics ask for from
// the pods' usage (the same source metrics.k8s.io serves), normalizes them (stabilization windows, rate limits,
// min/max), scales the target through its scale subresource's semantics, and writes the status, the AbleToScale /
// ScalingActive / ScalingLimited conditions and the events Kubernetes writes.
//
// Cost: nothing without an HPA (no timer, no key). With HPAs, one wake-up per sync period, on a grid shared by all
// of them (so all HPAs of a cluster share one alarm), plus the timer row that wake-up rewrites; a status write and
// events only when something changed or failed. As in Kubernetes, an HPA's changes do not make it sync sooner:
// created or edited, it waits for its next period.
import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerStatus } from "../../../api/schemas/autoscaling/horizontalpodautoscaler";
import type { Pod } from "../../../api/schemas";
import { cloneJson } from "../../../api/clone";
import { deepEqual } from "../../../api/json-equal";
import { parseLabelSelector } from "../../../api/selectors/label-selector";
import { rfc3339 } from "../../../runtime/clock";
import { horizontalPodAutoscalers } from "../../registry/horizontalpodautoscalers";
import { metricsServerReady } from "../../registry/metrics";
import type { MetricsSource } from "../../registry/metrics/source";
import { pods } from "../../registry/pods";
import type { Controller, ControllerContext, ReconcileResult } from "../../control-loop/types";
import { keyOf, splitKey } from "../../control-loop/types";
import { setCondition } from "./conditions";
import { emptyHistory, normalizeDesiredReplicas, recordScaleEvent, type AutoscalerHistory } from "./normalize";
import { replicasForMetrics } from "./resource-metrics";
import { scaleTarget } from "./scale-target";

const source = { component: "horizontal-pod-autoscaler" };

interface Memory {
  /** When the HPA is synced next (wall-clock ms). */
  nextSyncAt: number;
  history: AutoscalerHistory;
  uid: string;
}

/** The next moment of the sync grid after `now`. */
export const nextSync = (now: number, periodMs: number) => (Math.floor(now / periodMs) + 1) * periodMs;

export class HorizontalPodAutoscalerController implements Controller {
  readonly name = "horizontal-pod-autoscaler";
  readonly for = horizontalPodAutoscalers;
  /** What the controller remembers of each HPA (lost on a restart, as the controller's own memory is). */
  private readonly memory = new Map<string, Memory>();

  constructor(private readonly metrics: MetricsSource) {}

  resync(ctx: ControllerContext): string[] {
    return ctx.registry.list(horizontalPodAutoscalers).map(keyOf);
  }

  reconcile(key: string, ctx: ControllerContext): ReconcileResult {
    const { namespace, name } = splitKey(key);
    const hpa = ctx.registry.tryGet(horizontalPodAutoscalers, namespace, name);
    const period = ctx.timing.hpaSyncMs;
    if (!hpa) {
      this.memory.delete(key);
      return;
    }
    let memory = this.memory.get(key);
    if (!memory || memory.uid !== hpa.metadata.uid) {
      memory = { nextSyncAt: nextSync(ctx.now, period), history: emptyHistory(), uid: hpa.metadata.uid! };
      this.memory.set(key, memory);
    }
    if (ctx.now < memory.nextSyncAt) return { requeueAt: memory.nextSyncAt };
    if (!hpa.metadata.deletionTimestamp) syncAutoscaler(hpa, memory.history, ctx, this.metrics);
    memory.nextSyncAt = nextSync(ctx.now, period);
    return { requeueAt: memory.nextSyncAt };
  }
}

/** reconcileAutoscaler for one HPA at `ctx.now`. */
export function syncAutoscaler(hpa: HorizontalPodAutoscaler, history: AutoscalerHistory, ctx: ControllerContext, metrics: MetricsSource): void {
  const now = rfc3339(ctx.now);
  const namespace = hpa.metadata.namespace!;
  const spec = hpa.spec!;
  const original = hpa.status ?? { desiredReplicas: 0 };
  const conditions = cloneJson(original.conditions ?? []);
  const condition = (type: "AbleToScale" | "ScalingActive" | "ScalingLimited", status: "True" | "False", reason: string, message: string) =>
    setCondition(conditions, type, status, reason, message, now);
  const event = (type: "Normal" | "Warning", reason: string, message: string) => ctx.events.record(hpa, ctx.now, type, reason, message, source);
  const write = (status: HorizontalPodAutoscalerStatus) => {
    const next = { ...status, conditions };
    if (deepEqual(next, original)) return;
    ctx.registry.update(horizontalPodAutoscalers, namespace, hpa.metadata.name!, { ...hpa, status: next }, { subresource: "status" });
  };
  const statusWith = (currentReplicas: number, desiredReplicas: number, currentMetrics: HorizontalPodAutoscalerStatus["currentMetrics"], lastScaleTime = original.lastScaleTime) => ({
    ...(lastScaleTime ? { lastScaleTime } : {}),
    currentReplicas,
    desiredReplicas,
    ...(currentMetrics?.length ? { currentMetrics } : {}),
  });

  const lookup = scaleTarget(ctx, namespace, spec.scaleTargetRef);
  if ("error" in lookup) {
    event("Warning", "FailedGetScale", lookup.error);
    condition("AbleToScale", "False", "FailedGetScale", `the HPA controller was unable to get the target's current scale: ${lookup.error}`);
    write({ ...original, conditions });
    return;
  }
  const { target } = lookup;
  condition("AbleToScale", "True", "SucceededGetScale", "the HPA controller was able to get the target's current scale");
  const currentReplicas = target.scale.specReplicas(target.object);
  // recordInitialRecommendation: the current size counts as a recommendation from the first sync on.
  if (!history.recommendations.length) history.recommendations.push({ at: ctx.now, replicas: currentReplicas });
  const minReplicas = spec.minReplicas ?? 1;
  const maxReplicas = spec.maxReplicas;

  let desiredReplicas = 0;
  let rescaleReason = "";
  let statuses: HorizontalPodAutoscalerStatus["currentMetrics"] = [];
  let rescale = true;
  if (currentReplicas === 0 && minReplicas !== 0) {
    rescale = false;
    condition("ScalingActive", "False", "ScalingDisabled", "scaling is disabled since the replica count of the target is zero");
  } else if (currentReplicas > maxReplicas) {
    rescaleReason = "Current number of replicas above Spec.MaxReplicas";
    desiredReplicas = maxReplicas;
  } else if (currentReplicas < minReplicas) {
    rescaleReason = "Current number of replicas below Spec.MinReplicas";
    desiredReplicas = minReplicas;
  } else {
    const selector = target.scale.selector(target.object);
    if (!selector) {
      event("Warning", "SelectorRequired", "selector is required");
      condition("ScalingActive", "False", "InvalidSelector", "the HPA target's scale is missing a selector");
      write(statusWith(currentReplicas, original.desiredReplicas, original.currentMetrics));
      return;
    }
    const matcher = parseLabelSelector(selector);
    const targetPods = ctx.registry.list(pods, namespace).filter((p: Pod) => matcher.matches(p.metadata.labels ?? {}));
    const result = replicasForMetrics(spec.metrics ?? [], {
      specReplicas: currentReplicas,
      pods: targetPods,
      now: ctx.now,
      metrics,
      metricsAvailable: metricsServerReady(ctx.registry),
    });
    statuses = result.statuses;
    for (const w of result.warnings) event("Warning", w.reason, w.message);
    condition("ScalingActive", result.scalingActive.status, result.scalingActive.reason, result.scalingActive.message);
    if (result.replicas === -1) {
      write(statusWith(currentReplicas, original.desiredReplicas, statuses));
      event("Warning", "FailedComputeMetricsReplicas", result.error!);
      return;
    }
    let rescaleMetric = "";
    if (result.replicas > desiredReplicas) {
      desiredReplicas = result.replicas;
      rescaleMetric = result.metricName;
    }
    if (desiredReplicas > currentReplicas) rescaleReason = `${rescaleMetric} above target`;
    if (desiredReplicas < currentReplicas) rescaleReason = "All metrics below target";
    const normalized = normalizeDesiredReplicas(
      {
        now: ctx.now,
        currentReplicas,
        desiredReplicas,
        minReplicas,
        maxReplicas,
        behavior: spec.behavior,
        downscaleStabilizationMs: ctx.timing.hpaDownscaleStabilizationMs,
      },
      history,
    );
    for (const c of normalized.conditions) condition(c.type, c.status, c.reason, c.message);
    desiredReplicas = normalized.replicas;
  }
  rescale = rescale && desiredReplicas !== currentReplicas;

  if (rescale) {
    try {
      const scaled = cloneJson(target.object);
      target.scale.setSpecReplicas(scaled, desiredReplicas);
      ctx.registry.update(target.def, namespace, target.object.metadata.name!, scaled);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      event("Warning", "FailedRescale", `New size: ${desiredReplicas}; reason: ${rescaleReason}; error: ${message}`);
      condition("AbleToScale", "False", "FailedUpdateScale", `the HPA controller was unable to update the target scale: ${message}`);
      write(statusWith(currentReplicas, original.desiredReplicas, statuses));
      return;
    }
    condition("AbleToScale", "True", "SucceededRescale", `the HPA controller was able to update the target scale to ${desiredReplicas}`);
    event("Normal", "SuccessfulRescale", `New size: ${desiredReplicas}; reason: ${rescaleReason}`);
    recordScaleEvent(history, ctx.now, currentReplicas, desiredReplicas, spec.behavior);
    write(statusWith(currentReplicas, desiredReplicas, statuses, now));
    return;
  }
  write(statusWith(currentReplicas, currentReplicas === 0 && minReplicas !== 0 ? 0 : currentReplicas, statuses));
}
