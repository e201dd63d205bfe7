// HorizontalPodAutoscaler validation (pkg/apis/autoscaling/validation), with the apiserver's messages: replica
// bounds, the target reference, each metric's source and target, and the behaviour's windows and policies; on status
// writes, non-negative replica counts.
import { quantityFromJSON } from "../../../api/quantity";
import type {
  HorizontalPodAutoscaler,
  HPAScalingRules,
  MetricSpec,
  MetricTarget,
} from "../../../api/schemas/autoscaling/horizontalpodautoscaler";
import { fieldError, type FieldError } from "../../../api/status";
import { isDNS1123Label } from "../../../api/validation/names";
import { pathSegmentNameErrors } from "../ingressclasses/validation";
import { nonNegative } from "../pod-template";

/** MaxPeriodSeconds and MaxStabilizationWindowSeconds of the autoscaling validation. */
export const maxPeriodSeconds = 1800;
export const maxStabilizationWindowSeconds = 3600;

const metricSourceTypes = ["ContainerResource", "External", "Object", "Pods", "Resource"];
const selectPolicies = ["Disabled", "Max", "Min"];
const policyTypes = ["Percent", "Pods"];
/** The MetricSpec field each source type names. */
const sourceField: Record<string, keyof MetricSpec> = {
  Object: "object",
  Pods: "pods",
  Resource: "resource",
  External: "external",
  ContainerResource: "containerResource",
};

export function validateHpa(hpa: HorizontalPodAutoscaler): FieldError[] {
  const spec = hpa.spec ?? ({} as NonNullable<HorizontalPodAutoscaler["spec"]>);
  const minBound = 1; // the HPAScaleToZero feature gate is off
  const errors: FieldError[] = [];
  if (spec.minReplicas != null && spec.minReplicas < minBound) {
    errors.push(fieldError.invalid("spec.minReplicas", spec.minReplicas, `must be greater than or equal to ${minBound}`));
  }
  const max = spec.maxReplicas ?? 0;
  if (max < 1) errors.push(fieldError.invalid("spec.maxReplicas", max, "must be greater than 0"));
  if (spec.minReplicas != null && max < spec.minReplicas) {
    errors.push(fieldError.invalid("spec.maxReplicas", max, "must be greater than or equal to `minReplicas`"));
  }
  errors.push(...crossVersionReferenceErrors(spec.scaleTargetRef, "spec.scaleTargetRef"));
  errors.push(...metricsErrors(spec.metrics ?? [], "spec.metrics", spec.minReplicas));
  if (spec.behavior) {
    errors.push(...scalingRulesErrors(spec.behavior.scaleUp, "spec.behavior.scaleUp"));
    errors.push(...scalingRulesErrors(spec.behavior.scaleDown, "spec.behavior.scaleDown"));
  }
  return errors;
}

export function validateHpaStatus(hpa: HorizontalPodAutoscaler): FieldError[] {
  return [
    ...nonNegative("status.currentReplicas", hpa.status?.currentReplicas),
    ...nonNegative("status.desiredReplicas", hpa.status?.desiredReplicas),
  ];
}

function crossVersionReferenceErrors(ref: { kind?: string; name?: string } | undefined, at: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of ["kind", "name"] as const) {
    const value = ref?.[key] ?? "";
    if (value === "") errors.push(fieldError.required(`${at}.${key}`));
    else errors.push(...pathSegmentNameErrors(value).map((m) => fieldError.invalid(`${at}.${key}`, value, m)));
  }
  return errors;
}

function metricsErrors(metrics: MetricSpec[], at: string, minReplicas: number | undefined): FieldError[] {
  const errors = metrics.flatMap((m, i) => metricSpecErrors(m, `${at}[${i}]`));
  if (minReplicas === 0 && !metrics.some((m) => m.type === "Object" || m.type === "External")) {
    errors.push(fieldError.forbidden(at, "must specify at least one Object or External metric to support scaling to zero replicas"));
  }
  return errors;
}

