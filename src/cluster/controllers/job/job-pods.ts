// The pods a Job runs: built from its template with the owner reference, the job-tracking finalizer and, for
// Indexed Jobs, the completion index (annotation, label, hostname, JOB_COMPLETION_INDEX).
import type { KubeObject, OwnerReference } from "../../../api/object";
import { cloneJson } from "../../../api/clone";
import type { Job } from "../../../api/schemas/batch/job";
import type { Pod } from "../../../api/schemas/core/pod";
import type { PodSpec } from "../../../api/schemas/core/pod-spec";
import { zeroValue } from "../../registry/pod-template";

export const trackingFinalizer = "batch.kubernetes.io/job-tracking";
export const completionIndexKey = "batch.kubernetes.io/job-completion-index";

export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion!,
    kind: owner.kind!,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Whether `obj` is controlled by the object with `uid`. */
export function isControlledBy(obj: KubeObject, uid: string): boolean {
  return (obj.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === uid);
}

/** The name of the `kind` controlling `obj` (the key a dependent's event wakes), if any. */
export function controllerName(obj: KubeObject, kind: string): string | undefined {
  return (obj.metadata.ownerReferences ?? []).find((r) => r.controller && r.kind === kind)?.name;
}

/** A new pod for `job`, with completion `index` for Indexed Jobs. */
export function newJobPod(job: Job, index: number | undefined): Pod {
  const template = job.spec?.template ?? {};
  const spec = cloneJson(template.spec ?? zeroValue<PodSpec>());
  const labels: Record<string, string> = { ...(template.metadata?.labels ?? {}) };
  const annotations: Record<string, string> = { ...(template.metadata?.annotations ?? {}) };
  const name = job.metadata.name!;
  if (index !== undefined) {
    labels[completionIndexKey] = String(index);
    annotations[completionIndexKey] = String(index);
    spec.hostname ??= `${name}-${index}`;
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      const env = (c.env ??= []);
      if (!env.some((e) => e.name === "JOB_COMPLETION_INDEX")) {
        env.push({ name: "JOB_COMPLETION_INDEX", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: `metadata.annotations['${completionIndexKey}']` } } });
      }
    }
  }
  const metadata: Pod["metadata"] = {
    generateName: index === undefined ? `${name}-` : `${name}-${index}-`,
    labels,
    ownerReferences: [controllerRef(job)],
    finalizers: [trackingFinalizer],
  };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  return { apiVersion: "v1", kind: "Pod", metadata, spec };
}

/** The completion index of an Indexed Job's pod, if valid. */
export function podIndex(pod: KubeObject): number | undefined {
  const raw = pod.metadata.annotations?.[completionIndexKey] ?? pod.metadata.labels?.[completionIndexKey];
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}
