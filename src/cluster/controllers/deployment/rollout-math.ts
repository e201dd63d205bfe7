// The arithmetic of a rollout (deployment util and rolling.go): surge and unavailability budgets from counts or
// percentages, how far the new ReplicaSet may grow, how far old ones may shrink, and proportional scaling of a
// Deployment scaled in the middle of a rollout. Pure: ReplicaSets in, target sizes out.
import type { Deployment, DeploymentStrategy } from "../../../api/schemas/apps/deployment";
import type { ReplicaSet } from "../../../api/schemas/apps/replicaset";
import {
  availableReplicas,
  byCreation,
  bySizeNewer,
  bySizeOlder,
  intAnnotation,
  isActive,
  maxReplicasAnnotation,
  specReplicas,
  statusOf,
  sumOf,
} from "./replica-sets";

type RollingUpdateDeployment = NonNullable<DeploymentStrategy["rollingUpdate"]>;

/** A ReplicaSet and the size the controller wants it at. */
export interface ScaleStep {
  rs: ReplicaSet;
  replicas: number;
}

/** intstr.GetScaledValueFromIntOrPercent: `25%` of 10 is 3 rounding up, 2 rounding down. */
export function scaledValue(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^[0-9]+%$/.test(value)) {
    const exact = (parseInt(value, 10) * total) / 100;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  }
  if (typeof value === "string" && /^[0-9]+$/.test(value)) return parseInt(value, 10);
  return 0;
}

/** ResolveFenceposts: surge rounds up, unavailability down, and both 0 would deadlock so unavailability becomes 1. */
export function resolveFenceposts(maxSurge: unknown, maxUnavailable: unknown, desired: number): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

function rollingUpdate(d: Deployment): RollingUpdateDeployment | undefined {
  const strategy = d.spec?.strategy ?? {};
  return (strategy.type ?? "RollingUpdate") === "RollingUpdate" ? strategy.rollingUpdate ?? {} : undefined;
}

export function isRollingUpdate(d: Deployment): boolean {
  return rollingUpdate(d) !== undefined;
}

export function maxSurgeOf(d: Deployment): number {
  const ru = rollingUpdate(d);
  if (!ru) return 0;
  return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, specReplicas(d)).surge;
}

export function maxUnavailableOf(d: Deployment): number {
  const ru = rollingUpdate(d);
  const desired = specReplicas(d);
  if (!ru || desired === 0) return 0;
  return Math.min(resolveFenceposts(ru.maxSurge, ru.maxUnavailable, desired).unavailable, desired);
}

/** NewRSNewReplicas: the size the new ReplicaSet may grow to now. */
export function newReplicaSetSize(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet): number {
  const desired = specReplicas(d);
  if (!isRollingUpdate(d)) return desired;
  const current = sumOf(allRSs, specReplicas);
  const maxTotal = desired + maxSurgeOf(d);
  if (current >= maxTotal) return specReplicas(newRS);
  const scaleUp = Math.min(maxTotal - current, desired - specReplicas(newRS));
  return specReplicas(newRS) + scaleUp;
}

/** How many old pods reconcileOldReplicaSets may remove this round (≤ 0: none). */
export function maxScaledDown(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet | undefined): number {
  const minAvailable = specReplicas(d) - maxUnavailableOf(d);
  const newUnavailable = newRS ? specReplicas(newRS) - availableReplicas(newRS) : 0;
  return sumOf(allRSs, specReplicas) - minAvailable - newUnavailable;
}

/** cleanupUnhealthyReplicas: first shrink old ReplicaSets by their unavailable pods, oldest first. */
export function cleanupUnhealthy(oldRSs: ReplicaSet[], maxCleanup: number): ScaleStep[] {
  const steps: ScaleStep[] = [];
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= maxCleanup) break;
    const replicas = specReplicas(rs);
    const available = availableReplicas(rs);
    if (replicas === 0 || replicas === available) continue;
    const count = Math.min(maxCleanup - total, replicas - available);
    steps.push({ rs, replicas: replicas - count });
    total += count;
  }
  return steps;
}

/** scaleDownOldReplicaSetsForRollingUpdate: shrink old ReplicaSets while availability stays above the minimum. */
export function scaleDownOld(d: Deployment, allRSs: ReplicaSet[], oldRSs: ReplicaSet[]): ScaleStep[] {
  const minAvailable = specReplicas(d) - maxUnavailableOf(d);
  const available = sumOf(allRSs, availableReplicas);
  if (available <= minAvailable) return [];
  const target = available - minAvailable;
  const steps: ScaleStep[] = [];
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= target) break;
    const replicas = specReplicas(rs);
    if (replicas === 0) continue;
    const count = Math.min(replicas, target - total);
    steps.push({ rs, replicas: replicas - count });
    total += count;
  }
  return steps;
}

function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

function fraction(rs: ReplicaSet, d: Deployment): number {
  const desired = specReplicas(d);
  if (desired === 0) return -specReplicas(rs);
  const maxNow = desired + maxSurgeOf(d);
  let before = intAnnotation(rs, maxReplicasAnnotation);
  if (!before) before = statusOf(d).replicas ?? 0;
  if (!before) return 0;
  return roundHalfAway((specReplicas(rs) * maxNow) / before) - specReplicas(rs);
}

function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const f = fraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(f, allowed) : Math.max(f, allowed);
}

/**
 * The proportional scaling of `scale()` when a RollingUpdate Deployment is resized while several ReplicaSets are
 * active: each grows or shrinks in proportion to its share, leftovers go to the largest.
 */
export function proportionalScale(d: Deployment, activeRSs: ReplicaSet[]): ScaleStep[] {
  const allowed = specReplicas(d) > 0 ? specReplicas(d) + maxSurgeOf(d) : 0;
  const toAdd = allowed - sumOf(activeRSs, specReplicas);
  const ordered = [...activeRSs].filter(isActive);
  if (toAdd > 0) ordered.sort(bySizeNewer);
  else if (toAdd < 0) ordered.sort(bySizeOlder);
  let added = 0;
  const sizes = ordered.map((rs) => {
    if (toAdd === 0) return specReplicas(rs);
    const p = proportion(rs, d, toAdd, added);
    added += p;
    return specReplicas(rs) + p;
  });
  if (ordered.length && toAdd !== 0) sizes[0] = Math.max(0, sizes[0] + toAdd - added);
  return ordered.map((rs, i) => ({ rs, replicas: sizes[i] }));
}
