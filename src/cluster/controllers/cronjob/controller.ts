// The CronJob controller (cronjob_controllerv2): creates a Job named `<cronjob>-<minutes since epoch>` at each
// scheduled time in the CronJob's time zone, honours concurrencyPolicy, suspend and startingDeadlineSeconds, keeps
// status.active / lastScheduleTime / lastSuccessfulTime, prunes finished Jobs beyond the history limits, and asks to
// run again exactly at the next scheduled time (it never polls).
import type { KubeObject } from "../../../api/object";
import type { CronJob, CronJobSpec } from "../../../api/schemas/batch/cronjob";
import type { Job, JobSpec } from "../../../api/schemas/batch/job";
import type { ObjectReference } from "../../../api/schemas/meta";
import { StatusError } from "../../../api/status";
import { rfc3339 } from "../../../runtime/clock";
import { cronJobs } from "../../registry/cronjobs";
import { jobs } from "../../registry/jobs";
import { zeroValue } from "../../registry/pod-template";
import type { ResourceDef } from "../../registry/types";
import { controllerRef, isControlledBy } from "../job/job-pods";
import { hasCondition } from "../job/job-arithmetic";
import type { Controller, ControllerContext, ReconcileResult } from "../../control-loop/types";
import { keyOf, splitKey } from "../../control-loop/types";
import { formatInZone, parseStandardSchedule, Schedule } from "../../../api/cron-schedule";
import { cloneJson } from "../../../api/clone";

type CronJobStatus = NonNullable<CronJob["status"]>;

export const scheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp";
const source = { component: "cronjob-controller" };

interface Defs {
  cronJobs: ResourceDef<CronJob>;
  jobs: ResourceDef<Job>;
}

const kinds: Defs = { cronJobs, jobs };

/** The Job's finished condition type (Complete or Failed), if it finished. */
function finishedAs(job: Job): "Complete" | "Failed" | undefined {
  const conditions = job.status?.conditions;
  if (hasCondition(conditions, "Complete")) return "Complete";
  if (hasCondition(conditions, "Failed")) return "Failed";
  return undefined;
}

/** The name of the Job for a run scheduled at `ms`: minutes since the epoch, as getJobName. */
export function jobNameFor(cronJobName: string, ms: number): string {
  return `${cronJobName}-${Math.floor(ms / 60_000)}`;
}

export const cronJobController: Controller = {
  name: "cronjob-controller",
  for: cronJobs,
  ignoreDeleted: true,
  owns: [jobs],
  resync(ctx) {
    return ctx.registry.list(cronJobs).map(keyOf);
  },
  reconcile(key, ctx) {
    const d = kinds;
    const { namespace, name } = splitKey(key);
    const cronJob = ctx.registry.tryGet(d.cronJobs, namespace, name);
    if (!cronJob) return;
    return syncCronJob(cronJob, d, ctx);
  },
};

function syncCronJob(cronJob: CronJob, d: Defs, ctx: ControllerContext): ReconcileResult {
  const spec = specOf(cronJob);
  const status = cloneJson(cronJob.status ?? {});
  const record = (type: "Normal" | "Warning", reason: string, message: string) => recordEvent(ctx, cronJob, type, reason, message);
  const jobs = ctx.indexes.dependentsOf(cronJob.metadata.uid!, d.jobs).filter((o) => isControlledBy(o, cronJob.metadata.uid!));

  // Reconcile status.active with the Jobs that exist.
  const byUid = new Map(jobs.map((j) => [j.metadata.uid!, j]));
  let active: ObjectReference[] = [];
  for (const ref of status.active ?? []) {
    const job = byUid.get(ref.uid!);
    if (!job) {
      record("Warning", "MissingJob", `Active job went missing: ${ref.name}`);
      continue;
    }
    const finished = finishedAs(job);
    if (!finished) active.push(ref);
    else {
      record("Normal", "SawCompletedJob", `Saw completed job: ${job.metadata.name}, condition: ${finished}`);
      if (finished === "Complete") {
        const done = job.status?.completionTime;
        if (done && (!status.lastSuccessfulTime || Date.parse(done) > Date.parse(status.lastSuccessfulTime))) status.lastSuccessfulTime = done;
      }
    }
  }
  for (const job of jobs) {
    if (!finishedAs(job) && !job.metadata.deletionTimestamp && !active.some((r) => r.uid === job.metadata.uid)) active.push(jobRef(job));
  }

  let requeueAt: number | undefined;
  const parsed = parseStandardSchedule(String(spec.schedule ?? ""));
  if (!cronJob.metadata.deletionTimestamp && !spec.suspend && "pattern" in parsed) {
    const schedule = new Schedule(parsed.pattern, spec.timeZone ?? "UTC");
    const run = dueRun(cronJob, schedule, status, ctx.now, record);
    requeueAt = schedule.next(ctx.now);
    if (run !== undefined) active = startRun(cronJob, run, schedule, active, status, d, ctx, record);
  }
  status.active = active.length ? active : undefined;
  if (!status.active) delete status.active;
  writeStatus(cronJob, status, d, ctx);
  pruneHistory(cronJob, jobs, d, ctx, record);
  return requeueAt === undefined ? undefined : { requeueAt };
}

