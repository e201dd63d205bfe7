// The DaemonSet controller: one pod per eligible node, pinned there by node affinity and left to the scheduler to
// bind; pods go from nodes that stop qualifying or disappear; a template change rolls out node by node within
// maxUnavailable, recorded as ControllerRevisions (what `kubectl rollout status|history|undo ds` read).
import type { KubeObject } from "../../../api/object";
import type { ControllerRevision } from "../../../api/schemas/apps/controllerrevision";
import type { DaemonSet } from "../../../api/schemas/apps/daemonset";
import type { Node } from "../../../api/schemas/core/node";
import type { Pod } from "../../../api/schemas/core/pod";
import type { StoreEvent } from "../../storage/store";
import { controllerRevisions } from "../../registry/controllerrevisions";
import { daemonSets } from "../../registry/daemonsets";
import { nodes } from "../../registry/nodes";
import { pods } from "../../registry/pods";
import type { ResourceDef } from "../../registry/types";
import { controllerRef, isControlledBy } from "../job/job-pods";
import { watch, type Controller, type ControllerContext, type KindEvent, type ReconcileResult, type Watch } from "../../control-loop/types";
import { keyOf, splitKey } from "../../control-loop/types";
import { nodeVerdict, pinnedNode, pinToNode, withDaemonTolerations } from "./node-eligibility";
import { revisionData, templateHash, templateOf } from "./revisions";
import { deepEqual } from "../../../api/json-equal";
import { cloneJson } from "../../../api/clone";

export const revisionHashLabel = "controller-revision-hash";
export const templateGenerationLabel = "pod-template-generation";
const source = { component: "daemonset-controller" };

interface Defs {
  daemonSets: ResourceDef<DaemonSet>;
  revisions: ResourceDef<ControllerRevision>;
  pods: ResourceDef<Pod>;
  nodes: ResourceDef<Node>;
}

const kinds: Defs = { daemonSets, revisions: controllerRevisions, pods, nodes };

/** Whether a node change can change where daemon pods belong (labels, taints, cordon, existence). */
function nodeChangeMatters(event: KindEvent<Node>): boolean {
  if (event.type !== "MODIFIED" || !event.prev) return true;
  const a = event.prev;
  const b = event.object;
  return !deepEqual(a.metadata.labels, b.metadata.labels) || !deepEqual(a.spec?.taints, b.spec?.taints);
}

const isTerminal = (pod: Pod) => pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";

function readySince(pod: Pod): number | undefined {
  const ready = (pod.status?.conditions ?? []).find((c) => c.type === "Ready" && c.status === "True");
  return ready ? Date.parse(ready.lastTransitionTime ?? "") || 0 : undefined;
}

/** GetScaledValueFromIntOrPercent, rounding up as the DaemonSet controller does. */
export function scaledValue(value: number | string | undefined, total: number): number {
  if (value === undefined) return 0;
  if (typeof value === "number") return value;
  const percent = /^(\d+)%$/.exec(value);
  return percent ? Math.ceil((Number(percent[1]) * total) / 100) : Number(value) || 0;
}

export class DaemonSetController implements Controller {
  readonly name = "daemonset-controller";
  private readonly keys = new Set<string>();

  readonly for = daemonSets;
  readonly ignoreDeleted = true;
  readonly owns = [pods];
  readonly watches: Watch[] = [
    { kind: daemonSets, keys: (event) => this.track(event) },
    watch(nodes, (event) => (nodeChangeMatters(event) ? [...this.keys] : [])),
  ];

  /** Keeps the set of DaemonSet keys (every one looks again when a node changes); wakes nothing itself. */
  private track(event: StoreEvent): string[] {
    const key = keyOf(event.object);
    if (event.type === "DELETED") this.keys.delete(key);
    else this.keys.add(key);
    return [];
  }

  resync(ctx: ControllerContext): string[] {
    this.keys.clear();
    for (const ds of ctx.registry.list(daemonSets)) this.keys.add(keyOf(ds));
    return [...this.keys];
  }

  reconcile(key: string, ctx: ControllerContext): ReconcileResult {
    const d = kinds;
    const { namespace, name } = splitKey(key);
    const ds = ctx.registry.tryGet(d.daemonSets, namespace, name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    return new DaemonSetSync(ds, d, ctx).run();
  }
}

class DaemonSetSync {
  private readonly spec: NonNullable<DaemonSet["spec"]>;
  private readonly uid: string;
  private readonly minReadyMs: number;

  constructor(
    private readonly ds: DaemonSet,
    private readonly d: Defs,
    private readonly ctx: ControllerContext,
  ) {
    this.spec = ds.spec!;
    this.uid = ds.metadata.uid!;
    this.minReadyMs = (this.spec.minReadySeconds ?? 0) * 1000;
  }

