// Checks shared by DaemonSets, Jobs and CronJobs: template validation, restart policies, the selector-matches-template
// rule and immutable fields, with the apiserver's wording.
import type { PodTemplateSpec } from "../../../api/schemas/core/pod";
import { labelSelectorFromObject, type LabelSelector } from "../../../api/selectors/label-selector";
import { fieldError, type FieldError } from "../../../api/status";
import { validateLabelSelector } from "../../../api/validation/labels";
import { deepEqual } from "../../../api/json-equal";
import { goStringMap, invalidRendered, validatePodTemplateSpec } from "../pod-template";

/** A template's pod spec validated like a pod's; `path` is e.g. `spec.template`. */
export function validatePodTemplate(template: PodTemplateSpec | undefined, path: string): FieldError[] {
  if (!template) return [fieldError.required(path)];
  return validatePodTemplateSpec(template, path);
}

/** `restartPolicy` of a template must be one of `allowed` (Unsupported value otherwise). */
export function validateRestartPolicy(template: PodTemplateSpec | undefined, path: string, allowed: string[]): FieldError[] {
  const policy = template?.spec?.restartPolicy;
  return policy !== undefined && allowed.includes(policy) ? [] : [fieldError.notSupported(`${path}.spec.restartPolicy`, policy ?? "", allowed)];
}

/** The selector must be valid, non-empty when `requireNonEmpty`, and select the template's labels. */
export function validateSelectorAndLabels(
  selector: LabelSelector | undefined,
  template: PodTemplateSpec | undefined,
  specPath: string,
  emptyMessage?: string,
): FieldError[] {
  if (!selector) return [fieldError.required(`${specPath}.selector`)];
  const errors = validateLabelSelector(selector, `${specPath}.selector`);
  if (errors.length) return errors;
  const matcher = labelSelectorFromObject(selector);
  if (emptyMessage && matcher.isEmpty()) return [fieldError.invalid(`${specPath}.selector`, selector, emptyMessage)];
  const labels = template?.metadata?.labels ?? {};
  if (!matcher.matches(labels)) {
    return [invalidRendered(`${specPath}.template.metadata.labels`, goStringMap(labels), "`selector` does not match template `labels`")];
  }
  return [];
}

/** ValidateImmutableField: `field is immutable` when the value changed. */
export function immutableField(path: string, value: unknown, old: unknown): FieldError[] {
  return deepEqual(value ?? null, old ?? null) ? [] : [fieldError.invalid(path, value ?? null, "field is immutable")];
}

