// Small predicates and writers on pod objects the scheduler controller needs.
import { cloneJson } from "../../api/clone";
import type { Pod } from "../../api/schemas/core/pod";
import type { PodCondition } from "../../api/schemas/core/pod-status";

export const defaultSchedulerName = "default-scheduler";

export function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed";
}

export function isAssigned(pod: Pod): boolean {
  return !!pod.spec?.nodeName;
}

/** A pod this scheduler should place: unbound, ours, not being deleted, not finished. */
export function needsScheduling(pod: Pod): boolean {
  if (pod.spec?.nodeName || pod.metadata.deletionTimestamp || isTerminal(pod)) return false;
  return (pod.spec?.schedulerName || defaultSchedulerName) === defaultSchedulerName;
}

export function isGated(pod: Pod): boolean {
  return (pod.spec?.schedulingGates ?? []).length > 0;
}

export interface Condition {
  type: string;
  status: "True" | "False" | "Unknown";
  reason?: string;
  message?: string;
}

/**
 * A copy of the pod with `condition` set (podutil.UpdatePodCondition): lastTransitionTime moves only when the status
 * changes; lastProbeTime stays null.
 */
export function withCondition(pod: Pod, condition: Condition, now: string): Pod {
  const copy = cloneJson(pod);
  const status = (copy.status ??= {});
  const conditions = (status.conditions ??= []);
  const index = conditions.findIndex((c) => c.type === condition.type);
  const old = index >= 0 ? conditions[index] : undefined;
  const next: PodCondition = {
    type: condition.type,
    status: condition.status,
    lastProbeTime: null,
    lastTransitionTime: old && old.status === condition.status ? old.lastTransitionTime : now,
  };
  if (condition.reason) next.reason = condition.reason;
  if (condition.message) next.message = condition.message;
  if (index >= 0) conditions[index] = next;
  else conditions.push(next);
  return copy;
}
