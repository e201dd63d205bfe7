// What every kind that embeds a pod template or a selector shares (Deployments, ReplicaSets, ReplicationControllers,
// DaemonSets, Jobs, CronJobs, PodTemplates): template defaulting and validation, non-negative counts, and the Go
// `%#v` renderings the apiserver's messages embed (`map[string]string{"app":"x"}`).
import type { PodTemplateSpec } from "../../api/schemas/core/pod";
import type { PodSpec } from "../../api/schemas/core/pod-spec";
import { labelSelectorFromObject, type LabelSelector } from "../../api/selectors/label-selector";
import { fieldError, type FieldError } from "../../api/status";
import { validateLabels } from "../../api/validation/labels";
import { defaultPodSpec } from "./pods/defaults";
import { validateContainers } from "./pods/strategy";

/** Go's `%#v` of a map[string]string (keys sorted, as fmt prints maps). */
export function goStringMap(map: Record<string, string> | null | undefined): string {
  if (!map) return "map[string]string(nil)";
  const entries = Object.keys(map).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(map[k])}`);
  return `map[string]string{${entries.join(", ")}}`;
}

/** Go's `%#v` of a metav1.LabelSelector, as field errors about selectors show it. */
export function goLabelSelector(selector: LabelSelector | null | undefined): string {
  const s = selector ?? {};
  const exprs = s.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${s.matchExpressions
        .map((e) => {
          const values = e.values ? `[]string{${e.values.map((v) => JSON.stringify(v)).join(", ")}}` : "[]string(nil)";
          return `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${values}}`;
        })
        .join(", ")}}`
    : "[]v1.LabelSelectorRequirement(nil)";
  return `v1.LabelSelector{MatchLabels:${goStringMap(s.matchLabels)}, MatchExpressions:${exprs}}`;
}

/** A field error whose value is already rendered (Go `%#v`). */
export function invalidRendered(field: string, rendered: string, detail: string): FieldError {
  return { type: "FieldValueInvalid", field, message: `Invalid value: ${rendered}: ${detail}` };
}

/** ValidateNonnegativeField for optional integers. */
export function nonNegative(field: string, value: unknown): FieldError[] {
  return typeof value === "number" && value < 0 ? [fieldError.invalid(field, value, "must be greater than or equal to 0")] : [];
}

/**
 * Go's zero value of a struct field the API requires (a Deployment's spec, a template's pod spec): a body without it
 * is defaulted as if it held an empty one, and validation then reports what is missing. Typed as the full struct for
 * the defaulting code; what it lacks is validation's to find.
 */
export function zeroValue<T extends object>(): T {
  return {} as T;
}

/** Pod defaults inside a template (SetDefaults_PodSpec and friends run on templates too). */
export function defaultPodTemplate(template: PodTemplateSpec | undefined): void {
  if (!template) return;
  defaultPodSpec((template.spec ??= zeroValue<PodSpec>()));
}

/** ValidatePodTemplateSpec: template labels and annotations, and the pod spec as for a pod. */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, path: string): FieldError[] {
  const t = template ?? {};
  return [
    ...validateLabels(t.metadata?.labels, `${path}.metadata.labels`),
    ...validateContainers(t.spec ?? {}, `${path}.spec`),
  ];
}

/** `app=web` for the `scale` subresource's status.selector; "" for none. */
export function selectorString(selector: LabelSelector | null | undefined): string {
  try {
    return labelSelectorFromObject(selector).toString();
  } catch {
    return "";
  }
}