function metricSpecErrors(spec: MetricSpec, at: string): FieldError[] {
  const errors: FieldError[] = [];
  const type = spec.type ?? "";
  if (type === "") errors.push(fieldError.required(`${at}.type`, "must specify a metric source type"));
  if (!metricSourceTypes.includes(type)) errors.push(fieldError.notSupported(`${at}.type`, type, metricSourceTypes));
  // Only the first source present (in this order) is validated, as the apiserver does.
  const present: string[] = [];
  const check = (field: keyof MetricSpec, validate: () => FieldError[]) => {
    if (spec[field] == null) return;
    present.push(field);
    if (present.length === 1) errors.push(...validate());
  };
  check("object", () => objectSourceErrors(spec.object!, `${at}.object`));
  check("external", () => externalSourceErrors(spec.external!, `${at}.external`));
  check("pods", () => podsSourceErrors(spec.pods!, `${at}.pods`));
  check("resource", () => resourceSourceErrors(spec.resource!, `${at}.resource`));
  check("containerResource", () => containerResourceSourceErrors(spec.containerResource!, `${at}.containerResource`));
  const expected = sourceField[type];
  if (expected) {
    if (spec[expected] == null) errors.push(fieldError.required(`${at}.${expected}`, "must populate information for the given metric source"));
  } else {
    errors.push(fieldError.notSupported(`${at}.type`, type, metricSourceTypes));
  }
  if (present.length !== 1) {
    for (const field of present.filter((f) => f !== expected).sort()) {
      errors.push(fieldError.forbidden(`${at}.${field}`, "must populate the given metric source only"));
    }
  }
  return errors;
}

type Source = { metric?: { name?: string }; target?: MetricTarget };

function objectSourceErrors(src: NonNullable<MetricSpec["object"]>, at: string): FieldError[] {
  const errors = [
    ...crossVersionReferenceErrors(src.describedObject, `${at}.describedObject`),
    ...metricIdentifierErrors(src, at),
    ...metricTargetErrors(src.target, `${at}.target`),
  ];
  if (src.target?.value == null && src.target?.averageValue == null) {
    errors.push(fieldError.required(`${at}.target.averageValue`, "must set either a target value or averageValue"));
  }
  return errors;
}

function externalSourceErrors(src: Source, at: string): FieldError[] {
  const errors = [...metricIdentifierErrors(src, at), ...metricTargetErrors(src.target, `${at}.target`)];
  if (src.target?.value == null && src.target?.averageValue == null) {
    errors.push(fieldError.required(`${at}.target.averageValue`, "must set either a target value for metric or a per-pod target"));
  }
  if (src.target?.value != null && src.target?.averageValue != null) {
    errors.push(fieldError.forbidden(`${at}.target.value`, "may not set both a target value for metric and a per-pod target"));
  }
  return errors;
}

function podsSourceErrors(src: Source, at: string): FieldError[] {
  const errors = [...metricIdentifierErrors(src, at), ...metricTargetErrors(src.target, `${at}.target`)];
  if (src.target?.averageValue == null) {
    errors.push(fieldError.required(`${at}.target.averageValue`, "must specify a positive target averageValue"));
  }
  return errors;
}

function resourceSourceErrors(src: { name?: string; target?: MetricTarget }, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!src.name) errors.push(fieldError.required(`${at}.name`, "must specify a resource name"));
  errors.push(...metricTargetErrors(src.target, `${at}.target`), ...utilizationOrValueErrors(src.target, at));
  return errors;
}

function containerResourceSourceErrors(src: NonNullable<MetricSpec["containerResource"]>, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!src.name) errors.push(fieldError.required(`${at}.name`, "must specify a resource name"));
  else if (!["cpu", "memory", "ephemeral-storage"].includes(src.name) && !src.name.startsWith("hugepages-") && !src.name.includes("/")) {
    errors.push(fieldError.invalid(`${at}.name`, src.name, "must be a standard resource for containers"));
  }
  if (!src.container) errors.push(fieldError.required(`${at}.container`, "must specify a container"));
  else errors.push(...isDNS1123Label(src.container).map((m) => fieldError.invalid(`${at}.container`, src.container, m)));
  errors.push(...metricTargetErrors(src.target, `${at}.target`), ...utilizationOrValueErrors(src.target, at));
  return errors;
}

