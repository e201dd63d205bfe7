// getExpectedPodCount of the disruption controller: how many pods a budget expects (expectedPods) and how many must
// be healthy (desiredHealthy). An integer minAvailable needs only the pods; a percentage or maxUnavailable needs the
// scale of the pods' controllers: a Deployment through its ReplicaSet, else the controller's own `scale` (ReplicaSet,
// ReplicationController, and StatefulSet or any kind with a scale subresource once served).
import type { KubeObject, OwnerReference } from "../../../api/object";
import type { PdbFields } from "../../registry/poddisruptionbudgets/validation";
import type { ControllerContext } from "../../control-loop/types";
import { controllerRefOf } from "../replicaset/pod-state";
import { scaledValue } from "../deployment/rollout-math";

export interface ExpectedPods {
  expectedCount: number;
  desiredHealthy: number;
  /** Names of matched pods without a controller (they make a percentage meaningless). */
  unmanagedPods: string[];
}

/** Throws an Error with the controller's message when a pod's controller or its scale cannot be found. */
export function expectedPods(pdb: PdbFields, pods: KubeObject[], ctx: ControllerContext): ExpectedPods {
  const { minAvailable, maxUnavailable } = pdb.spec ?? {};
  if (maxUnavailable != null) {
    const { expectedCount, unmanagedPods } = expectedScale(pods, ctx);
    const desiredHealthy = Math.max(0, expectedCount - scaledValue(maxUnavailable, expectedCount, true));
    return { expectedCount, desiredHealthy, unmanagedPods };
  }
  if (typeof minAvailable === "number") return { expectedCount: pods.length, desiredHealthy: minAvailable, unmanagedPods: [] };
  if (typeof minAvailable === "string") {
    const { expectedCount, unmanagedPods } = expectedScale(pods, ctx);
    return { expectedCount, desiredHealthy: scaledValue(minAvailable, expectedCount, true), unmanagedPods };
  }
  return { expectedCount: 0, desiredHealthy: 0, unmanagedPods: [] };
}

/** getExpectedScale: the sum of the scales of the pods' controllers, each counted once. */
function expectedScale(pods: KubeObject[], ctx: ControllerContext): { expectedCount: number; unmanagedPods: string[] } {
  const scales = new Map<string, number>();
  const unmanagedPods: string[] = [];
  for (const pod of pods) {
    const ref = controllerRefOf(pod);
    if (!ref) {
      unmanagedPods.push(pod.metadata.name ?? "");
      continue;
    }
    if (scales.has(ref.uid)) continue;
    const found = controllerScale(ref, pod.metadata.namespace ?? "", ctx);
    if (!found) throw new Error(`found no controllers for pod ${JSON.stringify(pod.metadata.name ?? "")}`);
    scales.set(found.uid, found.scale);
  }
  let expectedCount = 0;
  for (const scale of scales.values()) expectedCount += scale;
  return { expectedCount, unmanagedPods };
}

function controllerScale(ref: OwnerReference, namespace: string, ctx: ControllerContext): { uid: string; scale: number } | undefined {
  const def = ctx.table.byApiVersionKind(ref.apiVersion, ref.kind);
  if (!def) {
    const group = ref.apiVersion.includes("/") ? ref.apiVersion.slice(0, ref.apiVersion.indexOf("/")) : "";
    const version = ref.apiVersion.slice(ref.apiVersion.indexOf("/") + 1);
    throw new Error(`no matches for kind ${JSON.stringify(ref.kind)} in version ${JSON.stringify(group ? `${group}/${version}` : version)}`);
  }
  const owner = ctx.registry.tryGet(def, namespace, ref.name);
  if (!owner || owner.metadata.uid !== ref.uid) return undefined;
  // A ReplicaSet of a Deployment counts with the Deployment's replicas (it is mid-rollout, not the whole set).
  const parentRef = def.kind === "ReplicaSet" ? controllerRefOf(owner) : undefined;
  if (parentRef?.kind === "Deployment") {
    const deployments = ctx.table.byApiVersionKind(parentRef.apiVersion, parentRef.kind);
    const deployment = deployments && ctx.registry.tryGet(deployments, namespace, parentRef.name);
    if (deployment && deployment.metadata.uid === parentRef.uid && deployments!.scale) {
      return { uid: parentRef.uid, scale: deployments!.scale.specReplicas(deployment) };
    }
  }
  if (!def.scale) throw new Error(`${def.group ? `${def.resource}.${def.group}` : def.resource} does not implement the scale subresource`);
  return { uid: ref.uid, scale: def.scale.specReplicas(owner) };
}
