// Pure arithmetic of the Job controller: completed-index ranges, how many pods to run, the pod failure policy, the
// re-creation back-off after failures and condition bookkeeping.
import type { JobSpec } from "../../../api/schemas/batch/job";

/** `1,3-5` → [1,3,4,5]. */
export function parseIndexRanges(text: string | undefined): number[] {
  const out: number[] = [];
  for (const part of (text ?? "").split(",")) {
    if (!part) continue;
    const [a, b] = part.split("-").map(Number);
    for (let i = a; i <= (b ?? a); i++) out.push(i);
  }
  return out;
}

/** [1,3,4,5] → `1,3-5` (sorted, de-duplicated), as status.completedIndexes is written. */
export function formatIndexRanges(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((x, y) => x - y);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}

/**
 * How many pods should be running now for a NonIndexed Job: at most `parallelism`, and no more than the
 * completions still missing. Without `completions` (work-queue Jobs) pods run until one succeeds.
 */
export function wantedActive(spec: { parallelism?: number; completions?: number }, succeeded: number): number {
  const parallelism = spec.parallelism ?? 1;
  if (spec.completions === undefined) return succeeded > 0 ? 0 : parallelism;
  return Math.max(0, Math.min(parallelism, spec.completions - succeeded));
}

/** Indexes of an Indexed Job still to start: not completed and not running, lowest first, at most `count`. */
export function indexesToStart(completions: number, completed: Set<number>, running: Set<number>, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!completed.has(i) && !running.has(i)) out.push(i);
  return out;
}

export type FailureAction = "FailJob" | "Ignore" | "Count" | "FailIndex";

export interface FailureMatch {
  action: FailureAction;
  /** Index of the matching rule, for the FailJob message. */
  rule: number;
  container?: string;
  exitCode?: number;
}

/** What the pod failure policy reads of a container's status. */
interface ExitStatus {
  name: string;
  state?: { terminated?: { exitCode: number } };
}

/** What the pod failure policy reads of a failed pod (a Pod is one). */
export interface FailedPod {
  status?: {
    initContainerStatuses?: ExitStatus[];
    containerStatuses?: ExitStatus[];
    conditions?: Array<{ type: string; status: string }>;
  };
}

/** The first podFailurePolicy rule that matches a failed pod (exit codes of terminated containers, pod conditions). */
export function matchFailurePolicy(policy: JobSpec["podFailurePolicy"], pod: FailedPod): FailureMatch | undefined {
  const rules = policy?.rules ?? [];
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule.onExitCodes) {
      const req = rule.onExitCodes;
      for (const cs of statuses) {
        const code = cs.state?.terminated?.exitCode;
        if (code === undefined || code === 0) continue;
        if (req.containerName && req.containerName !== cs.name) continue;
        const listed = (req.values ?? []).includes(code);
        if (req.operator === "In" ? listed : !listed) return { action: rule.action as FailureAction, rule: i, container: cs.name, exitCode: code };
      }
    }
    for (const pattern of rule.onPodConditions ?? []) {
      const cond = (pod.status?.conditions ?? []).find((c) => c.type === pattern.type);
      if (cond && cond.status === (pattern.status ?? "True")) return { action: rule.action as FailureAction, rule: i };
    }
  }
  return undefined;
}

/** The message of a Failed condition with reason PodFailurePolicy (job_controller's wording). */
export function failJobMessage(match: FailureMatch, podNamespace: string, podName: string): string {
  if (match.container !== undefined) {
    return `Container ${match.container} for pod ${podNamespace}/${podName} failed with exit code ${match.exitCode} matching FailJob rule at index ${match.rule}`;
  }
  return `Pod ${podNamespace}/${podName} has condition matching FailJob rule at index ${match.rule}`;
}

/** Delay before a new pod after `failures` consecutive failures: base doubling, capped at 6 minutes' worth. */
export function recreateDelayMs(failures: number, baseMs: number): number {
  if (failures <= 0) return 0;
  return Math.min(baseMs * 2 ** (failures - 1), baseMs * 36);
}

export interface JobCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastProbeTime?: string;
  lastTransitionTime?: string;
}

/** Whether conditions hold `type` with status True. */
export function hasCondition(conditions: JobCondition[] | undefined, type: string): boolean {
  return (conditions ?? []).some((c) => c.type === type && c.status === "True");
}

/** Add or refresh a True condition (the transition time kept when it was already True). */
export function setCondition(conditions: JobCondition[], type: string, reason: string, message: string, now: string): JobCondition[] {
  const existing = conditions.find((c) => c.type === type);
  if (existing && existing.status === "True" && existing.reason === reason && existing.message === message) return conditions;
  const next: JobCondition = { type, status: "True", reason, message, lastProbeTime: now, lastTransitionTime: now };
  return existing ? conditions.map((c) => (c === existing ? next : c)) : [...conditions, next];
}
