// What the workload kinds that keep replicas of a pod (ReplicaSet, ReplicationController, Deployment) check of their
// template and selector, with the apiserver's wording.
import type { PodTemplateSpec } from "../../../api/schemas/core/pod";
import { labelSelectorFromObject, type LabelMatcher, type LabelSelector } from "../../../api/selectors/label-selector";
import { fieldError, type FieldError } from "../../../api/status";
import { validateLabelSelector } from "../../../api/validation/labels";
import { goLabelSelector, goStringMap, invalidRendered, validatePodTemplateSpec } from "../pod-template";

/** The selector and template of a ReplicaSet's or Deployment's spec. */
interface SelectorAndTemplate {
  selector?: LabelSelector | null;
  template?: PodTemplateSpec;
}

/**
 * ValidatePodTemplateSpecForReplicaSet / ForRC: the selector must select the template's labels, the pod spec must
 * be valid, and controller-managed pods always restart.
 */
export function validateControllerTemplate(template: PodTemplateSpec | undefined, selector: LabelMatcher, path: string, owner: string): FieldError[] {
  if (!template) return [fieldError.required(path)];
  const errors: FieldError[] = [];
  const labels = template.metadata?.labels ?? {};
  if (!selector.isEmpty() && !selector.matches(labels)) {
    errors.push(invalidRendered(`${path}.metadata.labels`, goStringMap(template.metadata?.labels ?? null), "`selector` does not match template `labels`"));
  }
  errors.push(...validatePodTemplateSpec(template, path));
  const restartPolicy = template.spec?.restartPolicy;
  if (restartPolicy !== "Always") errors.push(fieldError.notSupported(`${path}.spec.restartPolicy`, restartPolicy ?? "", ["Always"]));
  if (template.spec?.activeDeadlineSeconds != null) {
    errors.push(fieldError.forbidden(`${path}.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${owner} is not Supported`));
  }
  return errors;
}

/** The apps/v1 selector checks of ReplicaSets and Deployments, then the template against it. */
export function validateSelectorAndTemplate(spec: SelectorAndTemplate, owner: string): FieldError[] {
  const errors: FieldError[] = [];
  const selector: LabelSelector | undefined = spec.selector ?? undefined;
  let matcher: LabelMatcher = labelSelectorFromObject(null);
  if (!selector) {
    errors.push(fieldError.required("spec.selector"));
  } else {
    const selectorErrors = validateLabelSelector(selector, "spec.selector");
    errors.push(...selectorErrors);
    if (!Object.keys(selector.matchLabels ?? {}).length && !(selector.matchExpressions ?? []).length) {
      errors.push(invalidRendered("spec.selector", goLabelSelector(selector), "empty selector is invalid for deployment"));
    }
    if (selectorErrors.length) {
      errors.push(invalidRendered("spec.selector", goLabelSelector(selector), "invalid label selector"));
      return errors;
    }
    matcher = labelSelectorFromObject(selector);
  }
  errors.push(...validateControllerTemplate(spec.template ?? {}, matcher, "spec.template", owner));
  return errors;
}

/** apps/v1 forbids changing a selector after creation. */
export function validateSelectorUnchanged(spec: SelectorAndTemplate, old: SelectorAndTemplate): FieldError[] {
  if (JSON.stringify(canonical(spec.selector)) === JSON.stringify(canonical(old.selector))) return [];
  return [invalidRendered("spec.selector", goLabelSelector(spec.selector), "field is immutable")];
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? value.map(canonical) : undefined;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = canonical((value as Record<string, unknown>)[k]);
      if (v !== undefined && v !== null) out[k] = v;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

