// What a DaemonSet's or StatefulSet's ControllerRevision holds: a strategic merge patch that puts the owner's pod
// template back (what `kubectl rollout undo` applies), and the template read back out of it.
import { isRecord } from "../../../api/object";
import { cloneJson } from "../../../api/clone";
import type { ControllerRevision } from "../../../api/schemas/apps/controllerrevision";
import type { PodTemplateSpec } from "../../../api/schemas/core/pod";

/** A revision's data: the patch that puts its template back. */
export interface RevisionData {
  spec: { template: PodTemplateSpec & { $patch: "replace" } };
}

/** The patch replacing spec.template with `template`. */
export function revisionData(template: PodTemplateSpec | undefined): RevisionData {
  return { spec: { template: { ...cloneJson(template ?? {}), $patch: "replace" } } };
}

/** The template stored in a revision's data (JSON as stored, to compare with an owner's template). */
export function templateOf(revision: ControllerRevision): Record<string, unknown> | undefined {
  const spec = isRecord(revision.data) ? revision.data.spec : undefined;
  const template = isRecord(spec) ? spec.template : undefined;
  if (!isRecord(template)) return undefined;
  const { $patch: _ignored, ...rest } = template;
  return rest;
}
