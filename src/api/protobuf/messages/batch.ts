// k8s.io/api/batch/v1: Job and CronJob.

import { type MessageType, P, bool, i32, i32s, i64, list, obj, str, strs, time } from "../schema";
import { ObjectReference } from "./core";
import { PodTemplateSpec } from "./core-pod";
import { LabelSelector, ObjectMeta } from "./meta";

const PodFailurePolicyRule: MessageType = {
  1: str("action"),
  2: obj("onExitCodes", () => ({ 1: str("containerName", P), 2: str("operator"), 3: i32s("values") })),
  3: list("onPodConditions", () => ({ 1: str("type"), 2: str("status") })),
};

const JobSpec: MessageType = {
  1: i32("parallelism", P),
  2: i32("completions", P),
  3: i64("activeDeadlineSeconds", P),
  4: obj("selector", () => LabelSelector),
  5: bool("manualSelector", P),
  6: obj("template", () => PodTemplateSpec),
  7: i32("backoffLimit", P),
  8: i32("ttlSecondsAfterFinished", P),
  9: str("completionMode", P),
  10: bool("suspend", P),
  11: obj("podFailurePolicy", () => ({ 1: list("rules", () => PodFailurePolicyRule) })),
  12: i32("backoffLimitPerIndex", P),
  13: i32("maxFailedIndexes", P),
  14: str("podReplacementPolicy", P),
  15: str("managedBy", P),
  16: obj("successPolicy", () => ({
    1: list("rules", () => ({ 1: str("succeededIndexes", P), 2: i32("succeededCount", P) })),
  })),
};

const JobStatus: MessageType = {
  1: list("conditions", () => ({
    1: str("type"),
    2: str("status"),
    3: time("lastProbeTime"),
    4: time("lastTransitionTime"),
    5: str("reason"),
    6: str("message"),
  })),
  2: time("startTime"),
  3: time("completionTime"),
  4: i32("active"),
  5: i32("succeeded"),
  6: i32("failed"),
  7: str("completedIndexes"),
  8: obj("uncountedTerminatedPods", () => ({ 1: strs("succeeded"), 2: strs("failed") })),
  9: i32("ready", P),
  10: str("failedIndexes", P),
  11: i32("terminating", P),
};

export const Job: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("spec", () => JobSpec),
  3: obj("status", () => JobStatus),
};

const CronJobSpec: MessageType = {
  1: str("schedule"),
  2: i64("startingDeadlineSeconds", P),
  3: str("concurrencyPolicy"),
  4: bool("suspend", P),
  5: obj("jobTemplate", () => ({ 1: obj("metadata", () => ObjectMeta), 2: obj("spec", () => JobSpec) })),
  6: i32("successfulJobsHistoryLimit", P),
  7: i32("failedJobsHistoryLimit", P),
  8: str("timeZone", P),
};

export const CronJob: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("spec", () => CronJobSpec),
  3: obj("status", () => ({
    1: list("active", () => ObjectReference),
    4: time("lastScheduleTime"),
    5: time("lastSuccessfulTime"),
  })),
};
