// Small predicates and writers on pod objects the scheduler controller needs.
import type { KubeObject } from "../../api/object";
import { cloneJson } from "../../api/clone";

type Json = Record<string, any>;

export const defaultSchedulerName = "default-scheduler";

export function isTerminal(pod: KubeObject): boolean {
  const phase = (pod.status as Json | undefined)?.phase;
  return phase === "Succeeded" || phase === "Failed";
}

export function isAssigned(pod: KubeObject): boolean {
  return !!(pod.spec as Json | undefined)?.nodeName;
}

/** A pod this scheduler should place: unbound, ours, not being deleted, not finished. */
export function needsScheduling(pod: KubeObject): boolean {
  const spec = (pod.spec ?? {}) as Json;
  if (spec.nodeName || pod.metadata.deletionTimestamp || isTerminal(pod)) return false;
  return (spec.schedulerName || defaultSchedulerName) === defaultSchedulerName;
}

export function isGated(pod: KubeObject): boolean {
  return ((pod.spec as Json | undefined)?.schedulingGates ?? []).length > 0;
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
export function withCondition(pod: KubeObject, condition: Condition, now: string): KubeObject {
  const copy = cloneJson(pod);
  const status = (copy.status ??= {}) as Json;
  const conditions: Json[] = (status.conditions ??= []);
  const index = conditions.findIndex((c) => c.type === condition.type);
  const old = index >= 0 ? conditions[index] : undefined;
  const next: Json = {
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
