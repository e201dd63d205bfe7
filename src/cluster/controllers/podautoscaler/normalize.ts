// The podautoscaler's normalization of a metric recommendation (pkg/controller/podautoscaler/horizontal.go): the
// stabilization windows over past recommendations, the scale rate limits (the behaviour's policies over past scale
// events, or without a behaviour the legacy max(2×current, 4)), the min/max clamp, and the AbleToScale and
// ScalingLimited conditions each step sets. The history is the controller's memory of one autoscaler.
import type { HPAScalingRules } from "../../../api/schemas/autoscaling/horizontalpodautoscaler";
import { defaultScaleDownRules, defaultScaleUpRules } from "../../registry/horizontalpodautoscalers/defaults";

/** horizontal-pod-autoscaler-downscale-stabilization (5 min). */
export const downscaleStabilizationMs = 300_000;

export interface Recommendation {
  at: number;
  replicas: number;
}
export interface ScaleEvent {
  at: number;
  change: number;
}

/** What the controller remembers of one autoscaler between syncs. */
export interface AutoscalerHistory {
  recommendations: Recommendation[];
  scaleUpEvents: ScaleEvent[];
  scaleDownEvents: ScaleEvent[];
}

export const emptyHistory = (): AutoscalerHistory => ({ recommendations: [], scaleUpEvents: [], scaleDownEvents: [] });

export interface ConditionUpdate {
  type: "AbleToScale" | "ScalingLimited";
  status: "True" | "False";
  reason: string;
  message: string;
}

export interface Normalized {
  replicas: number;
  conditions: ConditionUpdate[];
}

export interface NormalizeArgs {
  now: number;
  currentReplicas: number;
  /** The metrics' recommendation before normalization. */
  desiredReplicas: number;
  minReplicas: number;
  maxReplicas: number;
  behavior?: { scaleUp?: HPAScalingRules; scaleDown?: HPAScalingRules };
  /** The controller's downscale stabilization (the pace's; 5 min when absent). */
  downscaleStabilizationMs?: number;
}

const withinRange = { reason: "DesiredWithinRange", message: "the desired count is within the acceptable range" };
const tooMany = { reason: "TooManyReplicas", message: "the desired replica count is more than the maximum replica count" };
const tooFew = { reason: "TooFewReplicas", message: "the desired replica count is less than the minimum replica count" };
const upLimit = { reason: "ScaleUpLimit", message: "the desired replica count is increasing faster than the maximum scale rate" };
const downLimit = { reason: "ScaleDownLimit", message: "the desired replica count is decreasing faster than the maximum scale rate" };
const upStabilized = { reason: "ScaleUpStabilized", message: "recent recommendations were lower than current one, applying the lowest recent recommendation" };
const downStabilized = { reason: "ScaleDownStabilized", message: "recent recommendations were higher than current one, applying the highest recent recommendation" };
const readyForNewScale = { reason: "ReadyForNewScale", message: "recommended size matches current size" };

/** normalizeDesiredReplicas or normalizeDesiredReplicasWithBehaviors; records the recommendation in `history`. */
export function normalizeDesiredReplicas(args: NormalizeArgs, history: AutoscalerHistory): Normalized {
  const { stabilized, stabilizedWhy } = args.behavior ? stabilizeWithBehavior(args, history) : stabilizeLegacy(args, history);
  const ableToScale = stabilized !== args.desiredReplicas ? stabilizedWhy : readyForNewScale;
  const limited = args.behavior
    ? rateLimitWithBehavior({ ...args, desiredReplicas: stabilized }, history)
    : rateLimitLegacy({ ...args, desiredReplicas: stabilized });
  return {
    replicas: limited.replicas,
    conditions: [
      { type: "AbleToScale", status: "True", ...ableToScale },
      { type: "ScalingLimited", status: limited.replicas === stabilized ? "False" : "True", reason: limited.reason, message: limited.message },
    ],
  };
}

/** Records a rescale for the behaviour's rate limits (storeScaleEvent). */
export function recordScaleEvent(history: AutoscalerHistory, now: number, from: number, to: number, behavior: NormalizeArgs["behavior"]): void {
  if (!behavior) return;
  const longest = (rules: HPAScalingRules | undefined) => Math.max(0, ...(rules?.policies ?? []).map((p) => p.periodSeconds)) * 1000;
  if (to > from) {
    history.scaleUpEvents = history.scaleUpEvents.filter((e) => e.at > now - longest(behavior.scaleUp));
    history.scaleUpEvents.push({ at: now, change: to - from });
  } else if (to < from) {
    history.scaleDownEvents = history.scaleDownEvents.filter((e) => e.at > now - longest(behavior.scaleDown));
    history.scaleDownEvents.push({ at: now, change: from - to });
  }
}

function record(history: AutoscalerHistory, rec: Recommendation, isOld: (r: Recommendation) => boolean): void {
  const old = history.recommendations.findIndex(isOld);
  if (old >= 0) history.recommendations[old] = rec;
  else history.recommendations.push(rec);
}

