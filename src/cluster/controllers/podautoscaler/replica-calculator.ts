// The podautoscaler's replica calculation for resource metrics (pkg/controller/podautoscaler/replica_calculator.go):
// the usage ratio of the ready pods against their requests, the 10% tolerance, and Kubernetes' handling of pods
// without metrics (assumed at 100% of request when scaling down, 0% when scaling up) and of unready pods (0% when
// scaling up, ignored otherwise), never reversing the direction of the first estimate. Pure: the controller gives it
// the pods, their usage and the time.

/** The default horizontal-pod-autoscaler-tolerance. */
export const defaultTolerance = 0.1;
/** horizontal-pod-autoscaler-cpu-initialization-period (5 min) and -initial-readiness-delay (30 s). */
export const cpuInitializationPeriodMs = 5 * 60_000;
export const initialReadinessDelayMs = 30_000;

/** One pod of the scale target as the calculator sees it. */
export interface PodSample {
  name: string;
  phase?: string;
  deleting?: boolean;
  /** RFC 3339 status.startTime. */
  startTime?: string;
  /** The Ready condition, if the pod has one. */
  ready?: { status: string; lastTransitionTime?: string };
  /** Sum of the containers' requests of the resource (milli-units for cpu, bytes for memory); undefined if any lacks one. */
  request?: number;
  /** The name of the first container without a request of the resource, when `request` is undefined. */
  containerWithoutRequest?: string;
  /** The pod's usage of the resource (same units), undefined when the metrics have no sample for it. */
  usage?: number;
}

export type ResourceTarget = { averageUtilization: number } | { averageValue: number };

export interface ReplicaResult {
  replicas: number;
  /** Current average utilization (percent of requests), for Utilization targets. */
  utilization?: number;
  /** Current average usage per pod (same units as the samples). */
  averageValue: number;
}

export class ReplicaCalculationError extends Error {}

/** GetResourceReplicas / GetRawResourceReplicas for one resource metric. */
export function resourceReplicas(
  currentReplicas: number,
  target: ResourceTarget,
  resource: string,
  pods: PodSample[],
  now: number,
  tolerance = defaultTolerance,
): ReplicaResult {
  if (pods.length === 0) throw new ReplicaCalculationError("no pods returned by selector while calculating replica count");
  const ready: PodSample[] = [];
  const unready: PodSample[] = [];
  const missing: PodSample[] = [];
  for (const pod of pods) {
    if (pod.deleting || pod.phase === "Failed") continue; // ignored
    if (pod.phase === "Pending") unready.push(pod);
    else if (pod.usage === undefined) missing.push(pod);
    else if (resource === "cpu" && cpuUnready(pod, now)) unready.push(pod);
    else ready.push(pod);
  }
  const utilizationTarget = "averageUtilization" in target;
  if (utilizationTarget) {
    const lacking = pods.find((p) => p.request === undefined);
    if (lacking) throw new ReplicaCalculationError(`missing request for ${resource} in container ${lacking.containerWithoutRequest ?? ""} of Pod ${lacking.name}`);
  }
  if (ready.length === 0) throw new ReplicaCalculationError("did not receive metrics for targeted pods (pods might be unready)");

  const ratioOf = (samples: Array<{ usage: number; request: number }>) => {
    const usage = samples.reduce((s, p) => s + p.usage, 0);
    if (!utilizationTarget) return { ratio: usage / samples.length / target.averageValue, utilization: undefined, average: usage / samples.length };
    const requests = samples.reduce((s, p) => s + p.request, 0);
    const utilization = Math.trunc((usage * 100) / requests);
    return { ratio: utilization / target.averageUtilization, utilization, average: usage / samples.length };
  };
  const samples = ready.map((p) => ({ usage: p.usage!, request: p.request ?? 0 }));
  const first = ratioOf(samples);
  const result = (replicas: number): ReplicaResult => ({ replicas, utilization: first.utilization, averageValue: first.average });
  const scaleUpWithUnready = unready.length > 0 && first.ratio > 1;
  if (!scaleUpWithUnready && missing.length === 0) {
    if (Math.abs(1 - first.ratio) <= tolerance) return result(currentReplicas);
    return result(Math.ceil(first.ratio * ready.length));
  }
  const fullRequest = (p: PodSample) => (utilizationTarget ? p.request ?? 0 : target.averageValue);
  if (first.ratio < 1) for (const p of missing) samples.push({ usage: fullRequest(p), request: p.request ?? 0 });
  else if (first.ratio > 1) for (const p of missing) samples.push({ usage: 0, request: p.request ?? 0 });
  if (scaleUpWithUnready) for (const p of unready) samples.push({ usage: 0, request: p.request ?? 0 });
  const next = ratioOf(samples).ratio;
  if (Math.abs(1 - next) <= tolerance || (first.ratio < 1 && next > 1) || (first.ratio > 1 && next < 1)) return result(currentReplicas);
  const replicas = Math.ceil(next * samples.length);
  if ((next < 1 && replicas > currentReplicas) || (next > 1 && replicas < currentReplicas)) return result(currentReplicas);
  return result(replicas);
}

/**
 * A CPU sample is not trusted from a pod without a Ready condition or start time, from an unready pod in its first
 * 5 minutes, or from an unready pod that has never been ready. (Kubernetes also distrusts a sample taken within one
 * metrics window of the readiness transition; the simulated metrics have no window.)
 */
function cpuUnready(pod: PodSample, now: number): boolean {
  if (!pod.ready || !pod.startTime) return true;
  const start = Date.parse(pod.startTime);
  const transition = pod.ready.lastTransitionTime ? Date.parse(pod.ready.lastTransitionTime) : start;
  if (start + cpuInitializationPeriodMs > now) return pod.ready.status === "False";
  return pod.ready.status === "False" && start + initialReadinessDelayMs > transition;
}
