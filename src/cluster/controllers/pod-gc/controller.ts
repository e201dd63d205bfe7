// Kubernetes' pod garbage collector, for orphaned pods: a pod bound to a node that no longer exists is marked
// (DisruptionTarget, phase Failed) and force-deleted, after podgc's quarantine (the node is checked again then, in
// case it was only late to appear). Keyed by node name; nothing runs while every bound pod's node exists.
import type { Pod } from "../../../api/schemas/core/pod";
import { nodes } from "../../registry/nodes";
import { pods } from "../../registry/pods";
import { markDisruptionTarget } from "../disruption";
import { watch, type Controller, type ControllerContext, type ReconcileResult, type Watch } from "../../control-loop/types";

function nodeNameOf(pod: Pod | undefined): string | undefined {
  return pod?.spec?.nodeName;
}

export class PodGarbageCollector implements Controller {
  readonly name = "pod-garbage-collector";
  /** Node name → when its absence was first seen while pods were bound to it. */
  private readonly missingSince = new Map<string, number>();

  readonly watches: Watch[] = [
    watch(nodes, (event) => [event.object.metadata.name!]),
    watch(pods, (event) => {
      const node = nodeNameOf(event.object);
      if (event.type === "ADDED") return node ? [node] : [];
      if (event.type === "MODIFIED") return node && nodeNameOf(event.prev) !== node ? [node] : [];
      return [];
    }),
  ];

  resync(ctx: ControllerContext): string[] {
    const names = new Set<string>();
    for (const pod of ctx.registry.list(pods)) {
      const node = nodeNameOf(pod);
      if (node) names.add(node);
    }
    return [...names];
  }

  reconcile(nodeName: string, ctx: ControllerContext): ReconcileResult {
    if (ctx.registry.tryGet(nodes, undefined, nodeName)) {
      this.missingSince.delete(nodeName);
      return;
    }
    const orphans = ctx.indexes.podsOnNode(nodeName);
    if (!orphans.length) {
      this.missingSince.delete(nodeName);
      return;
    }
    const since = this.missingSince.get(nodeName) ?? ctx.now;
    this.missingSince.set(nodeName, since);
    const due = since + ctx.timing.podGcQuarantineMs;
    if (ctx.now < due) return { requeueAt: due };
    this.missingSince.delete(nodeName);
    for (const pod of orphans) {
      const marked = markDisruptionTarget(ctx, pod, "DeletionByPodGC", "PodGC: node no longer exists", true);
      ctx.registry.delete(pods, pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: marked.metadata.uid } });
    }
  }
}
