// PriorityClass validation (pkg/apis/scheduling/validation), with the apiserver's messages: reserved `system-`
// names, the ceiling on user values, the preemption policy, and what an update may not change.
import { fieldError, type FieldError } from "../../../api/status";
import { highestUserDefinablePriority, systemClassMismatch, systemPriorityClassPrefix } from "./system";

export interface PriorityClassFields {
  metadata: { name?: string };
  value?: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
}

export const preemptionPolicies = ["PreemptLowerPriority", "Never"];

function preemptionPolicyErrors(policy: string | undefined): FieldError[] {
  if (policy === undefined || preemptionPolicies.includes(policy)) return [];
  if (policy === "") return [fieldError.required("preemptionPolicy")];
  return [fieldError.notSupported("preemptionPolicy", policy, preemptionPolicies)];
}

export function validatePriorityClass(pc: PriorityClassFields): FieldError[] {
  const errors: FieldError[] = [];
  const name = pc.metadata.name ?? "";
  const value = pc.value ?? 0;
  if (name.startsWith(systemPriorityClassPrefix)) {
    const mismatch = systemClassMismatch(name, value, pc.globalDefault === true);
    if (mismatch) {
      errors.push(
        fieldError.forbidden("metadata.name", `priority class names with '${systemPriorityClassPrefix}' prefix are reserved for system use only. error: ${mismatch}`),
      );
    }
  } else if (value > highestUserDefinablePriority) {
    errors.push(fieldError.forbidden("value", `maximum allowed value of a user defined priority is ${highestUserDefinablePriority}`));
  }
  errors.push(...preemptionPolicyErrors(pc.preemptionPolicy));
  return errors;
}

/** value and preemptionPolicy are immutable. */
export function validatePriorityClassUpdate(pc: PriorityClassFields, old: PriorityClassFields): FieldError[] {
  const errors: FieldError[] = [];
  if ((pc.value ?? 0) !== (old.value ?? 0)) errors.push(fieldError.forbidden("value", "may not be changed in an update."));
  if (pc.preemptionPolicy !== old.preemptionPolicy) {
    errors.push(fieldError.invalid("preemptionPolicy", pc.preemptionPolicy ?? null, "field is immutable"));
  }
  return errors;
}
