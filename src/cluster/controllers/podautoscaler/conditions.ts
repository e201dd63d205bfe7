// The HorizontalPodAutoscaler's status conditions as the podautoscaler sets them (setCondition): one per type, in the
// order first set; the transition time moves only when the status changes.
import type { HorizontalPodAutoscalerStatus } from "../../../api/schemas/autoscaling/horizontalpodautoscaler";

export type ConditionType = "AbleToScale" | "ScalingActive" | "ScalingLimited";
type Conditions = NonNullable<HorizontalPodAutoscalerStatus["conditions"]>;

export function setCondition(
  conditions: Conditions,
  type: ConditionType,
  status: "True" | "False",
  reason: string,
  message: string,
  now: string,
): void {
  const existing = conditions.find((c) => c.type === type);
  if (!existing) {
    conditions.push({ type, status, lastTransitionTime: now, reason, message });
    return;
  }
  if (existing.status !== status) existing.lastTransitionTime = now;
  existing.status = status;
  existing.reason = reason;
  existing.message = message;
}