function utilizationOrValueErrors(target: MetricTarget | undefined, at: string): FieldError[] {
  if (target?.averageUtilization == null && target?.averageValue == null) {
    return [fieldError.required(`${at}.target.averageUtilization`, "must set either a target raw value or a target utilization")];
  }
  if (target.averageUtilization != null && target.averageValue != null) {
    return [fieldError.forbidden(`${at}.target.averageValue`, "may not set both a target raw value and a target utilization")];
  }
  return [];
}

function metricIdentifierErrors(src: Source, at: string): FieldError[] {
  const name = src.metric?.name ?? "";
  if (name === "") return [fieldError.required(`${at}.metric.name`, "must specify a metric name")];
  return pathSegmentNameErrors(name).map((m) => fieldError.invalid(`${at}.metric.name`, name, m));
}

function metricTargetErrors(target: MetricTarget | undefined, at: string): FieldError[] {
  const errors: FieldError[] = [];
  const type = target?.type ?? "";
  if (type === "") errors.push(fieldError.required(`${at}.type`, "must specify a metric target type"));
  if (type !== "Utilization" && type !== "Value" && type !== "AverageValue") {
    errors.push(fieldError.invalid(`${at}.type`, type, "must be either Utilization, Value, or AverageValue"));
  }
  for (const key of ["value", "averageValue"] as const) {
    const value = target?.[key];
    if (value != null && quantitySign(value) !== 1) errors.push(fieldError.invalid(`${at}.${key}`, String(value), "must be positive"));
  }
  if (target?.averageUtilization != null && target.averageUtilization < 1) {
    errors.push(fieldError.invalid(`${at}.averageUtilization`, target.averageUtilization, "must be greater than 0"));
  }
  return errors;
}

function quantitySign(value: string | number): number {
  try {
    return quantityFromJSON(value).sign();
  } catch {
    return 1; // malformed quantities are refused when decoding (400)
  }
}

function scalingRulesErrors(rules: HPAScalingRules | undefined, at: string): FieldError[] {
  if (!rules) return [];
  const errors: FieldError[] = [];
  const window = rules.stabilizationWindowSeconds;
  if (window != null && window < 0) {
    errors.push(fieldError.invalid(`${at}.stabilizationWindowSeconds`, window, "must be greater than or equal to zero"));
  }
  if (window != null && window > maxStabilizationWindowSeconds) {
    errors.push(fieldError.invalid(`${at}.stabilizationWindowSeconds`, window, `must be less than or equal to ${maxStabilizationWindowSeconds}`));
  }
  if (rules.selectPolicy != null && !selectPolicies.includes(rules.selectPolicy)) {
    errors.push(fieldError.notSupported(`${at}.selectPolicy`, rules.selectPolicy, selectPolicies));
  }
  const policies = rules.policies ?? [];
  if (policies.length === 0) errors.push(fieldError.required(`${at}.policies`, "must specify at least one Policy"));
  policies.forEach((policy, i) => {
    const p = `${at}.policies[${i}]`;
    if (!policyTypes.includes(policy.type)) errors.push(fieldError.notSupported(`${p}.type`, policy.type ?? "", policyTypes));
    if (!(policy.value > 0)) errors.push(fieldError.invalid(`${p}.value`, policy.value ?? 0, "must be greater than zero"));
    const period = policy.periodSeconds ?? 0;
    if (period <= 0) errors.push(fieldError.invalid(`${p}.periodSeconds`, period, "must be greater than zero"));
    if (period > maxPeriodSeconds) errors.push(fieldError.invalid(`${p}.periodSeconds`, period, `must be less than or equal to ${maxPeriodSeconds}`));
  });
  return errors;
}
