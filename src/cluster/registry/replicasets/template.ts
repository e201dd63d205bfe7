// What the workload kinds that stamp out pods (ReplicaSet, ReplicationController, Deployment) share: defaulting and
// validation of their pod template and selector, with the apiserver's wording, including the Go `%#v` renderings
// its messages embed (`map[string]string{"app":"x"}`).
import { labelSelectorFromObject, type LabelMatcher, type LabelSelector } from "../../../api/selectors/label-selector";
import { fieldError, type FieldError } from "../../../api/status";
import { validateLabels, validateLabelSelector } from "../../../api/validation/labels";
import { defaultPodSpec } from "../pods/defaults";
import { validateContainers } from "../pods/strategy";

type Json = Record<string, any>;

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

export function nonNegative(value: unknown, field: string): FieldError[] {
  return typeof value === "number" && value < 0 ? [fieldError.invalid(field, value, "must be greater than or equal to 0")] : [];
}

/** Pod defaults inside a template (SetDefaults_PodSpec and friends run on templates too). */
export function defaultPodTemplate(template: Json | undefined): void {
  if (!template) return;
  template.spec ??= {};
  defaultPodSpec(template.spec);
}

/** ValidatePodTemplateSpec: template labels and annotations, and the pod spec as for a pod. */
export function validatePodTemplateSpec(template: Json | undefined, path: string): FieldError[] {
  const t = template ?? {};
  return [
    ...validateLabels(t.metadata?.labels, `${path}.metadata.labels`),
    ...validateContainers(t.spec ?? {}, `${path}.spec`),
  ];
}

/**
 * ValidatePodTemplateSpecForReplicaSet / ForRC: the selector must select the template's labels, the pod spec must
 * be valid, and controller-managed pods always restart.
 */
export function validateControllerTemplate(template: Json | undefined, selector: LabelMatcher, path: string, owner: string): FieldError[] {
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
export function validateSelectorAndTemplate(spec: Json, owner: string): FieldError[] {
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
export function validateSelectorUnchanged(spec: Json, old: Json): FieldError[] {
  if (JSON.stringify(canonical(spec.selector)) === JSON.stringify(canonical(old.selector))) return [];
  return [invalidRendered("spec.selector", goLabelSelector(spec.selector), "field is immutable")];
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? value.map(canonical) : undefined;
  if (value && typeof value === "object") {
    const out: Json = {};
    for (const k of Object.keys(value).sort()) {
      const v = canonical((value as Json)[k]);
      if (v !== undefined && v !== null) out[k] = v;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

/** `app=web` for the `scale` subresource's status.selector; "" for none. */
export function selectorString(selector: LabelSelector | null | undefined): string {
  try {
    return labelSelectorFromObject(selector).toString();
  } catch {
    return "";
  }
}
