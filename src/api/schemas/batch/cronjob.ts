// batch/v1 CronJob.
import { z } from "zod";
import { atomic, bool, gvk, int, int32, list, ref, str, typeMetaFields } from "../fields";
import { objectMetadata, ObjectReference, Time } from "../meta";
import { JobTemplateSpec } from "./job";

export const CronJobSpec = z
  .object({
    schedule: str("Schedule in cron format, e.g. */5 * * * *."),
    timeZone: str("IANA time zone of the schedule; defaults to the controller's.").optional(),
    startingDeadlineSeconds: int("Seconds a missed run may still start late.").optional(),
    concurrencyPolicy: str("Overlapping runs: Allow, Forbid or Replace; defaults to Allow.").optional(),
    suspend: bool("Suspends future runs.").optional(),
    jobTemplate: ref(JobTemplateSpec, "Template of the Jobs created."),
    successfulJobsHistoryLimit: int32("Successful Jobs kept; defaults to 3.").optional(),
    failedJobsHistoryLimit: int32("Failed Jobs kept; defaults to 1.").optional(),
  })
  .meta({ id: "io.k8s.api.batch.v1.CronJobSpec", description: "The desired schedule and Job of a CronJob." });
export type CronJobSpec = z.infer<typeof CronJobSpec>;

export const CronJobStatus = z
  .object({
    active: list(ObjectReference, "Jobs currently running.", atomic).optional(),
    lastScheduleTime: ref(Time, "When a Job was last scheduled.").optional(),
    lastSuccessfulTime: ref(Time, "When a Job last completed successfully.").optional(),
  })
  .meta({ id: "io.k8s.api.batch.v1.CronJobStatus", description: "The observed state of a CronJob." });

export const CronJob = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(CronJobSpec, "Desired schedule and Job.").optional(),
    status: ref(CronJobStatus, "Observed state of the CronJob.").optional(),
  })
  .meta({ id: "io.k8s.api.batch.v1.CronJob", description: "Creates Jobs on a repeating schedule.", ...gvk("batch", "v1", "CronJob") });
export type CronJob = z.infer<typeof CronJob>;