/** stabilizeRecommendation: the highest recommendation of the last 5 minutes. */
function stabilizeLegacy(args: NormalizeArgs, history: AutoscalerHistory) {
  const cutoff = args.now - (args.downscaleStabilizationMs ?? downscaleStabilizationMs);
  let max = args.desiredReplicas;
  for (const r of history.recommendations) if (r.at >= cutoff && r.replicas > max) max = r.replicas;
  record(history, { at: args.now, replicas: args.desiredReplicas }, (r) => r.at < cutoff);
  return { stabilized: max, stabilizedWhy: downStabilized };
}

/** stabilizeRecommendationWithBehaviors: within [lowest of the up window, highest of the down window]. */
function stabilizeWithBehavior(args: NormalizeArgs, history: AutoscalerHistory) {
  const upWindow = (args.behavior?.scaleUp?.stabilizationWindowSeconds ?? 0) * 1000;
  const setWindow = args.behavior?.scaleDown?.stabilizationWindowSeconds;
  const downWindow = setWindow != null ? setWindow * 1000 : (args.downscaleStabilizationMs ?? downscaleStabilizationMs);
  const upCutoff = args.now - upWindow;
  const downCutoff = args.now - downWindow;
  let up = args.desiredReplicas;
  let down = args.desiredReplicas;
  for (const r of history.recommendations) {
    if (r.at > upCutoff) up = Math.min(up, r.replicas);
    if (r.at > downCutoff) down = Math.max(down, r.replicas);
  }
  let stabilized = Math.max(args.currentReplicas, up);
  stabilized = Math.min(stabilized, down);
  record(history, { at: args.now, replicas: args.desiredReplicas }, (r) => r.at < upCutoff && r.at < downCutoff);
  return { stabilized, stabilizedWhy: args.desiredReplicas >= args.currentReplicas ? upStabilized : downStabilized };
}

/** convertDesiredReplicasWithRules: min/max, and at most max(2×current, 4) up. */
function rateLimitLegacy(args: NormalizeArgs) {
  const scaleUpLimit = Math.max(2 * args.currentReplicas, 4);
  const [maximum, limitedBy] = args.maxReplicas > scaleUpLimit ? [scaleUpLimit, upLimit] : [args.maxReplicas, tooMany];
  if (args.desiredReplicas < args.minReplicas) return { replicas: args.minReplicas, ...tooFew };
  if (args.desiredReplicas > maximum) return { replicas: maximum, ...limitedBy };
  return { replicas: args.desiredReplicas, ...withinRange };
}

/** convertDesiredReplicasWithBehaviorRate. */
function rateLimitWithBehavior(args: NormalizeArgs, history: AutoscalerHistory) {
  const current = args.currentReplicas;
  if (args.desiredReplicas > current) {
    const rules = args.behavior?.scaleUp ?? defaultScaleUpRules();
    const limit = Math.max(scaleLimit(current, history, rules, args.now, "up"), current);
    const [maximum, limitedBy] = args.maxReplicas > limit ? [limit, upLimit] : [args.maxReplicas, tooMany];
    if (args.desiredReplicas > maximum) return { replicas: maximum, ...limitedBy };
  } else if (args.desiredReplicas < current) {
    const rules = args.behavior?.scaleDown ?? defaultScaleDownRules();
    const limit = Math.min(scaleLimit(current, history, rules, args.now, "down"), current);
    const [minimum, limitedBy] = args.minReplicas < limit ? [limit, downLimit] : [args.minReplicas, tooFew];
    if (args.desiredReplicas < minimum) return { replicas: minimum, ...limitedBy };
  }
  return { replicas: args.desiredReplicas, ...withinRange };
}

/** calculateScaleUpLimitWithScalingRules / calculateScaleDownLimitWithBehaviors. */
function scaleLimit(current: number, history: AutoscalerHistory, rules: HPAScalingRules, now: number, direction: "up" | "down"): number {
  if (rules.selectPolicy === "Disabled") return current;
  // Up: Max takes the largest proposal; down: Max takes the smallest (the largest change).
  const takeLargest = (rules.selectPolicy === "Min") === (direction === "down");
  let result = takeLargest ? -Infinity : Infinity;
  for (const policy of rules.policies ?? []) {
    const cutoff = now - policy.periodSeconds * 1000;
    const added = history.scaleUpEvents.filter((e) => e.at > cutoff).reduce((s, e) => s + e.change, 0);
    const deleted = history.scaleDownEvents.filter((e) => e.at > cutoff).reduce((s, e) => s + e.change, 0);
    const start = current - added + deleted;
    const proposed =
      direction === "up"
        ? policy.type === "Pods" ? start + policy.value : Math.ceil(start * (1 + policy.value / 100))
        : policy.type === "Pods" ? start - policy.value : Math.trunc(start * (1 - policy.value / 100));
    result = takeLargest ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}
