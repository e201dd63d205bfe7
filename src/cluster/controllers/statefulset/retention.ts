// persistentVolumeClaimRetentionPolicy as owner references (updateClaimOwnerRefForSetAndPod): whenDeleted=Delete makes
// the StatefulSet the claim's controller, whenScaled=Delete makes a scaled-down pod its controller, so the garbage
// collector removes the claim with its owner. Retain/Retain leaves the claim's owners alone.
import type { KubeObject, OwnerReference } from "../../../api/object";
import type { StatefulSet } from "../../../api/schemas/apps/statefulset";
import type { Pod } from "../../../api/schemas/core/pod";
import { controllerRef } from "../job/job-pods";
import { inOrdinalRange, ordinalOf } from "./identity";

export function retentionPolicy(set: StatefulSet): { whenDeleted: string; whenScaled: string } {
  const policy = set.spec?.persistentVolumeClaimRetentionPolicy ?? {};
  return { whenDeleted: policy.whenDeleted ?? "Retain", whenScaled: policy.whenScaled ?? "Retain" };
}

const refersTo = (ref: OwnerReference, owner: KubeObject, kind: string) =>
  ref.uid === owner.metadata.uid || (ref.kind === kind && ref.name === owner.metadata.name);

/** The claim's owner references as the policy wants them for `pod` (the claim's own pod). */
export function claimOwners(claim: KubeObject, set: StatefulSet, pod: Pod): OwnerReference[] {
  const existing = claim.metadata.ownerReferences ?? [];
  // Another controller owns it: leave it to that one (hasUnexpectedController), only our refs are scrubbed.
  const ours = (ref: OwnerReference) => refersTo(ref, set, "StatefulSet") || refersTo(ref, pod, "Pod");
  const foreignController = existing.some((r) => r.controller && !ours(r));
  const refs = existing.filter((r) => !ours(r));
  if (foreignController) return refs;
  const { whenDeleted, whenScaled } = retentionPolicy(set);
  const scaledDown = !inOrdinalRange(set, ordinalOf(set, pod));
  if (whenScaled === "Delete" && scaledDown) refs.push(controllerRef(pod));
  else if (whenDeleted === "Delete") refs.push(controllerRef(set));
  return refs;
}

/** PodClaimIsStale: a claim of the pod about to be made still names an earlier pod of that name as its owner. */
export function isStaleClaim(claim: KubeObject, podName: string): boolean {
  return (claim.metadata.ownerReferences ?? []).some((r) => r.kind === "Pod" && r.name === podName);
}
