// computeReplicasForMetrics of the podautoscaler: each metric of the HPA's spec proposes a replica count (resource
// metrics from the pods' usage as metrics.k8s.io serves it, through the replica calculator), the largest wins, and
// the metrics' statuses, the ScalingActive condition and the warning events follow Kubernetes' wording. Pods, Object
// and External metrics need a custom or external metrics API, which the sandbox does not serve: they fail as they do
// in a cluster without one.
import { canonicalQuantity, Quantity } from "../../../api/quantity";
import type { Pod } from "../../../api/schemas";
import type { MetricSpec, MetricStatus, MetricTarget } from "../../../api/schemas/autoscaling/horizontalpodautoscaler";
import type { MetricsSource } from "../../registry/metrics/source";
import { ReplicaCalculationError, resourceReplicas, type PodSample, type ResourceTarget } from "./replica-calculator";

export interface MetricsInput {
  specReplicas: number;
  /** The target's pods (its scale's selector). */
  pods: Pod[];
  now: number;
  metrics: MetricsSource;
  /** Does metrics.k8s.io answer (a Ready metrics-server)? */
  metricsAvailable: boolean;
}

export interface Warning {
  reason: string;
  message: string;
}

export interface MetricsResult {
  /** -1 when no valid recommendation came out (every metric failed, or some failed and the rest would scale down). */
  replicas: number;
  /** What the winning metric is called in the rescale reason (`cpu resource utilization (percentage of request)`). */
  metricName: string;
  statuses: MetricStatus[];
  /** The ScalingActive condition. */
  scalingActive: { status: "True" | "False"; reason: string; message: string };
  /** Warning events, in order. */
  warnings: Warning[];
  /** `invalid metrics (N invalid out of M), first error is: ...`, when a metric failed. */
  error?: string;
}

class MetricError extends Error {
  constructor(readonly reason: string, message: string) {
    super(message);
  }
}

/** A quantity of `milli` thousandths, as resource.NewMilliQuantity writes it (DecimalSI). */
const milliQuantity = (milli: number) => canonicalQuantity(`${Math.trunc(milli)}m`);

function amountOf(value: string | number | undefined, resource: string): number | undefined {
  if (value === undefined) return undefined;
  try {
    const q = Quantity.parse(String(value));
    // CPU in millicores, everything else in whole units (bytes).
    return resource === "cpu" ? Number(q.milliValue()) : Number(q.value());
  } catch {
    return undefined;
  }
}

function podSample(pod: Pod, resource: string, container: string | undefined, input: MetricsInput): PodSample {
  const containers = (pod.spec?.containers ?? []).filter((c) => container === undefined || c.name === container);
  let request: number | undefined = 0;
  let lacking: string | undefined = container !== undefined && !containers.length ? container : undefined;
  for (const c of containers) {
    const amount = amountOf(c.resources?.requests?.[resource], resource);
    if (amount === undefined) {
      lacking ??= c.name;
      request = undefined;
    } else if (request !== undefined) request += amount;
  }
  if (lacking !== undefined) request = undefined;
  const usage = input.metrics.pod(pod, input.now);
  const used = usage?.containers.filter((c) => container === undefined || c.name === container);
  const value = (c: { cpuMillis: number; memoryBytes: number }) => (resource === "cpu" ? c.cpuMillis : resource === "memory" ? c.memoryBytes : 0);
  const ready = pod.status?.conditions?.find((c) => c.type === "Ready");
  return {
    name: pod.metadata.name!,
    phase: pod.status?.phase,
    deleting: pod.metadata.deletionTimestamp !== undefined,
    startTime: pod.status?.startTime,
    ready: ready ? { status: ready.status, lastTransitionTime: ready.lastTransitionTime } : undefined,
    request,
    containerWithoutRequest: lacking,
    usage: used?.length ? used.reduce((sum, c) => sum + value(c), 0) : undefined,
  };
}

function resourceTarget(target: MetricTarget, resource: string): ResourceTarget | undefined {
  if (target.averageValue !== undefined) return { averageValue: amountOf(target.averageValue, resource) ?? 0 };
  if (target.averageUtilization !== undefined) return { averageUtilization: target.averageUtilization };
  return undefined;
}

interface Proposal {
  replicas: number;
  metricName: string;
  status: MetricStatus;
}

