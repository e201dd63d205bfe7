// CronJobs: defaults (Allow, not suspended, history 3/1), the schedule and time zone checked as the apiserver does
// (robfig/cron messages), and the job template validated like a Job's spec.
import { fieldError, type FieldError } from "../../../api/status";
import { isKnownTimeZone, parseStandardSchedule } from "../../../api/cron-schedule";
import { defaultJobSpec, validateJobSpec } from "../jobs/strategy";
import { nonNegative, zeroValue } from "../pod-template";
import type { CronJob, CronJobSpec } from "../../../api/schemas/batch/cronjob";
import type { JobSpec } from "../../../api/schemas/batch/job";
import type { Strategy } from "../types";

const maxNameLength = 52;

function validateSchedule(spec: Partial<CronJobSpec>): FieldError[] {
  const schedule = spec.schedule;
  if (!schedule) return [fieldError.required("spec.schedule")];
  const errors: FieldError[] = [];
  const parsed = parseStandardSchedule(String(schedule).replace(/^(CRON_)?TZ=\S+\s+/, ""));
  if ("error" in parsed) errors.push(fieldError.invalid("spec.schedule", schedule, parsed.error));
  if (String(schedule).includes("TZ")) {
    errors.push(fieldError.invalid("spec.schedule", schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
  }
  return errors;
}

export const cronJobStrategy: Strategy<CronJob> = {
  defaults(cj) {
    const spec = (cj.spec ??= zeroValue<CronJobSpec>());
    spec.concurrencyPolicy ??= "Allow";
    spec.suspend ??= false;
    spec.successfulJobsHistoryLimit ??= 3;
    spec.failedJobsHistoryLimit ??= 1;
    spec.jobTemplate ??= {};
    defaultJobSpec((spec.jobTemplate.spec ??= zeroValue<JobSpec>()));
  },
  prepareForCreate(cj) {
    cj.status = {};
  },
  validate(cj) {
    const spec: Partial<CronJobSpec> = cj.spec ?? {};
    const errors: FieldError[] = [];
    const name = cj.metadata.name ?? "";
    if (name.length > maxNameLength) {
      errors.push(fieldError.invalid("metadata.name", name, `must be no more than ${maxNameLength} characters`));
    }
    errors.push(...validateSchedule(spec));
    if (spec.timeZone !== undefined && !isKnownTimeZone(spec.timeZone)) {
      errors.push(fieldError.invalid("spec.timeZone", spec.timeZone, `unknown time zone ${spec.timeZone}`));
    }
    const policies = ["Allow", "Forbid", "Replace"];
    if (!policies.includes(spec.concurrencyPolicy ?? "")) {
      errors.push(fieldError.notSupported("spec.concurrencyPolicy", spec.concurrencyPolicy ?? "", policies));
    }
    for (const f of ["startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"] as const) {
      errors.push(...nonNegative(`spec.${f}`, spec[f]));
    }
    errors.push(...validateJobSpec(spec.jobTemplate?.spec ?? {}, "spec.jobTemplate.spec"));
    return errors;
  },
};
