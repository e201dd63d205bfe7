// PodDisruptionBudget validation (pkg/apis/policy/validation), with the apiserver's messages: minAvailable and
// maxUnavailable exclusive, each a non-negative count or a percentage up to 100%, a valid selector, a known
// unhealthyPodEvictionPolicy; on status writes, non-negative counts and well-formed metav1 conditions.
import type { KubeObject } from "../../../api/object";
import type { PodDisruptionBudgetSpec, PodDisruptionBudgetStatus } from "../../../api/schemas/policy/poddisruptionbudget";
import { fieldError, type FieldError } from "../../../api/status";
import { validateLabelName, validateLabelSelector } from "../../../api/validation/labels";
import { invalidRendered, nonNegative } from "../pod-template";

export interface PdbFields extends KubeObject {
  spec?: PodDisruptionBudgetSpec;
  status?: PodDisruptionBudgetStatus;
}

export const unhealthyPodEvictionPolicies = ["AlwaysAllow", "IfHealthyBudget"];

const percent = /^[0-9]+%$/;
const percentMessage =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

export function validatePdb(pdb: PdbFields): FieldError[] {
  const spec = pdb.spec ?? {};
  const errors: FieldError[] = [];
  if (spec.minAvailable != null && spec.maxUnavailable != null) {
    errors.push(invalidRendered("spec", goPdbSpec(spec), "minAvailable and maxUnavailable cannot be both set"));
  }
  if (spec.minAvailable != null) errors.push(...intOrPercentErrors(spec.minAvailable, "spec.minAvailable"));
  if (spec.maxUnavailable != null) errors.push(...intOrPercentErrors(spec.maxUnavailable, "spec.maxUnavailable"));
  errors.push(...validateLabelSelector(spec.selector, "spec.selector"));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy != null && !unhealthyPodEvictionPolicies.includes(policy)) {
    errors.push(fieldError.notSupported("spec.unhealthyPodEvictionPolicy", policy, unhealthyPodEvictionPolicies));
  }
  return errors;
}

/** ValidatePodDisruptionBudgetStatusUpdate for policy/v1. */
export function validatePdbStatus(pdb: PdbFields): FieldError[] {
  const status = pdb.status ?? {};
  return [
    ...conditionErrors(status.conditions ?? [], "status.conditions"),
    ...nonNegative("status.disruptionsAllowed", status.disruptionsAllowed),
    ...nonNegative("status.currentHealthy", status.currentHealthy),
    ...nonNegative("status.desiredHealthy", status.desiredHealthy),
    ...nonNegative("status.expectedPods", status.expectedPods),
  ];
}

/** ValidatePositiveIntOrPercent and IsNotMoreThan100Percent; the value shows as Go prints an intstr.IntOrString. */
function intOrPercentErrors(value: number | string, field: string): FieldError[] {
  if (typeof value === "number") return nonNegative(field, value);
  if (!percent.test(value)) return [invalidRendered(field, goIntOrString(value), percentMessage)];
  return parseInt(value, 10) > 100 ? [invalidRendered(field, goIntOrString(value), "must not be greater than 100%")] : [];
}

function goIntOrString(value: string): string {
  return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(value)}}`;
}

/**
 * Go's `%#v` of the internal PodDisruptionBudgetSpec, as the "both set" error shows it: its pointer fields print as
 * addresses. The addresses here are stand-ins of the same form (a real apiserver prints wherever the value lives).
 */
function goPdbSpec(spec: PodDisruptionBudgetSpec): string {
  const pointer = (type: string, set: boolean, address: string) => `(*${type})(${set ? address : "nil"})`;
  return (
    "policy.PodDisruptionBudgetSpec{" +
    `MinAvailable:${pointer("intstr.IntOrString", spec.minAvailable != null, "0xc000a1c0e0")}, ` +
    `Selector:${pointer("v1.LabelSelector", spec.selector != null, "0xc000a1c100")}, ` +
    `MaxUnavailable:${pointer("intstr.IntOrString", spec.maxUnavailable != null, "0xc000a1c120")}, ` +
    `UnhealthyPodEvictionPolicy:${pointer("policy.UnhealthyPodEvictionPolicyType", spec.unhealthyPodEvictionPolicy != null, "0xc000a1c140")}}`
  );
}

const conditionStatuses = ["False", "True", "Unknown"];
const reasonPattern = /^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$/;
const reasonMessage =
  "a condition reason must start with alphabetic character, optionally followed by a string of alphanumeric characters or '_,:', and must end with an alphanumeric character or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName',  or 'ReasonA,ReasonB',  or 'ReasonA:ReasonB', regex used for validation is '[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?')";

/** metav1 validation.ValidateConditions. */
function conditionErrors(conditions: NonNullable<PodDisruptionBudgetStatus["conditions"]>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  conditions.forEach((c, i) => {
    const at = `${path}[${i}]`;
    errors.push(...validateLabelName(c.type ?? "", `${at}.type`));
    if (!conditionStatuses.includes(c.status)) errors.push(fieldError.notSupported(`${at}.status`, c.status ?? "", conditionStatuses));
    if ((c.observedGeneration ?? 0) < 0) {
      errors.push(fieldError.invalid(`${at}.observedGeneration`, c.observedGeneration, "must be greater than or equal to zero"));
    }
    if (!c.lastTransitionTime) errors.push(fieldError.required(`${at}.lastTransitionTime`, "must be set"));
    if (!c.reason) errors.push(fieldError.required(`${at}.reason`, "must be set"));
    else if (!reasonPattern.test(c.reason)) errors.push(fieldError.invalid(`${at}.reason`, c.reason, reasonMessage));
    else if (c.reason.length > 1024) errors.push(fieldError.tooLong(`${at}.reason`, 1024));
    if ((c.message ?? "").length > 32768) errors.push(fieldError.tooLong(`${at}.message`, 32768));
    if (seen.has(c.type)) errors.push(fieldError.duplicate(`${at}.type`, c.type));
    seen.add(c.type);
  });
  return errors;
}
