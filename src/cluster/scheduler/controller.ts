// The `scheduler` controller: kube-scheduler's scheduling loop. Watches pods that need a node, runs the framework
// over the incremental cache, binds through the registry's pods/binding code (so with the binding subresource's
// checks) and records what a real scheduler records (the PodScheduled condition, Scheduled / FailedScheduling
// events). A pod that fits nowhere may preempt pods of lower priority (DefaultPreemption): the victims are deleted
// and the pod is nominated to their node, which is kept for it. Pods that fit nowhere wait in a set and are retried,
// most important first, when a cluster event could help them (a node added or changed, a bound pod gone, a pod's
// labels changed) or, at the latest, after the real scheduler's 5-minute flush of unschedulable pods. A pod's
// claims (VolumeBinding) must exist and be bound, or be of a WaitForFirstConsumer class: those get the chosen node
// and the pod waits until the PV controller has bound them; a write of a claim it waits for wakes it.
import type { Node } from "../../api/schemas/core/node";
import type { Pod } from "../../api/schemas/core/pod";
import type { RegistryStore } from "../registry/generic-store";
import { namespaces } from "../registry/namespaces";
import { nodes } from "../registry/nodes";
import { pods } from "../registry/pods";
import { rfc3339 } from "../../runtime/clock";
import { splitKey, watch, type Controller, type ControllerContext, type KindEvent, type ReconcileResult, type Watch } from "../control-loop/types";
import { bindFailed, bindToNode, type BindOutcome } from "./binding-cycle";
import { SchedulerCache } from "./cache";
import { defaultSelectors } from "./default-selector";
import { unschedulableMessage } from "./fit-error";
import { prepareFilters, schedulePod, type NominatedPods, type ScheduleResult } from "./framework";
import { volumeBindingPreFilter, type VolumePreFilter } from "./plugins/volume-binding";
import { persistentVolumeClaims } from "../registry/persistentvolumeclaims";
import { annSelectedNode, claimNamesOf } from "../registry/persistentvolumeclaims/annotations";
import { persistentVolumes } from "../registry/persistentvolumes";
import type { FilterFailure } from "./types";
import { PodNominator } from "./nominator";
import { assignedPod, nodeUpdate, podToSchedule, type ParseOptions } from "./parse";
import { plugins } from "./plugins/reasons";
import { isAssigned, isGated, isTerminal, needsScheduling, withCondition } from "./pod-state";
import { preempt } from "./preemption/evaluate";
import { executePreemption } from "./preemption/execute";
import type { AssignedPod } from "./types";

/** The key that retries the unschedulable pods a cluster event may have helped. */
export const retryKey = "*unschedulable";
/** podMaxInUnschedulablePodsDuration: an unschedulable pod is tried again after this long at the latest. */
export const unschedulableFlushMs = 5 * 60_000;
const source = { component: "default-scheduler" };
/** Any plugin: a node was added or changed. */
const anyPlugin = "*";

const json = (value: unknown) => JSON.stringify(value ?? null);

function podKeyOf(obj: Pod): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}

export class SchedulerController implements Controller {
  readonly name = "scheduler";
  private cache = new SchedulerCache();
  private ready = false;
  private registry: RegistryStore | undefined;
  /** Unschedulable pod key → the plugins that rejected it on some node. */
  private readonly unschedulable = new Map<string, Set<string>>();
  /** Plugin → how many unschedulable pods it rejected (so an event wakes the retry only when it can matter). */
  private readonly rejections = new Map<string, number>();
  /** Plugins whose failures a cluster event since the last retry may have resolved. */
  private readonly triggered = new Set<string>();
  /** Unbound pods nominated to a node by an earlier preemption. */
  private readonly nominator = new PodNominator();
  private readonly nominatedOn: NominatedPods = (node) => this.nominator.on(node);
  /** `namespace/claim` → the pods waiting for that claim (to exist, to be bound): a write of the claim wakes them. */
  private readonly claimWaiters = new Map<string, Set<string>>();

