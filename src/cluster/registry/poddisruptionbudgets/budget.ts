// What the eviction subresource and the disruption controller both read from a budget: which pods it guards (a null
// selector none, an empty one every pod of its namespace) and its DisruptionAllowed condition, kept as
// pdbhelper.UpdateDisruptionAllowedCondition keeps it (apimeta.SetStatusCondition: the transition time moves only
// when the status does).
import type { KubeObject } from "../../../api/object";
import type { Condition } from "../../../api/schemas/meta";
import type { PodDisruptionBudgetStatus } from "../../../api/schemas/policy/poddisruptionbudget";
import type { LabelMatcher } from "../../../api/selectors/label-selector";
import { labelSelectorOrNothing } from "../../../api/selectors/selector-or-nothing";
import type { PdbFields } from "./validation";

export const disruptionAllowedCondition = "DisruptionAllowed";

export function budgetSelector(pdb: PdbFields): LabelMatcher {
  return labelSelectorOrNothing(pdb.spec?.selector);
}

export function guards(pdb: PdbFields, pod: KubeObject): boolean {
  return pdb.metadata.namespace === pod.metadata.namespace && budgetSelector(pdb).matches(pod.metadata.labels ?? {});
}

/** The DisruptionAllowed condition a status should carry: True/SufficientPods when disruptions are allowed. */
function wanted(status: PodDisruptionBudgetStatus): Pick<Condition, "status" | "reason"> {
  return (status.disruptionsAllowed ?? 0) > 0 ? { status: "True", reason: "SufficientPods" } : { status: "False", reason: "InsufficientPods" };
}

/** UpdateDisruptionAllowedCondition: set the condition from disruptionsAllowed in `status` (mutated), at `now` (RFC 3339). */
export function updateDisruptionAllowedCondition(status: PodDisruptionBudgetStatus, now: string): void {
  setCondition(status, { type: disruptionAllowedCondition, ...wanted(status), message: "" }, now);
}

/** apimeta.SetStatusCondition with the status's observedGeneration on the condition. */
export function setCondition(status: PodDisruptionBudgetStatus, condition: Pick<Condition, "type" | "status" | "reason" | "message">, now: string): void {
  const conditions = (status.conditions ??= []);
  const index = conditions.findIndex((c) => c.type === condition.type);
  const old = index >= 0 ? conditions[index] : undefined;
  const next: Condition = {
    type: condition.type,
    status: condition.status,
    ...(status.observedGeneration ? { observedGeneration: status.observedGeneration } : {}),
    lastTransitionTime: old && old.status === condition.status && old.lastTransitionTime ? old.lastTransitionTime : now,
    reason: condition.reason,
    message: condition.message,
  };
  if (old) conditions[index] = next;
  else conditions.push(next);
}

/** ConditionsAreUpToDate: the condition exists, the status is of this generation, and it agrees with disruptionsAllowed. */
export function conditionsUpToDate(pdb: PdbFields): boolean {
  const status = pdb.status ?? {};
  const condition = (status.conditions ?? []).find((c) => c.type === disruptionAllowedCondition);
  if (!condition || (status.observedGeneration ?? 0) !== (pdb.metadata.generation ?? 0)) return false;
  const { status: want, reason } = wanted(status);
  return condition.status === want && condition.reason === reason;
}
