// StatefulSet history (getStatefulSetRevisions, truncateHistory): the update revision is the ControllerRevision of the
// current template (created, or renumbered newest when rolled back to), the current revision the one status names;
// revisions nothing uses beyond revisionHistoryLimit are deleted, oldest first.
import { deepEqual } from "../../../api/json-equal";
import type { ControllerRevision } from "../../../api/schemas/apps/controllerrevision";
import type { StatefulSet } from "../../../api/schemas/apps/statefulset";
import type { Pod, PodTemplateSpec } from "../../../api/schemas/core/pod";
import { controllerRevisions } from "../../registry/controllerrevisions";
import type { ControllerContext } from "../../control-loop/types";
import { safeHash } from "../history/hash";
import { revisionData, templateOf } from "../history/revision-data";
import { controllerRef } from "../job/job-pods";
import { revisionLabel } from "./identity";

/** history.ControllerRevisionHashLabel. */
export const revisionHashLabel = "controller.kubernetes.io/hash";

export interface SetRevisions {
  current: ControllerRevision;
  update: ControllerRevision;
  collisionCount: number;
}

const byNumber = (a: ControllerRevision, b: ControllerRevision) => Number(a.revision) - Number(b.revision);

/** The template a revision restores (the set's own when the revision holds none). */
export function revisionTemplate(revision: ControllerRevision, set: StatefulSet): PodTemplateSpec {
  return (templateOf(revision) as PodTemplateSpec | undefined) ?? set.spec?.template ?? {};
}

export function setRevisions(ctx: ControllerContext, set: StatefulSet, owned: ControllerRevision[]): SetRevisions {
  const revisions = [...owned].sort(byNumber);
  const data = revisionData(set.spec?.template);
  const next = revisions.length ? Number(revisions[revisions.length - 1].revision) + 1 : 1;
  let collisionCount = set.status?.collisionCount ?? 0;
  const equal = revisions.filter((r) => deepEqual(r.data, data));
  let update: ControllerRevision;
  if (equal.length && equal[equal.length - 1] === revisions[revisions.length - 1]) {
    update = revisions[revisions.length - 1];
  } else if (equal.length) {
    const found = equal[equal.length - 1];
    update = ctx.registry.update(controllerRevisions, found.metadata.namespace, found.metadata.name!, { ...found, revision: next });
  } else {
    for (;;) {
      const hash = safeHash(data, collisionCount);
      const name = `${set.metadata.name}-${hash}`;
      const clash = ctx.registry.tryGet(controllerRevisions, set.metadata.namespace, name);
      if (clash) {
        if (deepEqual(clash.data, data)) {
          const controller = clash.metadata.ownerReferences?.find((r) => r.controller);
          if (controller?.uid === set.metadata.uid) {
            update = clash;
            break;
          }
          if (!controller) {
            // An orphan of an earlier set of this name (deleted with --cascade=orphan): adopted, as its pods are.
            const ownerReferences = [...(clash.metadata.ownerReferences ?? []), controllerRef(set)];
            update = ctx.registry.update(controllerRevisions, clash.metadata.namespace, name, { ...clash, metadata: { ...clash.metadata, ownerReferences } });
            break;
          }
        }
        // A revision of that name with other data or another owner: a hash collision, counted into the next name.
        collisionCount += 1;
        continue;
      }
      update = ctx.registry.create(controllerRevisions, set.metadata.namespace, {
        metadata: {
          name,
          labels: { ...(set.spec?.template?.metadata?.labels ?? {}), [revisionHashLabel]: hash },
          ...(set.metadata.annotations ? { annotations: { ...set.metadata.annotations } } : {}),
          ownerReferences: [controllerRef(set)],
        },
        data,
        revision: next,
      });
      break;
    }
  }
  const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount };
}

/** Deletes the oldest revisions that no pod and neither the current nor the update revision uses, beyond the limit. */
export function truncateHistory(ctx: ControllerContext, set: StatefulSet, owned: ControllerRevision[], pods: Pod[], live: SetRevisions): void {
  const used = new Set([live.current.metadata.name, live.update.metadata.name, ...pods.map((p) => p.metadata.labels?.[revisionLabel])]);
  const history = owned.filter((r) => !used.has(r.metadata.name)).sort(byNumber);
  const limit = set.spec?.revisionHistoryLimit ?? 10;
  for (const revision of history.slice(0, Math.max(0, history.length - limit))) {
    ctx.registry.delete(controllerRevisions, revision.metadata.namespace, revision.metadata.name!);
  }
}
