// Jobs: SetDefaults_Job, the generated selector and labels of PrepareForCreate (1.33: `batch.kubernetes.io/...` and
// the legacy `controller-uid`/`job-name`), and ValidateJob / ValidateJobUpdate with the apiserver's wording.
import type { Job, JobSpec } from "../../../api/schemas/batch/job";
import { fieldError, type FieldError } from "../../../api/status";
import { defaultPodTemplate, nonNegative, zeroValue } from "../pod-template";
import type { Strategy } from "../types";
import {
  immutableField,
  validatePodTemplate,
  validateRestartPolicy,
  validateSelectorAndLabels,
} from "./workload-template";

export const controllerUidLabel = "batch.kubernetes.io/controller-uid";
export const jobNameLabel = "batch.kubernetes.io/job-name";
const legacyControllerUidLabel = "controller-uid";
const legacyJobNameLabel = "job-name";

/** SetDefaults_JobSpec, shared with CronJob job templates. */
export function defaultJobSpec(spec: JobSpec): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  spec.completionMode ??= "NonIndexed";
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? "Failed" : "TerminatingOrFailed";
  for (const rule of spec.podFailurePolicy?.rules ?? []) for (const p of rule.onPodConditions ?? []) p.status ??= "True";
  // The template is a struct in Go: absent, it is an empty template that validation then judges.
  defaultPodTemplate((spec.template ??= {}));
}

/** ValidateJobSpec (the part that does not depend on the generated selector). */
export function validateJobSpec(spec: Partial<JobSpec>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const f of ["parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished"] as const) {
    errors.push(...nonNegative(`${path}.${f}`, spec[f]));
  }
  if (!["NonIndexed", "Indexed"].includes(spec.completionMode ?? "")) {
    errors.push(fieldError.notSupported(`${path}.completionMode`, spec.completionMode ?? "", ["NonIndexed", "Indexed"]));
  } else if (spec.completionMode === "Indexed" && spec.completions === undefined) {
    errors.push(fieldError.required(`${path}.completions`, "when completion mode is Indexed"));
  }
  (spec.podFailurePolicy?.rules ?? []).forEach((rule, i) => {
    const actions = ["Count", "FailIndex", "FailJob", "Ignore"];
    if (!actions.includes(rule.action ?? "")) errors.push(fieldError.notSupported(`${path}.podFailurePolicy.rules[${i}].action`, rule.action ?? "", actions));
    const op = rule.onExitCodes?.operator;
    if (rule.onExitCodes && !["In", "NotIn"].includes(op ?? "")) {
      errors.push(fieldError.notSupported(`${path}.podFailurePolicy.rules[${i}].onExitCodes.operator`, op ?? "", ["In", "NotIn"]));
    }
  });
  errors.push(...validatePodTemplate(spec.template, `${path}.template`));
  errors.push(...validateRestartPolicy(spec.template, `${path}.template`, ["OnFailure", "Never"]));
  if (spec.podFailurePolicy && spec.template?.spec?.restartPolicy === "OnFailure") {
    errors.push(fieldError.invalid(`${path}.podFailurePolicy`, null, "only allowed when `restartPolicy` is `Never`"));
  }
  return errors;
}

/** generateSelector: labels naming the job on the template, and a selector on the controller uid. */
function generateSelector(job: Job, spec: JobSpec): void {
  const template = (spec.template ??= {});
  const labels = ((template.metadata ??= {}).labels ??= {});
  // A Job without a name is refused by validation; its labels must still be strings until then.
  const name = job.metadata.name ?? "";
  const uid = job.metadata.uid ?? "";
  labels[legacyJobNameLabel] ??= name;
  labels[jobNameLabel] ??= name;
  labels[legacyControllerUidLabel] ??= uid;
  labels[controllerUidLabel] ??= uid;
  const selector = (spec.selector ??= {});
  selector.matchLabels ??= {};
  selector.matchLabels[controllerUidLabel] ??= uid;
}

export const jobStrategy: Strategy<Job> = {
  defaults(job) {
    defaultJobSpec((job.spec ??= zeroValue<JobSpec>()));
  },
  prepareForCreate(job) {
    job.status = {};
    // Defaults have given the job a spec.
    const spec = job.spec!;
    if (spec.manualSelector !== true) generateSelector(job, spec);
    // SetDefaults_Job copies the template's labels to a Job that has none (applied on every read in Kubernetes).
    const templateLabels = spec.template?.metadata?.labels;
    if (templateLabels && !Object.keys(job.metadata.labels ?? {}).length) job.metadata.labels = { ...templateLabels };
  },
  validate(job) {
    const spec: Partial<JobSpec> = job.spec ?? {};
    const errors = validateJobSpec(spec, "spec");
    errors.push(...validateSelectorAndLabels(spec.selector, spec.template, "spec"));
    if (spec.manualSelector !== true && !errors.length) {
      if (spec.selector?.matchLabels?.[controllerUidLabel] !== job.metadata.uid) {
        errors.push(fieldError.invalid("spec.selector", spec.selector, "`selector` not auto-generated"));
      }
    }
    return errors;
  },
  validateUpdate(job, old) {
    const spec: Partial<JobSpec> = job.spec ?? {};
    const was: Partial<JobSpec> = old.spec ?? {};
    return [
      ...immutableField("spec.selector", spec.selector, was.selector),
      ...immutableField("spec.template", spec.template, was.template),
      ...immutableField("spec.completionMode", spec.completionMode, was.completionMode),
      ...immutableField("spec.podFailurePolicy", spec.podFailurePolicy, was.podFailurePolicy),
      ...(spec.completionMode === "Indexed" && spec.parallelism === spec.completions
        ? []
        : immutableField("spec.completions", spec.completions, was.completions)),
    ];
  },
};
