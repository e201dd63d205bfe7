// The Job controller: runs pods until `completions` succeed with at most `parallelism` at once, counts finished pods
// through the job-tracking finalizer, fails the Job on its backoff limit, deadline or pod failure policy, marks it
// Complete, and deletes it `ttlSecondsAfterFinished` after it finished.
import type { Job, JobSpec } from "../../../api/schemas/batch/job";
import type { Pod } from "../../../api/schemas/core/pod";
import { rfc3339 } from "../../../runtime/clock";
import { jobs } from "../../registry/jobs";
import { zeroValue } from "../../registry/pod-template";
import { pods } from "../../registry/pods";
import type { ResourceDef } from "../../registry/types";
import type { Controller, ControllerContext, ReconcileResult } from "../../control-loop/types";
import { keyOf, splitKey, watch } from "../../control-loop/types";
import {
  failJobMessage,
  formatIndexRanges,
  hasCondition,
  indexesToStart,
  matchFailurePolicy,
  parseIndexRanges,
  recreateDelayMs,
  setCondition,
  wantedActive,
  type FailureMatch,
  type JobCondition,
} from "./job-arithmetic";
import { controllerName, isControlledBy, newJobPod, podIndex, trackingFinalizer } from "./job-pods";
import { cloneJson } from "../../../api/clone";

type JobStatus = NonNullable<Job["status"]>;

const source = { component: "job-controller" };
const completionsReached = "Reached expected number of succeeded pods";

interface Defs {
  jobs: ResourceDef<Job>;
  pods: ResourceDef<Pod>;
}

const kinds: Defs = { jobs, pods };

