// A StatefulSet pod's identity (stateful_set_utils.go): the name `<set>-<ordinal>`, the pod-name and pod-index
// labels, hostname and subdomain, the revision label, and a volume for each claim template naming its claim
// `<template>-<set>-<ordinal>`.
import type { KubeObject } from "../../../api/object";
import { cloneJson } from "../../../api/clone";
import type { StatefulSet } from "../../../api/schemas/apps/statefulset";
import type { Pod, PodTemplateSpec } from "../../../api/schemas/core/pod";
import type { PodSpec } from "../../../api/schemas/core/pod-spec";
import type { Volume } from "../../../api/schemas/core/volume";
import { zeroValue } from "../../registry/pod-template";
import { controllerRef } from "../job/job-pods";
import type { PersistentVolumeClaim } from "../../../api/schemas/core/persistentvolumeclaim";

export const podNameLabel = "statefulset.kubernetes.io/pod-name";
export const podIndexLabel = "apps.kubernetes.io/pod-index";
export const revisionLabel = "controller-revision-hash";

export const startOrdinal = (set: StatefulSet) => set.spec?.ordinals?.start ?? 0;
export const replicaCount = (set: StatefulSet) => set.spec?.replicas ?? 1;

export function podName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** getParentNameAndOrdinal: the ordinal of a pod of `set` by its name, -1 when the name is not `<set>-<n>`. */
export function ordinalOf(set: StatefulSet, pod: KubeObject): number {
  const match = /^(.*)-([0-9]+)$/.exec(pod.metadata.name ?? "");
  if (!match || match[1] !== set.metadata.name) return -1;
  const n = Number(match[2]);
  return Number.isSafeInteger(n) && n <= 2147483647 ? n : -1;
}

export function inOrdinalRange(set: StatefulSet, ordinal: number): boolean {
  const start = startOrdinal(set);
  return ordinal >= start && ordinal < start + replicaCount(set);
}

export function claimName(templateName: string, set: StatefulSet, ordinal: number): string {
  return `${templateName}-${set.metadata.name}-${ordinal}`;
}

/** getPersistentVolumeClaims: each template's claim for the pod at `ordinal`, labelled with the selector's matchLabels. */
export function claimsFor(set: StatefulSet, ordinal: number): PersistentVolumeClaim[] {
  const matchLabels = set.spec?.selector?.matchLabels ?? {};
  return (set.spec?.volumeClaimTemplates ?? []).map((template) => {
    const { status: _status, ...rest } = cloneJson(template);
    const metadata = { ...rest.metadata, name: claimName(template.metadata?.name ?? "", set, ordinal), namespace: set.metadata.namespace };
    metadata.labels = { ...(metadata.labels ?? {}), ...matchLabels };
    return { ...rest, apiVersion: "v1", kind: "PersistentVolumeClaim", metadata };
  });
}

/** updateStorage: a volume per claim template, replacing any template volume of the same name. */
function withClaimVolumes(set: StatefulSet, spec: PodSpec, ordinal: number): void {
  const templates = set.spec?.volumeClaimTemplates ?? [];
  if (!templates.length) return;
  const names = new Set(templates.map((t) => t.metadata?.name ?? ""));
  const claims: Volume[] = templates.map((t) => ({ name: t.metadata?.name ?? "", persistentVolumeClaim: { claimName: claimName(t.metadata?.name ?? "", set, ordinal) } }));
  spec.volumes = [...claims, ...(spec.volumes ?? []).filter((v) => !names.has(v.name))];
}

/** newVersionedStatefulSetPod: the pod at `ordinal` from `template`, labelled with the revision it was made from. */
export function newPod(set: StatefulSet, template: PodTemplateSpec, ordinal: number, revision: string): Pod {
  const meta = template.metadata ?? {};
  const name = podName(set, ordinal);
  const spec = cloneJson(template.spec ?? zeroValue<PodSpec>());
  spec.hostname = name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  withClaimVolumes(set, spec, ordinal);
  const metadata: Pod["metadata"] = {
    name,
    namespace: set.metadata.namespace,
    labels: { ...(meta.labels ?? {}), [podNameLabel]: name, [podIndexLabel]: String(ordinal), [revisionLabel]: revision },
    ownerReferences: [controllerRef(set)],
  };
  if (meta.annotations && Object.keys(meta.annotations).length) metadata.annotations = { ...meta.annotations };
  if (meta.finalizers?.length) metadata.finalizers = [...meta.finalizers];
  return { apiVersion: "v1", kind: "Pod", metadata, spec };
}
