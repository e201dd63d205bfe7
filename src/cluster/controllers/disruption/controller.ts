// The disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's status — the pods its
// selector matches, how many are healthy (Ready, not being deleted, not just approved for eviction), how many must
// be, how many may be disrupted now — and the DisruptionAllowed condition. Pods the eviction subresource approved
// (status.disruptedPods) count as gone until they are seen terminating, or for two minutes at most.
import type { Pod } from "../../../api/schemas/core/pod";
import type { PodDisruptionBudgetStatus } from "../../../api/schemas/policy/poddisruptionbudget";
import type { LabelMatcher } from "../../../api/selectors/label-selector";
import { cloneJson } from "../../../api/clone";
import { deepEqual } from "../../../api/json-equal";
import { budgetSelector, conditionsUpToDate, setCondition, updateDisruptionAllowedCondition } from "../../registry/poddisruptionbudgets/budget";
import type { PdbFields } from "../../registry/poddisruptionbudgets/validation";
import { rfc3339 } from "../../../runtime/clock";
import { pods } from "../../registry/pods";
import { podDisruptionBudgets } from "../../registry/poddisruptionbudgets";
import type { EventSource } from "../../control-loop/event-recorder";
import { isPodReady } from "../replicaset/pod-state";
import { splitKey, watch, type Controller, type ControllerContext, type ReconcileResult, type Watch } from "../../control-loop/types";
import { expectedPods } from "./expected-pods";

/** DeletionTimeout: how long an approved eviction keeps a pod out of the healthy count if it is not deleted. */
export const deletionTimeoutMs = 2 * 60_000;

const source: EventSource = { component: "controllermanager" };

export class DisruptionController implements Controller {
  readonly name = "disruption";
  /** namespace → budget name → its selector, kept from store events, so a pod's write finds its budgets cheaply. */
  private readonly selectors = new Map<string, Map<string, LabelMatcher>>();

  readonly watches: Watch[] = [
    watch(podDisruptionBudgets, (event) => {
      const { object } = event;
      const ns = object.metadata.namespace ?? "";
      this.track(ns, object.metadata.name ?? "", event.type === "DELETED" ? undefined : budgetSelector(object));
      return [`${ns}/${object.metadata.name}`];
    }),
    watch(pods, (event) => {
      const { object } = event;
      const ns = object.metadata.namespace ?? "";
      const budgets = this.selectors.get(ns);
      if (!budgets) return [];
      const out: string[] = [];
      for (const [name, selector] of budgets) {
        if (selector.matches(object.metadata.labels ?? {}) || (event.prev && selector.matches(event.prev.metadata.labels ?? {}))) out.push(`${ns}/${name}`);
      }
      return out;
    }),
  ];

  resync(ctx: ControllerContext): string[] {
    this.selectors.clear();
    return ctx.registry.list(podDisruptionBudgets).map((pdb) => {
      this.track(pdb.metadata.namespace ?? "", pdb.metadata.name ?? "", budgetSelector(pdb));
      return `${pdb.metadata.namespace}/${pdb.metadata.name}`;
    });
  }

  reconcile(key: string, ctx: ControllerContext): ReconcileResult {
    const { namespace, name } = splitKey(key);
    const pdb = ctx.registry.tryGet(podDisruptionBudgets, namespace, name);
    if (!pdb) return;
    const selector = budgetSelector(pdb);
    const selected = ctx.registry.list(pods, namespace).filter((pod) => selector.matches(pod.metadata.labels ?? {}));
    if (!selected.length) ctx.events.record(pdb, ctx.now, "Normal", "NoPods", "No matching pods found", source);
    let expected;
    try {
      expected = expectedPods(pdb, selected, ctx);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      ctx.events.record(pdb, ctx.now, "Warning", "CalculateExpectedPodCountFailed", `Failed to calculate the number of expected pods: ${message}`, source);
      this.failSafe(pdb, message, ctx);
      return;
    }
    if (expected.unmanagedPods.length) {
      ctx.events.record(
        pdb,
        ctx.now,
        "Warning",
        "UnmanagedPods",
        `Pods selected by this PodDisruptionBudget (selector: ${goSelectorPointer(pdb)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
        source,
      );
    }
    const { disruptedPods, recheckAt } = this.disruptedPods(pdb, selected, ctx);
    const currentHealthy = countHealthy(selected, disruptedPods, ctx.now);
    this.writeStatus(pdb, currentHealthy, expected.desiredHealthy, expected.expectedCount, disruptedPods, ctx);
    return recheckAt === undefined ? undefined : { requeueAt: recheckAt };
  }

  private track(ns: string, name: string, selector: LabelMatcher | undefined): void {
    let byName = this.selectors.get(ns);
    if (selector) {
      if (!byName) this.selectors.set(ns, (byName = new Map()));
      byName.set(name, selector);
    } else if (byName?.delete(name) && !byName.size) this.selectors.delete(ns);
  }

  /** buildDisruptedPodMap: approved evictions still awaited; those past the timeout are dropped with a NotDeleted event. */
  private disruptedPods(pdb: PdbFields, pods: Pod[], ctx: ControllerContext): { disruptedPods: Record<string, string>; recheckAt?: number } {
    const approved = pdb.status?.disruptedPods ?? {};
    const disruptedPods: Record<string, string> = {};
    let recheckAt: number | undefined;
    for (const pod of pods) {
      const at = approved[pod.metadata.name ?? ""];
      if (pod.metadata.deletionTimestamp || at === undefined) continue;
      const expectedDeletion = Date.parse(at) + deletionTimeoutMs;
      // Dropped at the timeout itself (Kubernetes keeps it that instant), so the recheck it asked for does not spin.
      if (expectedDeletion <= ctx.now) {
        // The real controller prints the budget's namespace twice.
        const ns = pdb.metadata.namespace ?? "";
        ctx.events.record(pod, ctx.now, "Warning", "NotDeleted", `Pod was expected by PDB ${ns}/${ns} to be deleted but it wasn't`, source);
        continue;
      }
      if (recheckAt === undefined || expectedDeletion < recheckAt) recheckAt = expectedDeletion;
      disruptedPods[pod.metadata.name ?? ""] = at;
    }
    return { disruptedPods, recheckAt };
  }