  run(): ReconcileResult {
    const hash = templateHash(this.spec.template ?? {}, this.ds.status?.collisionCount ?? 0);
    this.currentRevision(hash);
    const nodes = this.ctx.registry.list(this.d.nodes);
    const byNode = this.podsByNode();
    const nodeNames = new Set(nodes.map((n) => n.metadata.name!));
    // Pods pinned to nodes that no longer exist.
    for (const [node, pods] of byNode) if (!nodeNames.has(node)) pods.forEach((p) => this.deletePod(p));
    const maxUnavailable = this.maxUnavailable(nodes);
    let unavailable = 0;
    const oldAvailable: Pod[] = [];
    for (const node of nodes) {
      const verdict = nodeVerdict(this.spec.template?.spec ?? {}, node);
      const pods = (byNode.get(node.metadata.name!) ?? []).filter((p) => !p.metadata.deletionTimestamp);
      const failed = pods.filter(isTerminal);
      failed.forEach((p) => this.deletePod(p, `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${node.metadata.name}, will try to kill it`));
      const live = pods.filter((p) => !isTerminal(p)).sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)));
      if (!verdict.shouldContinueRunning) {
        live.forEach((p) => this.deletePod(p));
        continue;
      }
      live.slice(1).forEach((p) => this.deletePod(p));
      const pod = live[0];
      if (!pod) {
        if (verdict.shouldRun) {
          this.createPod(node.metadata.name!, hash);
          unavailable += 1;
        }
        continue;
      }
      if (!this.available(pod)) unavailable += 1;
      if (this.spec.updateStrategy?.type === "RollingUpdate" && pod.metadata.labels?.[revisionHashLabel] !== hash) {
        // Old pods that are not available go at once; available ones within maxUnavailable.
        if (!this.available(pod)) this.deletePod(pod);
        else oldAvailable.push(pod);
      }
    }
    for (const pod of oldAvailable) {
      if (unavailable >= maxUnavailable) break;
      this.deletePod(pod);
      unavailable += 1;
    }
    const requeueAt = this.writeStatus(nodes, hash);
    this.cleanupHistory(hash);
    return requeueAt === undefined ? undefined : { requeueAt };
  }

  private maxUnavailable(nodes: Node[]): number {
    const desired = nodes.filter((n) => nodeVerdict(this.spec.template?.spec ?? {}, n).shouldRun).length;
    const rolling = this.spec.updateStrategy?.rollingUpdate ?? {};
    return Math.max(1, scaledValue(rolling.maxUnavailable ?? 1, desired));
  }

  private ownedBy<T extends KubeObject>(kind: ResourceDef<T>): T[] {
    return this.ctx.indexes.dependentsOf(this.uid, kind).filter((o) => isControlledBy(o, this.uid));
  }

  /** The pods it controls. */
  private ownPods(): Pod[] {
    return this.ownedBy(this.d.pods);
  }

  private ownRevisions(): ControllerRevision[] {
    return this.ownedBy(this.d.revisions);
  }

  private podsByNode(): Map<string, Pod[]> {
    const out = new Map<string, Pod[]>();
    for (const pod of this.ownPods()) {
      const node = pinnedNode(pod.spec ?? {});
      if (!node) continue;
      const list = out.get(node) ?? [];
      list.push(pod);
      out.set(node, list);
    }
    return out;
  }

  private available(pod: Pod): boolean {
    const since = readySince(pod);
    return since !== undefined && !pod.metadata.deletionTimestamp && since + this.minReadyMs <= this.ctx.now;
  }

  /** The ControllerRevision of the current template: created, or renumbered to the newest when rolled back to. */
  private currentRevision(hash: string): void {
    const revisions = this.ownRevisions();
    const max = revisions.reduce((m, r) => Math.max(m, Number(r.revision ?? 0)), 0);
    const existing = revisions.find((r) => r.metadata.labels?.[revisionHashLabel] === hash || deepEqual(templateOf(r), this.spec.template));
    if (existing) {
      if (Number(existing.revision) < max) {
        this.ctx.registry.update(this.d.revisions, existing.metadata.namespace, existing.metadata.name!, { ...existing, revision: max + 1 });
      }
      return;
    }
    const labels = { ...(this.spec.template?.metadata?.labels ?? {}), [revisionHashLabel]: hash };
    this.ctx.registry.create(this.d.revisions, this.ds.metadata.namespace, {
      metadata: {
        name: `${this.ds.metadata.name}-${hash}`,
        labels,
        ...(this.ds.metadata.annotations ? { annotations: { ...this.ds.metadata.annotations } } : {}),
        ownerReferences: [controllerRef(this.ds)],
      },
      data: revisionData(this.ds),
      revision: max + 1,
    });
  }

  /** Delete revisions beyond revisionHistoryLimit that no live pod uses, oldest first. */
  private cleanupHistory(hash: string): void {
    const limit = this.spec.revisionHistoryLimit ?? 10;
    const inUse = new Set(this.ownPods().map((p) => p.metadata.labels?.[revisionHashLabel]));
    const old = this.ownRevisions()
      .filter((r) => r.metadata.labels?.[revisionHashLabel] !== hash && !inUse.has(r.metadata.labels?.[revisionHashLabel]))
      .sort((a, b) => Number(a.revision) - Number(b.revision));
    for (const rev of old.slice(0, Math.max(0, old.length - limit))) {
      this.ctx.registry.delete(this.d.revisions, rev.metadata.namespace, rev.metadata.name!);
    }
  }

  private createPod(nodeName: string, hash: string): void {
    const template = this.spec.template ?? {};
    // Validation requires the template's spec (its containers).
    const spec = cloneJson(template.spec ?? { containers: [] });
    pinToNode(spec, nodeName);
    withDaemonTolerations(spec);
    const metadata: KubeObject["metadata"] = {
      generateName: `${this.ds.metadata.name}-`,
      labels: {
        ...(template.metadata?.labels ?? {}),
        [revisionHashLabel]: hash,
        [templateGenerationLabel]: String(this.ds.metadata.generation ?? 1),
      },
      ownerReferences: [controllerRef(this.ds)],
    };
    if (template.metadata?.annotations) metadata.annotations = { ...template.metadata.annotations };
    const pod = this.ctx.registry.create(this.d.pods, this.ds.metadata.namespace, { apiVersion: "v1", kind: "Pod", metadata, spec });
    this.event("Normal", "SuccessfulCreate", `Created pod: ${pod.metadata.name}`);
  }

  private deletePod(pod: Pod, warning?: string): void {
    if (!this.ctx.registry.tryGet(this.d.pods, pod.metadata.namespace, pod.metadata.name!)) return;
    if (warning) this.event("Warning", "FailedDaemonPod", warning);
    this.ctx.registry.delete(this.d.pods, pod.metadata.namespace, pod.metadata.name!);
    this.event("Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`);
  }

  /** updateDaemonSetStatus; returns when a ready pod becomes available (minReadySeconds), if that is pending. */
  private writeStatus(nodes: Node[], hash: string): number | undefined {
    const byNode = this.podsByNode();
    const counts = { desired: 0, current: 0, misscheduled: 0, ready: 0, available: 0, updated: 0 };
    let nextAvailable: number | undefined;
    for (const node of nodes) {
      const verdict = nodeVerdict(this.spec.template?.spec ?? {}, node);
      const pods = (byNode.get(node.metadata.name!) ?? []).filter((p) => !p.metadata.deletionTimestamp && !isTerminal(p));
      if (!verdict.shouldRun) {
        if (pods.length) counts.misscheduled += 1;
        continue;
      }
      counts.desired += 1;
      if (!pods.length) continue;
      counts.current += 1;
      const pod = pods[0];
      const since = readySince(pod);
      if (since !== undefined) {
        counts.ready += 1;
        if (since + this.minReadyMs <= this.ctx.now) counts.available += 1;
        else nextAvailable = Math.min(nextAvailable ?? Infinity, since + this.minReadyMs);
      }
      if (pods.some((p) => p.metadata.labels?.[revisionHashLabel] === hash)) counts.updated += 1;
    }
    const old = this.ds.status;
    const status: DaemonSet["status"] = {
      currentNumberScheduled: counts.current,
      numberMisscheduled: counts.misscheduled,
      desiredNumberScheduled: counts.desired,
      numberReady: counts.ready,
      observedGeneration: this.ds.metadata.generation,
      updatedNumberScheduled: counts.updated,
      numberAvailable: counts.available,
      ...(counts.desired - counts.available > 0 ? { numberUnavailable: counts.desired - counts.available } : {}),
      ...(old?.collisionCount !== undefined ? { collisionCount: old.collisionCount } : {}),
      ...(old?.conditions ? { conditions: old.conditions } : {}),
    };
    const current = this.ctx.registry.tryGet(this.d.daemonSets, this.ds.metadata.namespace, this.ds.metadata.name!);
    if (current) {
      this.ctx.registry.update(this.d.daemonSets, this.ds.metadata.namespace, this.ds.metadata.name!, { ...current, status }, { subresource: "status" });
    }
    return nextAvailable;
  }

  /** Events are best-effort, as client-go's recorder: a failed one never fails the sync. */
  private event(type: "Normal" | "Warning", reason: string, message: string): void {
    try {
      this.ctx.events.record(this.ds, this.ctx.now, type, reason, message, source);
    } catch (error) {
      console.warn(`daemonset-controller: event ${reason} for ${keyOf(this.ds)} not recorded:`, error);
    }
  }
}
