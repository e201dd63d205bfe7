// POST pods/<name>/eviction (the eviction REST of pkg/registry/core/pod/storage/eviction.go): a pod that is pending,
// finished or already terminating is deleted at once; otherwise the one PodDisruptionBudget that guards it must allow
// a disruption, which the eviction takes (disruptionsAllowed - 1, the pod in disruptedPods) before deleting it. Too
// few healthy pods is a 429 that `kubectl drain` retries every 5 s; more than one budget is a 500. An evicted pod
// gets the DisruptionTarget condition (EvictionByEvictionAPI) just before its deletion. The real handler's retries on
// conflict have nothing to retry here: a request runs alone against the store.
import { isRecord } from "../../../api/object";
import type { Pod, PodStatus } from "../../../api/schemas";
import type { PodDisruptionBudgetStatus } from "../../../api/schemas/policy/poddisruptionbudget";
import { badRequest, conflict, failure, StatusError, success, type Status } from "../../../api/status";
import { cloneJson } from "../../../api/clone";
import type { DeleteOptions, RegistryStore } from "../generic-store";
import { guards, updateDisruptionAllowedCondition } from "../poddisruptionbudgets/budget";
import { podDisruptionBudgets } from "../poddisruptionbudgets";
import type { PdbFields } from "../poddisruptionbudgets/validation";
import type { SubresourceRequest, SubresourceResult } from "../types";
import { pods } from "./index";

/** MaxDisruptedPodSize: approved evictions a budget may hold before its controller has seen them. */
export const maxDisruptedPods = 2000;

const violation = "Cannot evict pod as it would violate the pod's disruption budget.";

interface EvictionOptions extends DeleteOptions {
  dryRun?: boolean;
}

export function evictPod(req: SubresourceRequest): SubresourceResult {
  if (req.method !== "POST") throw failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
  const body = isRecord(req.body) ? req.body : {};
  const metadata = isRecord(body.metadata) ? body.metadata : {};
  if ((metadata.name ?? "") !== req.name) throw badRequest("name in URL does not match name in Eviction object");
  const options = deleteOptionsOf(body.deleteOptions, req.query);
  const namespace = req.namespace ?? "";
  const pod = req.registry.get(pods, namespace, req.name);

  if (canIgnoreBudgets(pod)) {
    // A pod that is neither finished nor terminating is deleted only as it was read, as the real handler ensures.
    const precondition = !isTerminal(pod) && !pod.metadata.deletionTimestamp && !options.preconditions?.resourceVersion;
    deleteWithCondition(req.registry, pod, precondition ? withResourceVersion(options, pod) : options);
    return evicted();
  }

  const budgets = req.registry.list(podDisruptionBudgets, namespace).filter((pdb) => guards(pdb, pod));
  if (budgets.length > 1) {
    const status: Status = {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.",
      code: 500,
    };
    return { status: 500, body: status };
  }
  let deleteOptions = options;
  const pdb = budgets[0];
  if (pdb) {
    const status = pdb.status ?? {};
    const unhealthyMayGo =
      !isReady(pod) &&
      (pdb.spec?.unhealthyPodEvictionPolicy === "AlwaysAllow" || ((status.currentHealthy ?? 0) >= (status.desiredHealthy ?? 0) && (status.desiredHealthy ?? 0) > 0));
    if (unhealthyMayGo) {
      // Deleted without taking a disruption, on condition that it has not become ready meanwhile.
      deleteOptions = withResourceVersion(options, pod);
    } else {
      takeDisruption(req.registry, pdb, pod, options.dryRun === true);
    }
  }
  try {
    deleteWithCondition(req.registry, pod, deleteOptions);
  } catch (error) {
    if (pdb && deleteOptions !== options && error instanceof StatusError && error.code === 409) throw stillProcessing(pdb);
    throw error;
  }
  return evicted();
}

const evicted = (): SubresourceResult => ({ status: 201, body: { ...success(), code: 201 } });

/** The Eviction's deleteOptions, with the request's `dryRun=All` (propagateDryRun). */
function deleteOptionsOf(value: unknown, query: URLSearchParams): EvictionOptions {
  const given: Record<string, unknown> = isRecord(value) ? value : {};
  const dryRun = query.getAll("dryRun").includes("All") || (Array.isArray(given.dryRun) && given.dryRun.includes("All"));
  const options: EvictionOptions = {};
  if (typeof given.gracePeriodSeconds === "number") options.gracePeriodSeconds = given.gracePeriodSeconds;
  // Passed on unchecked: the deletion acts on Orphan and Foreground, and takes anything else as Background.
  if (given.propagationPolicy) options.propagationPolicy = given.propagationPolicy as DeleteOptions["propagationPolicy"];
  if (typeof given.orphanDependents === "boolean") options.orphanDependents = given.orphanDependents;
  if (isRecord(given.preconditions)) options.preconditions = { ...(given.preconditions as DeleteOptions["preconditions"]) };
  if (dryRun) options.dryRun = true;
  return options;
}