  /** updatePdbStatus: writes only when a count, the disrupted pods, the generation or the condition changed. */
  private writeStatus(
    pdb: PdbFields,
    currentHealthy: number,
    desiredHealthy: number,
    expectedCount: number,
    disruptedPods: Record<string, string>,
    ctx: ControllerContext,
  ): void {
    // No disruption while no pod is expected: a budget whose first pods appear is safe before its next sync.
    const disruptionsAllowed = expectedCount <= 0 ? 0 : Math.max(0, currentHealthy - desiredHealthy);
    const old = pdb.status ?? {};
    const generation = pdb.metadata.generation ?? 0;
    if (
      old.currentHealthy === currentHealthy &&
      old.desiredHealthy === desiredHealthy &&
      old.expectedPods === expectedCount &&
      old.disruptionsAllowed === disruptionsAllowed &&
      deepEqual(old.disruptedPods ?? {}, disruptedPods) &&
      old.observedGeneration === generation &&
      conditionsUpToDate(pdb)
    ) {
      return;
    }
    const status: PodDisruptionBudgetStatus = {
      observedGeneration: generation,
      ...(Object.keys(disruptedPods).length ? { disruptedPods } : {}),
      disruptionsAllowed,
      currentHealthy,
      desiredHealthy,
      expectedPods: expectedCount,
      conditions: cloneJson(old.conditions ?? []),
    };
    updateDisruptionAllowedCondition(status, rfc3339(ctx.now));
    ctx.registry.update(podDisruptionBudgets, pdb.metadata.namespace, pdb.metadata.name!, { ...pdb, status }, { subresource: "status" });
  }

  /** failSafe: when the counts cannot be computed, allow no disruption and say why (reason SyncFailed). */
  private failSafe(pdb: PdbFields, message: string, ctx: ControllerContext): void {
    const status: PodDisruptionBudgetStatus = { ...cloneJson(pdb.status ?? {}), disruptionsAllowed: 0 };
    setCondition(status, { type: "DisruptionAllowed", status: "False", reason: "SyncFailed", message }, rfc3339(ctx.now));
    ctx.registry.update(podDisruptionBudgets, pdb.metadata.namespace, pdb.metadata.name!, { ...pdb, status }, { subresource: "status" });
  }
}

/** countHealthyPods: Ready pods that are neither being deleted nor awaiting an approved eviction. */
function countHealthy(pods: Pod[], disruptedPods: Record<string, string>, now: number): number {
  let healthy = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = disruptedPods[pod.metadata.name ?? ""];
    if (at !== undefined && Date.parse(at) + deletionTimeoutMs > now) continue;
    if (isPodReady(pod)) healthy++;
  }
  return healthy;
}

/** The event prints the selector as %v of a *metav1.LabelSelector prints (its generated String()). */
function goSelectorPointer(pdb: PdbFields): string {
  const selector = pdb.spec?.selector;
  if (!selector) return "nil";
  const labels = Object.keys(selector.matchLabels ?? {}).sort().map((k) => `${k}: ${selector.matchLabels![k]},`).join("");
  const exprs = (selector.matchExpressions ?? [])
    .map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(" ")}],},`)
    .join("");
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}
