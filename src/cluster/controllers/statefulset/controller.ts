// The StatefulSet controller (kube-controller-manager's statefulset-controller): stable pods `<set>-<ordinal>` with
// their claims, created and removed in order (OrderedReady) or all at once (Parallel), rolled from the highest ordinal
// down to the partition, recorded as ControllerRevisions (what `kubectl rollout status|history|undo sts` read).
import type { ControllerContext, ReconcileResult } from "../../control-loop/types";
import { splitKey, type Controller } from "../../control-loop/types";
import { controllerRevisions } from "../../registry/controllerrevisions";
import { pods } from "../../registry/pods";
import { statefulSets } from "../../registry/statefulsets";
import { StatefulSetSync } from "./sync";

export class StatefulSetController implements Controller {
  readonly name = "statefulset-controller";
  readonly for = statefulSets;
  readonly ignoreDeleted = true;
  readonly owns = [pods, controllerRevisions];

  resync(ctx: ControllerContext): string[] {
    return ctx.registry.list(statefulSets).map((s) => `${s.metadata.namespace}/${s.metadata.name}`);
  }

  reconcile(key: string, ctx: ControllerContext): ReconcileResult {
    const { namespace, name } = splitKey(key);
    const set = ctx.registry.tryGet(statefulSets, namespace, name);
    if (!set || set.metadata.deletionTimestamp) return;
    return new StatefulSetSync(set, ctx).run();
  }
}