const isTerminal = (pod: Pod) => pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
const isActive = (pod: Pod) => !isTerminal(pod) && !pod.metadata.deletionTimestamp;
const isReady = (pod: Pod) => (pod.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");

/** What this pass learned from the Job's pods. */
interface Tally {
  succeeded: number;
  failed: number;
  completed: Set<number>;
  failJob?: string;
}

export const jobController: Controller = {
  name: "job-controller",
  for: jobs,
  ignoreDeleted: true,
  owns: [pods],
  watches: [
    watch(pods, (event) => {
      // A finished or deleted pod still holding the finalizer may have outlived its Job: release it then.
      const pod = event.object;
      if (!controllerName(pod, "Job")) return [];
      const tracked = (pod.metadata.finalizers ?? []).includes(trackingFinalizer);
      return tracked && (pod.metadata.deletionTimestamp || isTerminal(pod)) ? [`pod:${keyOf(pod)}`] : [];
    }),
  ],
  resync(ctx) {
    return ctx.registry.list(jobs).map(keyOf);
  },
  reconcile(key, ctx) {
    const d = kinds;
    if (key.startsWith("pod:")) return releaseOrphan(key.slice(4), d, ctx);
    const { namespace, name } = splitKey(key);
    const job = ctx.registry.tryGet(d.jobs, namespace, name);
    if (!job) return;
    return new JobSync(job, d, ctx).run();
  },
};

/** Remove the job-tracking finalizer of a pod whose Job is gone (its Job would have counted it otherwise). */
function releaseOrphan(podKey: string, d: Defs, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(podKey);
  const pod = ctx.registry.tryGet(d.pods, namespace, name);
  const ref = pod?.metadata.ownerReferences?.find((r) => r.controller && r.kind === "Job");
  if (!pod || !ref || !(pod.metadata.finalizers ?? []).includes(trackingFinalizer)) return;
  const job = ctx.registry.tryGet(d.jobs, namespace, ref.name);
  if (job && job.metadata.uid === ref.uid) return;
  const updated = cloneJson(pod);
  updated.metadata.finalizers = (pod.metadata.finalizers ?? []).filter((f) => f !== trackingFinalizer);
  if (!updated.metadata.finalizers.length) delete updated.metadata.finalizers;
  ctx.registry.update(d.pods, namespace, name, updated);
}

class JobSync {
  private readonly spec: JobSpec;
  private status: JobStatus;
  private readonly now: string;
  private readonly tally: Tally;

  constructor(
    private readonly job: Job,
    private readonly d: Defs,
    private readonly ctx: ControllerContext,
  ) {
    this.spec = job.spec ?? zeroValue<JobSpec>();
    this.status = cloneJson(job.status ?? {});
    this.now = rfc3339(ctx.now);
    this.tally = {
      succeeded: this.status.succeeded ?? 0,
      failed: this.status.failed ?? 0,
      completed: new Set(parseIndexRanges(this.status.completedIndexes)),
    };
  }

  run(): ReconcileResult {
    const conditions = (): JobCondition[] => this.status.conditions ?? [];
    let pods = this.pods();
    this.countFinished(pods);
    if (this.job.metadata.deletionTimestamp) return;
    const finished = hasCondition(conditions(), "Complete") || hasCondition(conditions(), "Failed");
    let requeueAt: number | undefined;
    if (!finished) {
      pods = this.pods();
      requeueAt = this.progress(pods);
    }
    this.writeStatus(this.pods());
    const ttl = this.spec.ttlSecondsAfterFinished;
    const finishedAt = this.finishedAt();
    if (ttl !== undefined && finishedAt !== undefined) {
      const expiry = finishedAt + ttl * 1000;
      if (this.ctx.now < expiry) return { requeueAt: expiry };
      this.ctx.registry.delete(this.d.jobs, this.job.metadata.namespace, this.job.metadata.name!, { propagationPolicy: "Foreground" });
      return;
    }
    return requeueAt === undefined ? undefined : { requeueAt };
  }

  private pods(): Pod[] {
    const uid = this.job.metadata.uid!;
    return this.ctx.indexes.dependentsOf(uid, this.d.pods).filter((o) => isControlledBy(o, uid));
  }

  /**
   * Count finished (or terminating) pods once, then release their job-tracking finalizers. The counts and the uids
   * awaiting release (`uncountedTerminatedPods`) are written first, so a pass cut short never loses or repeats a count.
   */
  private countFinished(pods: Pod[]): void {
    const pending = this.status.uncountedTerminatedPods ?? {};
    const waiting = new Set<string>([...(pending.succeeded ?? []), ...(pending.failed ?? [])]);
    const tracked = pods.filter((p) => (p.metadata.finalizers ?? []).includes(trackingFinalizer) && (isTerminal(p) || p.metadata.deletionTimestamp));
    const fresh = tracked.filter((p) => !waiting.has(p.metadata.uid!));
    if (!fresh.length && !waiting.size) return;
    const succeeded = new Set<string>(pending.succeeded ?? []);
    const failed = new Set<string>(pending.failed ?? []);
    for (const pod of fresh) {
      if (this.count(pod)) succeeded.add(pod.metadata.uid!);
      else failed.add(pod.metadata.uid!);
    }
    if (fresh.length) this.saveStatus({ succeeded: [...succeeded], failed: [...failed] });
    for (const pod of tracked) {
      const updated = cloneJson(pod);
      updated.metadata.finalizers = (pod.metadata.finalizers ?? []).filter((f) => f !== trackingFinalizer);
      if (!updated.metadata.finalizers.length) delete updated.metadata.finalizers;
      this.ctx.registry.update(this.d.pods, pod.metadata.namespace, pod.metadata.name!, updated);
    }
    this.status.uncountedTerminatedPods = {};
  }

  /** Add one finished pod to the tally; true when it succeeded. */
  private count(pod: Pod): boolean {
    const phase = pod.status?.phase;
    if (phase === "Succeeded") {
      const index = podIndex(pod);
      if (this.spec.completionMode !== "Indexed") this.tally.succeeded += 1;
      else if (index !== undefined && index < (this.spec.completions ?? 0) && !this.tally.completed.has(index)) {
        this.tally.completed.add(index);
        this.tally.succeeded += 1;
      }
      return true;
    }
    const match: FailureMatch | undefined = phase === "Failed" ? matchFailurePolicy(this.spec.podFailurePolicy, pod) : undefined;
    if (match?.action !== "Ignore") this.tally.failed += 1;
    if (match?.action === "FailJob") this.tally.failJob ??= failJobMessage(match, pod.metadata.namespace!, pod.metadata.name!);
    return false;
  }

  /** Decide failure, success or more pods. Returns when to look again (deadline, back-off). */
  private progress(pods: Pod[]): number | undefined {
    const active = pods.filter(isActive);
    if (this.spec.suspend) {
      this.deleteAll(active);
      if (!hasCondition(this.status.conditions, "Suspended")) {
        this.status.conditions = setCondition(this.status.conditions ?? [], "Suspended", "JobSuspended", "Job suspended", this.now);
        this.event("Normal", "Suspended", "Job suspended");
      }
      return undefined;
    }
    if (hasCondition(this.status.conditions, "Suspended")) {
      this.status.conditions = (this.status.conditions ?? []).map((c) =>
        c.type === "Suspended" ? { ...c, status: "False", reason: "JobResumed", message: "Job resumed", lastProbeTime: this.now, lastTransitionTime: this.now } : c,
      );
      this.status.startTime = this.now;
      this.event("Normal", "Resumed", "Job resumed");
    }
    this.status.startTime ??= this.now;
    const startMs = Date.parse(this.status.startTime);
    const failure = this.failure(active, startMs);
    if (failure) {
      this.finish(active, "Failed", failure.reason, failure.message);
      return undefined;
    }
    if (this.succeeded(active)) {
      this.finish(active, "Complete", "CompletionsReached", completionsReached);
      return undefined;
    }
    const deadline = this.spec.activeDeadlineSeconds !== undefined ? startMs + this.spec.activeDeadlineSeconds * 1000 : undefined;
    const retryAt = this.createPods(pods, active);
    return [deadline, retryAt].filter((t): t is number => t !== undefined).reduce<number | undefined>((a, b) => (a === undefined ? b : Math.min(a, b)), undefined);
  }

  private failure(active: Pod[], startMs: number): { reason: string; message: string } | undefined {
    if (this.tally.failJob) return { reason: "PodFailurePolicy", message: this.tally.failJob };
    const limit = this.spec.backoffLimit ?? 6;
    let restarts = 0;
    if (this.spec.template?.spec?.restartPolicy === "OnFailure") {
      for (const pod of active) {
        const status = pod.status ?? {};
        for (const cs of [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]) restarts += cs.restartCount ?? 0;
      }
    }
    const restartsExceed = this.spec.template?.spec?.restartPolicy === "OnFailure" && (limit === 0 ? restarts > 0 : restarts >= limit);
    if (this.tally.failed > limit || restartsExceed) return { reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit" };
    const ads = this.spec.activeDeadlineSeconds;
    if (ads !== undefined && this.ctx.now >= startMs + ads * 1000) {
      return { reason: "DeadlineExceeded", message: "Job was active longer than specified deadline" };
    }
    return undefined;
  }

  private succeeded(active: Pod[]): boolean {
    if (this.spec.completionMode === "Indexed") return this.tally.completed.size >= (this.spec.completions ?? 0);
    if (this.spec.completions === undefined) return this.tally.succeeded > 0 && active.length === 0;
    return this.tally.succeeded >= this.spec.completions;
  }

  /** The interim condition (FailureTarget / SuccessCriteriaMet), remaining pods removed, then the final one. */
  private finish(active: Pod[], type: "Failed" | "Complete", reason: string, message: string): void {
    const interim = type === "Failed" ? "FailureTarget" : "SuccessCriteriaMet";
    this.status.conditions = setCondition(this.status.conditions ?? [], interim, reason, message, this.now);
    this.deleteAll(active);
    this.countFinished(this.pods());
    if (this.pods().some((p) => !isTerminal(p))) return;
    this.status.conditions = setCondition(this.status.conditions ?? [], type, reason, message, this.now);
    if (type === "Complete") {
      this.status.completionTime = this.now;
      this.event("Normal", "Completed", "Job completed");
    } else {
      this.event("Warning", reason, message);
    }
  }

  private deleteAll(pods: Pod[]): void {
    for (const pod of pods) {
      if (!this.ctx.registry.tryGet(this.d.pods, pod.metadata.namespace, pod.metadata.name!)) continue;
      this.ctx.registry.delete(this.d.pods, pod.metadata.namespace, pod.metadata.name!);
      this.event("Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`);
    }
  }

  /** Start pods up to parallelism, after the failure back-off. Returns when the back-off ends, if it holds. */
  private createPods(pods: Pod[], active: Pod[]): number | undefined {
    const lastFailure = this.lastFailureMs(pods);
    if (lastFailure !== undefined) {
      const at = lastFailure + recreateDelayMs(this.tally.failed, this.ctx.timing.backoffBaseMs);
      if (this.ctx.now < at) return at;
    }
    const namespace = this.job.metadata.namespace;
    if (this.spec.completionMode === "Indexed") {
      const running = new Set(active.map(podIndex).filter((i): i is number => i !== undefined));
      const completions = this.spec.completions ?? 0;
      const room = Math.min(this.spec.parallelism ?? 1, completions - this.tally.completed.size) - active.length;
      for (const index of indexesToStart(completions, this.tally.completed, running, room)) this.createPod(namespace, index);
      return undefined;
    }
    const missing = wantedActive(this.spec, this.tally.succeeded) - active.length;
    for (let i = 0; i < missing; i++) this.createPod(namespace, undefined);
    return undefined;
  }

  private createPod(namespace: string | undefined, index: number | undefined): void {
    const pod = this.ctx.registry.create(this.d.pods, namespace, newJobPod(this.job, index));
    this.event("Normal", "SuccessfulCreate", `Created pod: ${pod.metadata.name}`);
  }

  /** When the newest failed pod finished (back-off runs from there). */
  private lastFailureMs(pods: Pod[]): number | undefined {
    let last: number | undefined;
    for (const pod of pods) {
      const status = pod.status ?? {};
      if (status.phase !== "Failed") continue;
      const times = (status.containerStatuses ?? []).map((cs) => cs.state?.terminated?.finishedAt).filter((t): t is string => Boolean(t));
      const at = Math.max(...times.map((t) => Date.parse(t)), Date.parse(pod.metadata.creationTimestamp ?? "") || 0);
      if (last === undefined || at > last) last = at;
    }
    return last;
  }

  private finishedAt(): number | undefined {
    const cond = this.status.conditions?.find((c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True");
    return cond ? Date.parse(this.status.completionTime ?? cond.lastTransitionTime ?? this.now) : undefined;
  }

  private writeStatus(pods: Pod[]): void {
    const active = pods.filter(isActive);
    this.status.active = active.length || undefined;
    this.status.ready = active.filter(isReady).length;
    this.status.terminating = pods.filter((p) => p.metadata.deletionTimestamp && !isTerminal(p)).length || undefined;
    this.saveStatus({});
  }

  private saveStatus(uncounted: { succeeded?: string[]; failed?: string[] }): void {
    const next: JobStatus = { ...this.status };
    next.succeeded = this.tally.succeeded || undefined;
    next.failed = this.tally.failed || undefined;
    next.uncountedTerminatedPods = {
      ...(uncounted.succeeded?.length ? { succeeded: uncounted.succeeded } : {}),
      ...(uncounted.failed?.length ? { failed: uncounted.failed } : {}),
    };
    if (this.spec.completionMode === "Indexed") next.completedIndexes = formatIndexRanges(this.tally.completed) || undefined;
    for (const [k, v] of Object.entries(next)) if (v === undefined) Reflect.deleteProperty(next, k);
    this.status = next;
    const current = this.ctx.registry.tryGet(this.d.jobs, this.job.metadata.namespace, this.job.metadata.name!);
    if (!current) return;
    this.ctx.registry.update(this.d.jobs, this.job.metadata.namespace, this.job.metadata.name!, { ...current, status: next }, { subresource: "status" });
  }

  /** Events are best-effort, as client-go's recorder: a failed one never fails the sync. */
  private event(type: "Normal" | "Warning", reason: string, message: string): void {
    try {
      this.ctx.events.record(this.job, this.ctx.now, type, reason, message, source);
    } catch (error) {
      console.warn(`job-controller: event ${reason} for ${keyOf(this.job)} not recorded:`, error);
    }
  }
}
