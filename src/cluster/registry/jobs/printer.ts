// `kubectl get jobs`: STATUS from conditions, COMPLETIONS, DURATION; wide CONTAINERS, IMAGES, SELECTOR.
import type { KubeObject } from "../../../api/object";
import type { Printer } from "../types";
import { humanDuration, parseTimestamp, translateTimestampSince } from "../printing/age";
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from "../printing/columns";
import { at, int, list, optionalInt, record } from "../printing/fields";
import { containerCells } from "../printing/format";
import { formatLabelSelector } from "../printing/label-selector";

/** Whether the first condition of `type` is True (Go's `hasJobCondition`). */
function hasCondition(status: unknown, type: string): boolean {
  const cond = list(at(status, "conditions")).map(record).find((c) => c.type === type);
  return cond !== undefined && cond.status === "True";
}

/** Complete, Failed, Terminating, Suspended, FailureTarget or Running, in that precedence. */
export function jobStatus(job: KubeObject): string {
  if (hasCondition(job.status, "Complete")) return "Complete";
  if (hasCondition(job.status, "Failed")) return "Failed";
  if (typeof job.metadata.deletionTimestamp === "string") return "Terminating";
  if (hasCondition(job.status, "Suspended")) return "Suspended";
  if (hasCondition(job.status, "FailureTarget")) return "FailureTarget";
  return "Running";
}

/** `succeeded/completions`; without completions `succeeded/1`, or `succeeded/1 of parallelism` when parallel. */
export function jobCompletions(job: KubeObject): string {
  const succeeded = int(at(job.status, "succeeded"));
  const completions = optionalInt(at(job.spec, "completions"));
  if (completions !== undefined) return `${succeeded}/${completions}`;
  const parallelism = int(at(job.spec, "parallelism"));
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** Start to completion, or start to now while running; empty before the job starts. */
export function jobDuration(job: KubeObject, now: number): string {
  const start = parseTimestamp(at(job.status, "startTime"));
  if (start === undefined) return "";
  const end = parseTimestamp(at(job.status, "completionTime"));
  return humanDuration((end ?? now) - start);
}

export const printer: Printer = {
  columns: [
    nameColumn,
    column("Status", "string", "Status of the job."),
    column("Completions", "string", "The number of pods which reached phase Succeeded."),
    column("Duration", "string", "Time required to complete the job."),
    ageColumn,
    containersColumn,
    imagesColumn,
    column("Selector", "string", "A label query over pods that should match the pod count.", 1),
  ],
  cells(job, now) {
    const spec = record(job.spec);
    const { names, images } = containerCells(at(spec.template, "spec", "containers"));
    return [
      job.metadata.name ?? "",
      jobStatus(job),
      jobCompletions(job),
      jobDuration(job, now),
      translateTimestampSince(job.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(spec.selector),
    ];
  },
};
