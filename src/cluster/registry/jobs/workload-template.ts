// Checks shared by workload kinds that embed a pod template (DaemonSet, Job, CronJob): template defaulting, pod
// spec validation, the selector-matches-template rule and immutable fields, with the apiserver's wording.
import { labelSelectorFromObject, type LabelSelector } from "../../../api/selectors/label-selector";
import { fieldError, type FieldError } from "../../../api/status";
import { validateLabelSelector } from "../../../api/validation/labels";
import { deepEqual } from "../object-compare";
import { defaultPodSpec } from "../pods/defaults";
import { validateContainers } from "../pods/strategy";

type Json = Record<string, any>;

/** Pod defaults applied inside a template (`template.spec`), as SetDefaults_PodSpec does for templates. */
export function defaultPodTemplate(template: Json | undefined): void {
  if (!template) return;
  template.spec ??= {};
  defaultPodSpec(template.spec);
}

/** A template's pod spec validated like a pod's; `path` is e.g. `spec.template`. */
export function validatePodTemplate(template: Json | undefined, path: string): FieldError[] {
  if (!template) return [fieldError.required(path)];
  return validateContainers(template.spec ?? {}, `${path}.spec`);
}

/** `restartPolicy` of a template must be one of `allowed` (Unsupported value otherwise). */
export function validateRestartPolicy(template: Json | undefined, path: string, allowed: string[]): FieldError[] {
  const policy = template?.spec?.restartPolicy;
  return allowed.includes(policy) ? [] : [fieldError.notSupported(`${path}.spec.restartPolicy`, policy ?? "", allowed)];
}

/** The selector must be valid, non-empty when `requireNonEmpty`, and select the template's labels. */
export function validateSelectorAndLabels(
  selector: LabelSelector | undefined,
  template: Json | undefined,
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
    return [fieldError.invalid(`${specPath}.template.metadata.labels`, labels, "`selector` does not match template `labels`")];
  }
  return [];
}

/** ValidateImmutableField: `field is immutable` when the value changed. */
export function immutableField(path: string, value: unknown, old: unknown): FieldError[] {
  return deepEqual(value ?? null, old ?? null) ? [] : [fieldError.invalid(path, value ?? null, "field is immutable")];
}

/** ValidateNonnegativeField for optional integers. */
export function nonNegative(path: string, value: unknown): FieldError[] {
  return typeof value === "number" && value < 0 ? [fieldError.invalid(path, value, "must be greater than or equal to 0")] : [];
}
