// DaemonSets: defaults (RollingUpdate 1/0, history 10), a zeroed status on create, template and selector checks, and
// the immutable selector.
import { fieldError, type FieldError } from "../../../api/status";
import {
  immutableField,
  validatePodTemplate,
  validateRestartPolicy,
  validateSelectorAndLabels,
} from "../jobs/workload-template";
import type { DaemonSet, DaemonSetSpec } from "../../../api/schemas/apps/daemonset";
import { defaultPodTemplate, nonNegative, zeroValue } from "../pod-template";
import type { Strategy } from "../types";

export const daemonSetStrategy: Strategy<DaemonSet> = {
  defaults(ds) {
    const spec = (ds.spec ??= zeroValue<DaemonSetSpec>());
    spec.updateStrategy ??= {};
    spec.updateStrategy.type ??= "RollingUpdate";
    if (spec.updateStrategy.type === "RollingUpdate") {
      spec.updateStrategy.rollingUpdate ??= {};
      spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
      spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
    }
    spec.revisionHistoryLimit ??= 10;
    // The template is a struct in Go: absent, it is an empty template that validation then judges.
    defaultPodTemplate((spec.template ??= {}));
  },
  prepareForCreate(ds) {
    ds.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
  },
  validate(ds) {
    const spec: Partial<DaemonSetSpec> = ds.spec ?? {};
    const errors: FieldError[] = [
      ...validateSelectorAndLabels(spec.selector, spec.template, "spec", "empty selector is invalid for daemonset"),
      ...validatePodTemplate(spec.template, "spec.template"),
      ...validateRestartPolicy(spec.template, "spec.template", ["Always"]),
      ...nonNegative("spec.minReadySeconds", spec.minReadySeconds),
      ...nonNegative("spec.revisionHistoryLimit", spec.revisionHistoryLimit),
    ];
    const type = spec.updateStrategy?.type;
    if (!["OnDelete", "RollingUpdate"].includes(type ?? "")) {
      errors.push(fieldError.notSupported("spec.updateStrategy.type", type ?? "", ["OnDelete", "RollingUpdate"]));
    }
    const rolling = spec.updateStrategy?.rollingUpdate;
    if (type === "RollingUpdate" && rolling && isZero(rolling.maxUnavailable) && isZero(rolling.maxSurge)) {
      errors.push(fieldError.invalid("spec.updateStrategy.rollingUpdate.maxUnavailable", rolling.maxUnavailable, "may not be 0 when `maxSurge` is 0"));
    }
    return errors;
  },
  validateUpdate(ds, old) {
    return immutableField("spec.selector", ds.spec?.selector, old.spec?.selector);
  },
};

function isZero(value: unknown): boolean {
  return value === 0 || value === "0%" || value === "0";
}
