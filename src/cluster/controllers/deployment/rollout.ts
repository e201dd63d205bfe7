// The two rollout strategies and the scaling-only sync (rolling.go, recreate.go, sync.go's sync), as steps over a
// DeploymentSync. Each returns after the first step that changed something; the writes wake the Deployment again.
import type { ReplicaSet } from "../../../api/schemas/apps/replicaset";
import { isActive, specReplicas, statusOf, sumOf } from "./replica-sets";
import { cleanupUnhealthy, maxScaledDown, newReplicaSetSize, scaleDownOld } from "./rollout-math";
import { isComplete } from "./status";
import type { DeploymentSync } from "./sync";

function withNew(oldRSs: ReplicaSet[], newRS: ReplicaSet | undefined): ReplicaSet[] {
  return newRS ? [...oldRSs, newRS] : oldRSs;
}

/** sync(): scaling (and, when paused, history clean-up) without rolling anything out. */
export function syncScaleOnly(s: DeploymentSync, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = s.splitAndSyncRevision(rsList, false);
  s.scale(newRS && s.fresh(newRS), oldRSs.map((rs) => s.fresh(rs)));
  if (s.spec.paused) s.cleanup(oldRSs);
  s.syncStatus(withNew(oldRSs, newRS), newRS);
}

/** Only the status (a Deployment being deleted). */
export function syncStatusOnly(s: DeploymentSync, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = s.splitAndSyncRevision(rsList, false);
  s.syncStatus(withNew(oldRSs, newRS), newRS);
}

export function rolloutRolling(s: DeploymentSync, rsList: ReplicaSet[]): void {
  const split = s.splitAndSyncRevision(rsList, true);
  const newRS = split.newRS && s.fresh(split.newRS);
  const oldRSs = split.oldRSs.map((rs) => s.fresh(rs));
  const all = withNew(oldRSs, newRS);
  if (newRS && reconcileNew(s, all, newRS)) return s.syncRolloutStatus(all, newRS);
  if (reconcileOld(s, all, oldRSs.filter(isActive), newRS)) return s.syncRolloutStatus(all, newRS);
  if (isComplete(s.d, statusOf(s.d))) s.cleanup(oldRSs);
  s.syncRolloutStatus(all, newRS);
}

function reconcileNew(s: DeploymentSync, all: ReplicaSet[], newRS: ReplicaSet): boolean {
  const desired = specReplicas(s.d);
  if (specReplicas(newRS) === desired) return false;
  if (specReplicas(newRS) > desired) return s.scaleRS(newRS, desired);
  return s.scaleRS(newRS, newReplicaSetSize(s.d, all, newRS));
}

function reconcileOld(s: DeploymentSync, all: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet | undefined): boolean {
  if (sumOf(oldRSs, specReplicas) === 0) return false;
  const budget = maxScaledDown(s.d, all, newRS);
  if (budget <= 0) return false;
  let changed = false;
  for (const step of cleanupUnhealthy(oldRSs, budget)) changed = s.scaleRS(step.rs, step.replicas) || changed;
  const fresh = oldRSs.map((rs) => s.fresh(rs));
  const allFresh = withNew(fresh, newRS && s.fresh(newRS));
  for (const step of scaleDownOld(s.d, allFresh, fresh)) changed = s.scaleRS(step.rs, step.replicas) || changed;
  return changed;
}

export function rolloutRecreate(s: DeploymentSync, rsList: ReplicaSet[]): void {
  let { newRS, oldRSs } = s.splitAndSyncRevision(rsList, false);
  let scaledDown = false;
  for (const rs of oldRSs.filter(isActive)) scaledDown = s.scaleRS(s.fresh(rs), 0) || scaledDown;
  if (scaledDown) return s.syncRolloutStatus(withNew(oldRSs, newRS), newRS);
  if (oldPodsRunning(s, newRS, oldRSs)) return s.syncRolloutStatus(withNew(oldRSs, newRS), newRS);
  if (!newRS) ({ newRS, oldRSs } = s.splitAndSyncRevision(rsList, true));
  if (newRS) s.scaleRS(s.fresh(newRS), specReplicas(s.d));
  if (isComplete(s.d, statusOf(s.d))) s.cleanup(oldRSs);
  s.syncRolloutStatus(withNew(oldRSs, newRS), newRS);
}

/** oldPodsRunning: any pod of an old ReplicaSet not yet finished (terminating ones count). */
function oldPodsRunning(s: DeploymentSync, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): boolean {
  if (sumOf(oldRSs.map((rs) => s.fresh(rs)), (rs) => statusOf(rs).replicas ?? 0) > 0) return true;
  for (const rs of oldRSs) {
    if (newRS && rs.metadata.uid === newRS.metadata.uid) continue;
    const pods = s.ctx.indexes.dependentsOf(rs.metadata.uid!, s.defs.pods);
    if (pods.some((p) => !["Succeeded", "Failed"].includes(String(p.status?.phase)))) return true;
  }
  return false;
}
