// batch/v1 Job and JobTemplateSpec.
import { z } from "zod";
import { atomic, bool, gvk, int, int32, list, patch, ref, set, str, typeMetaFields } from "../fields";
import { LabelSelector, ObjectMeta, objectMetadata, Time } from "../meta";
import { PodTemplateSpec } from "../core/pod";

export const PodFailurePolicyOnExitCodesRequirement = z
  .object({
    containerName: str("Container whose exit code is checked; empty for all.").optional(),
    operator: str("In or NotIn."),
    values: list(z.number().int(), "Exit codes compared against.", set),
  })
  .meta({ id: "io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement", description: "Matches failed pods by exit code." });

export const PodFailurePolicyOnPodConditionsPattern = z
  .object({
    type: str("Pod condition type to match, e.g. DisruptionTarget."),
    status: str("Condition status to match; defaults to True."),
  })
  .meta({ id: "io.k8s.api.batch.v1.PodFailurePolicyOnPodConditionsPattern", description: "Matches failed pods by condition." });

export const PodFailurePolicyRule = z
  .object({
    action: str("What to do on a match: FailJob, FailIndex, Ignore or Count."),
    onExitCodes: ref(PodFailurePolicyOnExitCodesRequirement, "Exit code requirement.").optional(),
    onPodConditions: list(PodFailurePolicyOnPodConditionsPattern, "Pod condition patterns, any of which matches.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.batch.v1.PodFailurePolicyRule", description: "How one kind of pod failure is handled." });

export const PodFailurePolicy = z
  .object({ rules: list(PodFailurePolicyRule, "Rules evaluated in order; the first match wins.", atomic) })
  .meta({ id: "io.k8s.api.batch.v1.PodFailurePolicy", description: "How pod failures affect the Job." });

export const SuccessPolicyRule = z
  .object({
    succeededIndexes: str("Indexes that must succeed, as ranges like 1,3-5.").optional(),
    succeededCount: int("How many of those indexes must succeed.").optional(),
  })
  .meta({ id: "io.k8s.api.batch.v1.SuccessPolicyRule", description: "A condition under which the Job succeeds early." });

export const SuccessPolicy = z
  .object({ rules: list(SuccessPolicyRule, "Rules, any of which makes the Job succeed.", atomic) })
  .meta({ id: "io.k8s.api.batch.v1.SuccessPolicy", description: "When an Indexed Job counts as succeeded." });

export const JobSpec = z
  .object({
    parallelism: int32("Maximum pods running at once.").optional(),
    completions: int32("Successful pods needed to complete the Job.").optional(),
    activeDeadlineSeconds: int("Seconds the Job may run before it is failed.").optional(),
    podFailurePolicy: ref(PodFailurePolicy, "How pod failures are handled.").optional(),
    successPolicy: ref(SuccessPolicy, "When the Job succeeds early.").optional(),
    backoffLimit: int32("Retries before the Job is failed; defaults to 6.").optional(),
    backoffLimitPerIndex: int32("Retries per index of an Indexed Job.").optional(),
    maxFailedIndexes: int32("Failed indexes tolerated before the Job is failed.").optional(),
    selector: ref(LabelSelector, "Selects the Job's pods; usually generated.").optional(),
    manualSelector: bool("Lets the user set the selector instead of the generated one.").optional(),
    template: ref(PodTemplateSpec, "Template of the pods run."),
    ttlSecondsAfterFinished: int32("Seconds after finishing before the Job is deleted.").optional(),
    completionMode: str("NonIndexed or Indexed; defaults to NonIndexed.").optional(),
    suspend: bool("Suspends the Job, deleting its running pods.").optional(),
    podReplacementPolicy: str("When failed pods are replaced: TerminatingOrFailed or Failed.").optional(),
    managedBy: str("Controller that manages the Job; defaults to kubernetes.io/job-controller.").optional(),
  })
  .meta({ id: "io.k8s.api.batch.v1.JobSpec", description: "The desired behaviour of a Job." });
export type JobSpec = z.infer<typeof JobSpec>;

export const JobCondition = z
  .object({
    type: str("Condition type: Complete, Failed, Suspended, FailureTarget or SuccessCriteriaMet."),
    status: str("True, False or Unknown."),
    lastProbeTime: ref(Time, "When the condition was last checked.").optional(),
    lastTransitionTime: ref(Time, "When the status last changed.").optional(),
    reason: str("CamelCase reason for the last transition.").optional(),
    message: str("Human-readable detail about the last transition.").optional(),
  })
  .meta({ id: "io.k8s.api.batch.v1.JobCondition", description: "One aspect of a Job's state." });

export const UncountedTerminatedPods = z
  .object({
    succeeded: list(z.string(), "UIDs of succeeded pods not yet counted.", set).optional(),
    failed: list(z.string(), "UIDs of failed pods not yet counted.", set).optional(),
  })
  .meta({ id: "io.k8s.api.batch.v1.UncountedTerminatedPods", description: "Finished pods the controller has not counted yet." });

export const JobStatus = z
  .object({
    conditions: list(JobCondition, "Current conditions.", patch("merge", "type"), atomic).optional(),
    startTime: ref(Time, "When the controller started the Job.").optional(),
    completionTime: ref(Time, "When the Job completed successfully.").optional(),
    active: int("Pods pending or running.").optional(),
    succeeded: int("Pods that succeeded.").optional(),
    failed: int("Pods that failed.").optional(),
    terminating: int("Pods that are terminating.").optional(),
    completedIndexes: str("Completed indexes of an Indexed Job, as ranges like 1,3-5.").optional(),
    failedIndexes: str("Failed indexes of an Indexed Job, as ranges.").optional(),
    uncountedTerminatedPods: ref(UncountedTerminatedPods, "Finished pods not yet counted.").optional(),
    ready: int("Pods that are ready.").optional(),
  })
  .meta({ id: "io.k8s.api.batch.v1.JobStatus", description: "The observed state of a Job." });

export const Job = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(JobSpec, "Desired behaviour of the Job.").optional(),
    status: ref(JobStatus, "Observed state of the Job.").optional(),
  })
  .meta({ id: "io.k8s.api.batch.v1.Job", description: "Runs pods until a number of them succeed.", ...gvk("batch", "v1", "Job") });
export type Job = z.infer<typeof Job>;

export const JobTemplateSpec = z
  .object({
    metadata: ref(ObjectMeta, "Metadata given to Jobs created from the template.").optional(),
    spec: ref(JobSpec, "Spec of Jobs created from the template.").optional(),
  })
  .meta({ id: "io.k8s.api.batch.v1.JobTemplateSpec", description: "The Job a CronJob creates." });