  readonly watches: Watch[] = [
    watch(pods, (event) => this.onPod(event)),
    watch(nodes, (event) => this.onNode(event)),
    watch(persistentVolumeClaims, (event) => {
      const claim = `${event.object.metadata.namespace}/${event.object.metadata.name}`;
      const waiting = this.claimWaiters.get(claim);
      if (!waiting) return [];
      this.claimWaiters.delete(claim);
      return [...waiting];
    }),
    // A volume that appears or changes may end a VolumeBinding rejection.
    watch(persistentVolumes, () => {
      this.trigger(plugins.volumeBinding);
      return this.triggered.size && this.unschedulable.size ? [retryKey] : [];
    }),
  ];

  resync(ctx: ControllerContext): string[] {
    this.ready = false;
    this.ensureCache(ctx);
    return ctx.registry.list(pods).filter(needsScheduling).map(podKeyOf);
  }

  reconcile(key: string, ctx: ControllerContext): ReconcileResult {
    this.ensureCache(ctx);
    if (key === retryKey) return this.retry(ctx);
    return this.scheduleOne(key, ctx);
  }

  /** The pods waiting in the unschedulable set (for tests and diagnostics). */
  get unschedulableKeys(): string[] {
    return [...this.unschedulable.keys()];
  }

  private parseOptions(): ParseOptions {
    const registry = this.registry;
    return {
      namespaces: () =>
        registry
          ? registry.list(namespaces).map((ns) => ({ name: ns.metadata.name!, labels: ns.metadata.labels ?? {} }))
          : [],
    };
  }

  private ensureCache(ctx: ControllerContext): void {
    if (this.ready) return;
    this.registry = ctx.registry;
    this.cache = new SchedulerCache();
    for (const node of ctx.registry.list(nodes)) this.cache.upsertNode(nodeUpdate(node));
    const options = this.parseOptions();
    this.nominator.clear();
    for (const pod of ctx.registry.list(pods)) {
      if (isAssigned(pod) && !isTerminal(pod)) this.cache.upsertPod(assignedPod(pod, options));
      else this.nominator.set(podKeyOf(pod), this.nominated(pod));
    }
    this.ready = true;
  }

  /** The pod as it holds room on its nominated node, if it waits for one. */
  private nominated(pod: Pod | undefined): AssignedPod | undefined {
    const node = pod?.status?.nominatedNodeName;
    if (!pod || !node || !needsScheduling(pod)) return undefined;
    return { ...assignedPod(pod), node };
  }

  private onPod(event: KindEvent<Pod>): string[] {
    const obj = event.type === "DELETED" ? undefined : event.object;
    const prev = event.prev;
    const key = podKeyOf(event.object);
    const counted = (p: Pod | undefined) => !!p && isAssigned(p) && !isTerminal(p);
    const nowCounted = counted(obj);
    const wasCounted = counted(prev);
    if (event.object.status?.nominatedNodeName || prev?.status?.nominatedNodeName) {
      const nominated = this.nominated(obj);
      // Room kept for a pod that no longer waits for it (and did not take it) is free again.
      if (!nominated && !nowCounted) this.trigger(plugins.nodeResourcesFit);
      this.nominator.set(key, nominated);
    }
    if (nowCounted) {
      const changed =
        !wasCounted ||
        json(prev!.metadata.labels) !== json(obj!.metadata.labels) ||
        !!prev!.metadata.deletionTimestamp !== !!obj!.metadata.deletionTimestamp ||
        prev!.spec?.nodeName !== obj!.spec?.nodeName;
      // The event of this scheduler's own bind finds the pod counted already (assumed): it stands.
      const confirmed = this.cache.confirmPod(key, obj!.spec!.nodeName!);
      if (changed || (this.ready && !this.cache.pod(key))) {
        if (this.ready && !confirmed) this.cache.upsertPod(assignedPod(obj!, this.parseOptions()));
        this.trigger(plugins.podTopologySpread, plugins.interPodAffinity);
      }
    } else if (wasCounted || (this.ready && this.cache.pod(key))) {
      if (this.ready) this.cache.removePod(key);
      this.trigger(plugins.nodeResourcesFit, plugins.podTopologySpread, plugins.interPodAffinity);
    }

    const keys: string[] = [];
    if (obj && needsScheduling(obj)) {
      const fresh = event.type === "ADDED" || !prev || !needsScheduling(prev);
      if (fresh || json(prev!.spec) !== json(obj.spec) || json(prev!.metadata.labels) !== json(obj.metadata.labels)) keys.push(key);
    } else {
      this.clearUnschedulable(key);
    }
    if (this.triggered.size && this.unschedulable.size) keys.push(retryKey);
    return keys;
  }

