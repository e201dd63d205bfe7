// DaemonSet history: the template hash (controller.ComputeHash of the template and collision count), on the shared
// ControllerRevision helpers of controllers/history/.
import type { DaemonSet } from "../../../api/schemas/apps/daemonset";
import { safeHash } from "../history/hash";
import { revisionData as templatePatch, type RevisionData } from "../history/revision-data";

export { templateOf, type RevisionData } from "../history/revision-data";

/** The `controller-revision-hash` of a template. */
export function templateHash(template: object, collisionCount = 0): string {
  return safeHash(template, collisionCount);
}

/** The revision's data: a strategic merge patch replacing spec.template (what `rollout undo` applies). */
export function revisionData(ds: DaemonSet): RevisionData {
  return templatePatch(ds.spec?.template);
}