/** getMostRecentScheduleTime plus the startingDeadlineSeconds check: the run to start now, if any. */
function dueRun(cronJob: CronJob, schedule: Schedule, status: CronJobStatus, now: number, record: (type: "Normal" | "Warning", reason: string, message: string) => void): number | undefined {
  const spec = specOf(cronJob);
  let earliest = Date.parse(status.lastScheduleTime ?? cronJob.metadata.creationTimestamp!);
  if (spec.startingDeadlineSeconds !== undefined) earliest = Math.max(earliest, now - spec.startingDeadlineSeconds * 1000);
  const { latest, missed } = schedule.mostRecent(earliest, now);
  if (latest === undefined) return undefined;
  if (missed > 100) {
    record("Warning", "TooManyMissedTimes", `too many missed start times: ${missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`);
  }
  if (spec.startingDeadlineSeconds !== undefined && latest + spec.startingDeadlineSeconds * 1000 < now) {
    record("Warning", "MissSchedule", `Missed scheduled time to start a job: ${formatInZone(latest, schedule.timeZone)}`);
    return undefined;
  }
  if (status.lastScheduleTime && Date.parse(status.lastScheduleTime) >= latest) return undefined;
  return latest;
}

function startRun(
  cronJob: CronJob,
  at: number,
  schedule: Schedule,
  active: ObjectReference[],
  status: CronJobStatus,
  d: Defs,
  ctx: ControllerContext,
  record: (type: "Normal" | "Warning", reason: string, message: string) => void,
): ObjectReference[] {
  const spec = specOf(cronJob);
  const namespace = cronJob.metadata.namespace!;
  if (spec.concurrencyPolicy === "Forbid" && active.length) {
    record("Normal", "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid");
    return active;
  }
  if (spec.concurrencyPolicy === "Replace") {
    for (const ref of active) {
      if (!ctx.registry.tryGet(d.jobs, namespace, ref.name!)) continue;
      ctx.registry.delete(d.jobs, namespace, ref.name!, { propagationPolicy: "Background" });
      record("Normal", "SuccessfulDelete", `Deleted job ${ref.name}`);
    }
    active = [];
  }
  const name = jobNameFor(cronJob.metadata.name!, at);
  let job = ctx.registry.tryGet(d.jobs, namespace, name);
  if (!job) {
    try {
      job = ctx.registry.create(d.jobs, namespace, newJobFor(cronJob, name, formatInZone(at, schedule.timeZone)));
      record("Normal", "SuccessfulCreate", `Created job ${name}`);
    } catch (error) {
      if (error instanceof StatusError) record("Warning", "FailedCreate", `Error creating job: ${error.message}`);
      throw error;
    }
  }
  status.lastScheduleTime = rfc3339(at);
  if (!active.some((r) => r.uid === job!.metadata.uid) && !finishedAs(job)) active = [...active, jobRef(job)];
  return active;
}

/** getJobFromTemplate2: the template's metadata and spec, the scheduled-time annotation and the owner reference. */
function newJobFor(cronJob: CronJob, name: string, scheduled: string): Job {
  const template = cronJob.spec?.jobTemplate ?? {};
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name,
      labels: { ...(template.metadata?.labels ?? {}) },
      annotations: { ...(template.metadata?.annotations ?? {}), [scheduledTimestampAnnotation]: scheduled },
      ownerReferences: [controllerRef(cronJob)],
    },
    spec: cloneJson(template.spec ?? zeroValue<JobSpec>()),
  };
}

function jobRef(job: Job): ObjectReference {
  return {
    kind: "Job",
    namespace: job.metadata.namespace,
    name: job.metadata.name,
    uid: job.metadata.uid,
    apiVersion: "batch/v1",
    resourceVersion: job.metadata.resourceVersion,
  };
}

function writeStatus(cronJob: CronJob, status: CronJobStatus, d: Defs, ctx: ControllerContext): void {
  const current = ctx.registry.tryGet(d.cronJobs, cronJob.metadata.namespace, cronJob.metadata.name!);
  if (!current) return;
  ctx.registry.update(d.cronJobs, cronJob.metadata.namespace, cronJob.metadata.name!, { ...current, status }, { subresource: "status" });
}

/** Delete the oldest finished Jobs beyond successfulJobsHistoryLimit / failedJobsHistoryLimit. */
function pruneHistory(cronJob: CronJob, jobs: Job[], d: Defs, ctx: ControllerContext, record: (type: "Normal" | "Warning", reason: string, message: string) => void): void {
  const spec = specOf(cronJob);
  const started = (j: Job) => Date.parse(j.status?.startTime ?? j.metadata.creationTimestamp ?? "") || 0;
  for (const [kind, limit] of [["Complete", spec.successfulJobsHistoryLimit], ["Failed", spec.failedJobsHistoryLimit]] as const) {
    if (limit === undefined) continue;
    const finished = jobs.filter((j) => finishedAs(j) === kind && !j.metadata.deletionTimestamp).sort((a, b) => started(a) - started(b));
    for (const job of finished.slice(0, Math.max(0, finished.length - limit))) {
      ctx.registry.delete(d.jobs, job.metadata.namespace, job.metadata.name!, { propagationPolicy: "Background" });
      record("Normal", "SuccessfulDelete", `Deleted job ${job.metadata.name}`);
    }
  }
}

/** The CronJob's spec (always present on a stored CronJob: validation requires its schedule and template). */
function specOf(cronJob: CronJob): CronJobSpec {
  return cronJob.spec ?? zeroValue<CronJobSpec>();
}

/** Events are best-effort, as client-go's recorder: a failed one never fails the sync. */
function recordEvent(ctx: ControllerContext, obj: KubeObject, type: "Normal" | "Warning", reason: string, message: string): void {
  try {
    ctx.events.record(obj, ctx.now, type, reason, message, source);
  } catch (error) {
    console.warn(`cronjob-controller: event ${reason} for ${keyOf(obj)} not recorded:`, error);
  }
}
