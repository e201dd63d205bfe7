// Deployments (apps/v1): defaults (RollingUpdate 25%/25%, revision history 10, progress deadline 600 s), an empty
// status on create, and the apiserver's checks of selector, template, strategy and deadlines.
import { fieldError, type FieldError } from "../../../api/status";
import type { Deployment, DeploymentSpec, DeploymentStrategy } from "../../../api/schemas/apps/deployment";
import type { Strategy } from "../types";
import { defaultPodTemplate, nonNegative, zeroValue } from "../pod-template";
import { validateSelectorAndTemplate, validateSelectorUnchanged } from "../replicasets/template";

const percent = /^[0-9]+%$/;

function intOrPercentValue(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && percent.test(value)) return parseInt(value, 10);
  return undefined;
}

function validateIntOrPercent(value: unknown, field: string): FieldError[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") {
    if (!percent.test(value)) return [fieldError.invalid(field, value, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
    return [];
  }
  return nonNegative(field, value);
}

function validateStrategy(strategy: DeploymentStrategy | undefined): FieldError[] {
  const s = strategy ?? {};
  const at = "spec.strategy";
  if (s.type === "Recreate") {
    return s.rollingUpdate ? [fieldError.forbidden(`${at}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (s.type !== "RollingUpdate") return [fieldError.notSupported(`${at}.type`, s.type ?? "", ["Recreate", "RollingUpdate"])];
  const ru = s.rollingUpdate;
  if (!ru) return [fieldError.required(`${at}.rollingUpdate`, "this should be defaulted and never be nil")];
  const errors = [
    ...validateIntOrPercent(ru.maxUnavailable, `${at}.rollingUpdate.maxUnavailable`),
    ...validateIntOrPercent(ru.maxSurge, `${at}.rollingUpdate.maxSurge`),
  ];
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errors.push(fieldError.invalid(`${at}.rollingUpdate.maxUnavailable`, ru.maxUnavailable, "may not be 0 when `maxSurge` is 0"));
  }
  if (typeof ru.maxUnavailable === "string" && (intOrPercentValue(ru.maxUnavailable) ?? 0) > 100) {
    errors.push(fieldError.invalid(`${at}.rollingUpdate.maxUnavailable`, ru.maxUnavailable, "must not be greater than 100%"));
  }
  return errors;
}

export const deploymentStrategy: Strategy<Deployment> = {
  defaults(d) {
    const spec = (d.spec ??= zeroValue<DeploymentSpec>());
    spec.replicas ??= 1;
    const strategy = (spec.strategy ??= {});
    strategy.type ??= "RollingUpdate";
    if (strategy.type === "RollingUpdate") {
      const ru = (strategy.rollingUpdate ??= {});
      ru.maxUnavailable ??= "25%";
      ru.maxSurge ??= "25%";
    }
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    defaultPodTemplate((spec.template ??= {}));
  },
  prepareForCreate(d) {
    d.status = {};
  },
  validate(d) {
    const spec: Partial<DeploymentSpec> = d.spec ?? {};
    const errors = [
      ...nonNegative("spec.replicas", spec.replicas),
      ...validateSelectorAndTemplate(spec, "ReplicaSet"),
      ...validateStrategy(spec.strategy),
      ...nonNegative("spec.minReadySeconds", spec.minReadySeconds),
      ...nonNegative("spec.revisionHistoryLimit", spec.revisionHistoryLimit),
    ];
    if (typeof spec.progressDeadlineSeconds === "number") {
      errors.push(...nonNegative("spec.progressDeadlineSeconds", spec.progressDeadlineSeconds));
      if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
        errors.push(fieldError.invalid("spec.progressDeadlineSeconds", spec.progressDeadlineSeconds, "must be greater than minReadySeconds"));
      }
    }
    return errors;
  },
  validateUpdate(d, old) {
    return validateSelectorUnchanged(d.spec ?? {}, old.spec ?? {});
  },
};