function phase(pod: Pod): string | undefined {
  return pod.status?.phase;
}

function isTerminal(pod: Pod): boolean {
  return phase(pod) === "Succeeded" || phase(pod) === "Failed";
}

/** canIgnorePDB: finished, still pending, or already being deleted. */
function canIgnoreBudgets(pod: Pod): boolean {
  return isTerminal(pod) || phase(pod) === "Pending" || !!pod.metadata.deletionTimestamp;
}

function isReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

function withResourceVersion(options: EvictionOptions, pod: Pod): EvictionOptions {
  return { ...options, preconditions: { ...options.preconditions, resourceVersion: pod.metadata.resourceVersion } };
}

/** createTooManyRequestsError: the budget's status is not of its current generation yet (or the pod changed). */
function stillProcessing(pdb: PdbFields): StatusError {
  return failure(429, "TooManyRequests", violation, {
    retryAfterSeconds: 10,
    causes: [{ reason: "DisruptionBudget", message: `The disruption budget ${pdb.metadata.name} is still being processed by the server.` }],
  });
}

function forbiddenBudget(pdb: PdbFields, why: string): StatusError {
  const name = pdb.metadata.name ?? "";
  return failure(403, "Forbidden", `poddisruptionbudget.policy "${name}" is forbidden: ${why}`, { name, group: "policy", kind: "poddisruptionbudget" });
}

/** checkAndDecrement: the budget must allow a disruption; it then records the pod as disrupted (unless dry run). */
function takeDisruption(registry: RegistryStore, pdb: PdbFields, pod: Pod, dryRun: boolean): void {
  const status: PodDisruptionBudgetStatus = cloneJson(pdb.status ?? {});
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) throw stillProcessing(pdb);
  const allowed = status.disruptionsAllowed ?? 0;
  if (allowed < 0) throw forbiddenBudget(pdb, "pdb disruptions allowed is negative");
  if (Object.keys(status.disruptedPods ?? {}).length > maxDisruptedPods) {
    throw forbiddenBudget(pdb, "DisruptedPods map too big - too many evictions not confirmed by PDB controller");
  }
  if (allowed === 0) {
    throw failure(429, "TooManyRequests", violation, {
      causes: [
        {
          reason: "DisruptionBudget",
          message: `The disruption budget ${pdb.metadata.name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`,
        },
      ],
    });
  }
  const now = registry.requestTime();
  status.disruptionsAllowed = allowed - 1;
  if (status.disruptionsAllowed === 0) updateDisruptionAllowedCondition(status, now);
  if (dryRun) return;
  status.disruptedPods = { ...status.disruptedPods, [pod.metadata.name!]: now };
  registry.update(podDisruptionBudgets, pdb.metadata.namespace, pdb.metadata.name!, { ...pdb, status }, { subresource: "status" });
}

/** addConditionAndDeletePod: the DisruptionTarget condition on the latest pod (checked against the preconditions), then the deletion. */
function deleteWithCondition(registry: RegistryStore, pod: Pod, options: EvictionOptions): void {
  const namespace = pod.metadata.namespace;
  const name = pod.metadata.name!;
  let deleteOptions = options;
  if (!options.dryRun) {
    const latest = registry.get(pods, namespace, name);
    const { uid, resourceVersion } = options.preconditions ?? {};
    if (uid && uid !== latest.metadata.uid) {
      throw conflict("Pod", "", name, `the UID in the precondition (${uid}) does not match the UID in record (${latest.metadata.uid}). The object might have been deleted and then recreated`);
    }
    if (resourceVersion && resourceVersion !== latest.metadata.resourceVersion) {
      throw conflict("Pod", "", name, `the ResourceVersion in the precondition (${resourceVersion}) does not match the ResourceVersion in record (${latest.metadata.resourceVersion}). The object might have been modified`);
    }
    const updated = registry.update(pods, namespace, name, withDisruptionTarget(latest, registry.requestTime()), { subresource: "status" });
    if (resourceVersion) deleteOptions = { ...options, preconditions: { ...options.preconditions, resourceVersion: updated.metadata.resourceVersion } };
  }
  registry.delete(pods, namespace, name, deleteOptions);
}

/** podutil.UpdatePodCondition with DisruptionTarget=True, reason EvictionByEvictionAPI. */
function withDisruptionTarget(pod: Pod, now: string): Pod {
  const status: PodStatus = cloneJson(pod.status ?? {});
  const conditions = (status.conditions ??= []);
  const index = conditions.findIndex((c) => c.type === "DisruptionTarget");
  const old = index >= 0 ? conditions[index] : undefined;
  const condition = {
    type: "DisruptionTarget",
    status: "True",
    lastProbeTime: null,
    lastTransitionTime: old?.status === "True" ? old.lastTransitionTime : now,
    reason: "EvictionByEvictionAPI",
    message: "Eviction API: evicting",
  };
  if (old) conditions[index] = condition;
  else conditions.push(condition);
  return { ...pod, status };
}