  private onNode(event: KindEvent<Node>): string[] {
    const relevant = (n: Node | undefined) => (n ? json([n.metadata.labels, n.spec?.taints, n.spec?.unschedulable, n.status?.allocatable]) : "");
    if (event.type === "DELETED") {
      if (this.ready) this.cache.removeNode(event.object.metadata.name!);
      return [];
    }
    if (event.prev && relevant(event.prev) === relevant(event.object)) return [];
    if (this.ready) this.cache.upsertNode(nodeUpdate(event.object));
    this.trigger(anyPlugin);
    return this.unschedulable.size ? [retryKey] : [];
  }

  /** Note a cluster event that may help pods waiting now; one from before any pod waits helps none of them. */
  private trigger(...names: string[]): void {
    if (!this.unschedulable.size) return;
    for (const n of names) if (n === anyPlugin || this.rejections.has(n)) this.triggered.add(n);
  }

  private markUnschedulable(key: string, rejectedBy: Set<string>): void {
    this.clearUnschedulable(key);
    this.unschedulable.set(key, rejectedBy);
    for (const p of rejectedBy) this.rejections.set(p, (this.rejections.get(p) ?? 0) + 1);
  }

  private clearUnschedulable(key: string): void {
    const rejectedBy = this.unschedulable.get(key);
    if (!rejectedBy) return;
    this.unschedulable.delete(key);
    for (const p of rejectedBy) {
      const n = (this.rejections.get(p) ?? 1) - 1;
      if (n > 0) this.rejections.set(p, n);
      else this.rejections.delete(p);
    }
  }

  private retry(ctx: ControllerContext): ReconcileResult {
    const triggered = new Set(this.triggered);
    this.triggered.clear();
    const due = [...this.unschedulable]
      .filter(([, rejectedBy]) => triggered.has(anyPlugin) || [...rejectedBy].some((p) => triggered.has(p)))
      .map(([key]) => key);
    // The scheduling queue's order (PrioritySort): more important pods first, else in the order they failed.
    const priority = new Map(due.map((key) => [key, this.priorityOf(key, ctx)]));
    due.sort((a, b) => priority.get(b)! - priority.get(a)!);
    // What a retried pod's attempt asks for (a refused bind's back-off) is not kept: its own key's timer (the flush) is.
    for (const key of due) {
      try {
        this.scheduleOne(key, ctx);
      } catch (error) {
        console.warn(`scheduler: retrying ${key} failed:`, error);
      }
    }
  }

  private priorityOf(key: string, ctx: ControllerContext): number {
    const { namespace, name } = splitKey(key);
    return ctx.registry.tryGet(pods, namespace, name)?.spec?.priority ?? 0;
  }