/** computeStatusForResourceMetricGeneric: a Resource or ContainerResource metric. */
function resourceProposal(spec: MetricSpec, input: MetricsInput, specReplicas: number): Proposal {
  const container = spec.type === "ContainerResource" ? spec.containerResource : undefined;
  const source = container ?? spec.resource!;
  const resource = source.name;
  const failReason = container ? "FailedGetContainerResourceMetric" : "FailedGetResourceMetric";
  const target = resourceTarget(source.target, resource);
  if (!target) {
    throw new MetricError(failReason, "invalid resource metric source: neither an average utilization target nor an average value (usage) target was set");
  }
  const what = "averageValue" in target ? "usage" : "utilization";
  const fail = (message: string) => new MetricError(failReason, `failed to get ${resource} ${what}: ${message}`);
  if (!input.metricsAvailable) {
    throw fail(`unable to get metrics for resource ${resource}: unable to fetch metrics from resource metrics API: the server is currently unable to handle the request (get pods.metrics.k8s.io)`);
  }
  const samples = input.pods.map((p) => podSample(p, resource, container?.container, input));
  if (!samples.some((s) => s.usage !== undefined)) throw fail(`unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`);
  let result;
  try {
    result = resourceReplicas(specReplicas, target, resource, samples, input.now);
  } catch (error) {
    if (error instanceof ReplicaCalculationError) throw fail(error.message);
    throw error;
  }
  // Usage per pod in milli-units, as the calculator's raw average.
  const averageMilli = resource === "cpu" ? result.averageValue : result.averageValue * 1000;
  const current = { averageValue: milliQuantity(averageMilli), ...(result.utilization !== undefined ? { averageUtilization: result.utilization } : {}) };
  const status: MetricStatus = container
    ? { type: "ContainerResource", containerResource: { name: resource, container: container.container, current } }
    : { type: "Resource", resource: { name: resource, current } };
  const kind = container ? "container resource" : "resource";
  const metricName = what === "usage" ? `${resource} ${kind}` : `${resource} ${kind} utilization (percentage of request)`;
  return { replicas: result.replicas, metricName, status };
}

const unsupported: Record<string, { reason: string; message: (spec: MetricSpec) => string }> = {
  Pods: { reason: "FailedGetPodsMetric", message: (s) => `unable to get metric ${s.pods?.metric.name ?? ""}: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered` },
  Object: { reason: "FailedGetObjectMetric", message: (s) => `unable to get metric ${s.object?.metric.name ?? ""}: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered` },
  External: { reason: "FailedGetExternalMetric", message: (s) => `unable to get external metric ${s.external?.metric.name ?? ""}: unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered` },
};

function proposal(spec: MetricSpec, input: MetricsInput): Proposal {
  if (spec.type === "Resource" || spec.type === "ContainerResource") return resourceProposal(spec, input, input.specReplicas);
  const known = unsupported[spec.type];
  if (known) throw new MetricError(known.reason, known.message(spec));
  throw new MetricError("InvalidMetricSourceType", `unknown metric source type "${spec.type}"`);
}

export function replicasForMetrics(specs: MetricSpec[], input: MetricsInput): MetricsResult {
  let replicas = 0;
  let metricName = "";
  const statuses: MetricStatus[] = [];
  const warnings: Warning[] = [];
  let invalid = 0;
  let firstError: MetricError | undefined;
  for (const spec of specs) {
    try {
      const p = proposal(spec, input);
      statuses.push(p.status);
      if (replicas === 0 || p.replicas > replicas) {
        replicas = p.replicas;
        metricName = p.metricName;
      }
    } catch (error) {
      if (!(error instanceof MetricError)) throw error;
      // A metric that could not be read keeps an empty status, as the controller's zero MetricStatus.
      statuses.push({ type: "" });
      warnings.push({ reason: error.reason, message: error.message });
      firstError ??= error;
      invalid++;
    }
  }
  const error = firstError ? `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstError.message}` : undefined;
  if (firstError && (invalid >= specs.length || replicas < input.specReplicas)) {
    const scalingActive = { status: "False" as const, reason: firstError.reason, message: `the HPA was unable to compute the replica count: ${firstError.message}` };
    return { replicas: -1, metricName: "", statuses, scalingActive, warnings, error };
  }
  const scalingActive = { status: "True" as const, reason: "ValidMetricFound", message: `the HPA was able to successfully calculate a replica count from ${metricName}` };
  return { replicas, metricName, statuses, scalingActive, warnings, ...(error ? { error } : {}) };
}