  private scheduleOne(key: string, ctx: ControllerContext): ReconcileResult {
    const { namespace, name } = splitKey(key);
    const pod = ctx.registry.tryGet(pods, namespace, name);
    if (!pod || !needsScheduling(pod) || isGated(pod)) {
      this.clearUnschedulable(key);
      return;
    }
    const parsed = podToSchedule(pod, { ...this.parseOptions(), defaultSpreadSelectors: defaultSelectors(pod, ctx) });
    const volumeCheck = claimNamesOf(pod).length ? volumeBindingPreFilter(pod, ctx.registry) : undefined;
    let result: ScheduleResult;
    if (volumeCheck?.failure !== undefined) {
      // PreFilter refused the pod: every node is unresolvable for it.
      const failure: FilterFailure = { plugin: plugins.volumeBinding, reasons: [volumeCheck.failure], unresolvable: true };
      const all = this.cache.nodes();
      result = { numNodes: all.length, failures: new Map(all.map((n) => [n.name, failure])), state: prepareFilters(parsed, this.cache) };
    } else {
      const volumes = volumeCheck ? { pod: volumeCheck.volumes, available: () => ctx.registry.list(persistentVolumes) } : undefined;
      result = schedulePod(parsed, this.cache, this.nominatedOn, volumes);
    }
    if (result.node !== undefined) {
      if (volumeCheck?.failure === undefined && volumeCheck?.volumes.delayed.length) {
        this.waitForClaims(key, namespace!, volumeCheck.claims);
        return this.awaitVolumes(key, result.node, volumeCheck, ctx);
      }
      return this.bind(pod, result.node, ctx);
    }
    if (volumeCheck) this.waitForClaims(key, namespace!, volumeCheck.claims);
    // Waiting from now on, so that the victims' removal (which may come at once) wakes it.
    this.markUnschedulable(key, new Set([...result.failures.values()].map((f) => f.plugin)));
    // PostFilter: preemption. `nominate` is the new status.nominatedNodeName ("" clears it; undefined keeps it).
    let preemption: string | undefined;
    let nominate: string | undefined;
    if (result.numNodes > 0) {
      const outcome = preempt(parsed, this.cache, result.failures, result.state, this.nominatedOn);
      if (outcome.preempt) {
        const lower = this.nominator.on(outcome.preempt.node).filter((p) => p.priority < parsed.priority && p.key !== key);
        executePreemption(pod, outcome.preempt, lower, pods, ctx);
        nominate = outcome.preempt.node;
      } else {
        preemption = outcome.message;
        if (outcome.clearNomination) nominate = "";
      }
    }
    const message = unschedulableMessage(result.numNodes, result.failures, preemption, volumeCheck?.failure);
    const current = ctx.registry.tryGet(pods, namespace, name) ?? pod;
    const updated = withCondition(current, { type: "PodScheduled", status: "False", reason: "Unschedulable", message }, rfc3339(ctx.now));
    if (nominate) updated.status!.nominatedNodeName = nominate;
    else if (nominate === "") delete updated.status?.nominatedNodeName;
    const stored = ctx.registry.update(pods, namespace, name, updated, { subresource: "status" });
    ctx.events.record(stored, ctx.now, "Warning", "FailedScheduling", message, source);
    return { requeueAt: ctx.now + unschedulableFlushMs };
  }

  private waitForClaims(podKey: string, namespace: string, claims: readonly string[]): void {
    for (const claim of claims) {
      const key = `${namespace}/${claim}`;
      (this.claimWaiters.get(key) ?? this.claimWaiters.set(key, new Set()).get(key)!).add(podKey);
    }
  }

  /**
   * VolumeBinding's PreBind for claims of WaitForFirstConsumer classes: each gets the chosen node as its selected
   * node, for the PV controller to provision or bind there; the pod is scheduled again once they are bound.
   */
  private awaitVolumes(key: string, node: string, check: Extract<VolumePreFilter, { volumes: unknown }>, ctx: ControllerContext): ReconcileResult {
    this.clearUnschedulable(key);
    for (const { claim } of check.volumes.delayed) {
      if (claim.metadata.annotations?.[annSelectedNode] === node) continue;
      ctx.registry.update(persistentVolumeClaims, claim.metadata.namespace, claim.metadata.name!, {
        ...claim, metadata: { ...claim.metadata, annotations: { ...claim.metadata.annotations, [annSelectedNode]: node } },
      });
    }
    return { requeueAt: ctx.now + unschedulableFlushMs };
  }

  /**
   * The binding cycle: the pod counts on `node` at once (assumed), then is bound through pods/binding. A refused
   * bind forgets it, which frees its room as a bound pod's deletion would, and goes to the failure handler.
   */
  private bind(pod: Pod, node: string, ctx: ControllerContext): ReconcileResult {
    const key = podKeyOf(pod);
    this.cache.assumePod({ ...assignedPod(pod, this.parseOptions()), node });
    this.clearUnschedulable(key);
    let outcome: BindOutcome;
    try {
      outcome = bindToNode(pod, node, ctx);
    } catch (error) {
      this.cache.forgetPod(key);
      throw error;
    }
    if (outcome.error === undefined) return;
    this.cache.forgetPod(key);
    this.trigger(plugins.nodeResourcesFit, plugins.podTopologySpread, plugins.interPodAffinity);
    const retryAt = bindFailed(pod, outcome.error, pods, ctx);
    return retryAt === undefined ? undefined : { requeueAt: retryAt };
  }
}
