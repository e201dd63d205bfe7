// The deployment controller: Deployments own ReplicaSets (adopted and released by selector, as ClaimReplicaSets
// does) and roll them out with the RollingUpdate or Recreate strategy. Woken by its Deployments, by their
// ReplicaSets' changes, and by the deletion of their pods (Recreate waits for old pods to be gone).
import type { Deployment } from "../../../api/schemas/apps/deployment";
import type { ReplicaSet } from "../../../api/schemas/apps/replicaset";
import type { Pod } from "../../../api/schemas/core/pod";
import type { LabelMatcher } from "../../../api/selectors/label-selector";
import { labelSelectorOrNothing } from "../../../api/selectors/selector-or-nothing";
import { deployments } from "../../registry/deployments";
import { pods } from "../../registry/pods";
import { replicaSets } from "../../registry/replicasets";
import { controllerRefOf } from "../replicaset/pod-state";
import { splitKey, watch, type Controller, type ControllerContext, type KindEvent, type ReconcileResult, type Watch } from "../../control-loop/types";
import { rolloutRecreate, rolloutRolling, syncScaleOnly, syncStatusOnly } from "./rollout";
import { DeploymentSync, type Defs } from "./sync";
import { cloneJson } from "../../../api/clone";

const kinds: Defs = { deployments, replicaSets, pods };
const orphanPrefix = "rs-orphans:";

function selectorOf(d: Deployment): LabelMatcher {
  return labelSelectorOrNothing(d.spec?.selector);
}

export class DeploymentController implements Controller {
  readonly name = "deployment-controller";
  /** ReplicaSet uid → `namespace/name` of the Deployment controlling it (to route pod deletions). */
  private readonly ownerOfRS = new Map<string, string>();

  readonly for = deployments;
  readonly watches: Watch[] = [
    watch(replicaSets, (event) => this.onReplicaSet(event)),
    watch(pods, (event) => this.onPod(event)),
  ];

  /** Its Deployment (and the one it left), or the orphan offer of its namespace. */
  private onReplicaSet(event: KindEvent<ReplicaSet>): string[] {
    const { object } = event;
    const ns = object.metadata.namespace ?? "";
    const out: string[] = [];
    const ref = controllerRefOf(object);
    if (ref?.kind === "Deployment") {
      out.push(`${ns}/${ref.name}`);
      if (event.type === "DELETED") this.ownerOfRS.delete(object.metadata.uid!);
      else this.ownerOfRS.set(object.metadata.uid!, `${ns}/${ref.name}`);
    } else {
      this.ownerOfRS.delete(object.metadata.uid!);
      if (event.type !== "DELETED") out.push(`${orphanPrefix}${ns}`);
    }
    const prevRef = event.prev && controllerRefOf(event.prev);
    if (prevRef?.kind === "Deployment" && prevRef.name !== ref?.name) out.push(`${ns}/${prevRef.name}`);
    return out;
  }

  /** A pod of one of its ReplicaSets is gone (Recreate waits for that). */
  private onPod(event: KindEvent<Pod>): string[] {
    if (event.type !== "DELETED") return [];
    const ref = controllerRefOf(event.object);
    const owner = ref && this.ownerOfRS.get(ref.uid);
    return owner ? [owner] : [];
  }

  resync(ctx: ControllerContext): string[] {
    this.ownerOfRS.clear();
    const defs = kinds;
    for (const rs of ctx.registry.list(defs.replicaSets)) {
      const ref = controllerRefOf(rs);
      if (ref?.kind === "Deployment") this.ownerOfRS.set(rs.metadata.uid!, `${rs.metadata.namespace}/${ref.name}`);
    }
    return ctx.registry.list(defs.deployments).map((d) => `${d.metadata.namespace}/${d.metadata.name}`);
  }

  reconcile(key: string, ctx: ControllerContext): ReconcileResult {
    const defs = kinds;
    if (key.startsWith(orphanPrefix)) return this.offerOrphans(key.slice(orphanPrefix.length), defs, ctx);
    const { namespace, name } = splitKey(key);
    const d = ctx.registry.tryGet(defs.deployments, namespace, name);
    return d ? this.sync(d, defs, ctx) : undefined;
  }

  /** An orphan ReplicaSet appeared: sync the Deployments whose selector matches it. */
  private offerOrphans(ns: string, defs: Defs, ctx: ControllerContext): ReconcileResult {
    const orphans = ctx.registry.list(defs.replicaSets, ns).filter((rs) => !controllerRefOf(rs) && !rs.metadata.deletionTimestamp);
    if (!orphans.length) return;
    let requeueAt: number | undefined;
    for (const d of ctx.registry.list(defs.deployments, ns)) {
      const selector = selectorOf(d);
      if (selector.isEmpty() || !orphans.some((rs) => selector.matches(rs.metadata.labels ?? {}))) continue;
      const next = this.sync(d, defs, ctx)?.requeueAt;
      if (next !== undefined) requeueAt = Math.min(requeueAt ?? next, next);
    }
    return requeueAt === undefined ? undefined : { requeueAt };
  }

  private sync(d: Deployment, defs: Defs, ctx: ControllerContext): ReconcileResult {
    const s = new DeploymentSync(ctx, defs, d);
    const list = () => this.claimReplicaSets(s, defs, ctx);
    if (d.metadata.deletionTimestamp) {
      syncStatusOnly(s, list());
      return;
    }
    s.checkPausedConditions();
    if (s.spec.paused) {
      syncScaleOnly(s, list());
      return;
    }
    if (s.isScalingEvent(list())) {
      syncScaleOnly(s, list());
      return;
    }
    const strategy = s.spec.strategy?.type ?? "RollingUpdate";
    if (strategy === "Recreate") rolloutRecreate(s, list());
    else rolloutRolling(s, list());
    return s.requeueAt === undefined ? undefined : { requeueAt: s.requeueAt };
  }

  /** ClaimReplicaSets: this Deployment's ReplicaSets, adopting matching orphans and releasing non-matching ones. */
  private claimReplicaSets(s: DeploymentSync, defs: Defs, ctx: ControllerContext): ReplicaSet[] {
    const d = s.d;
    const uid = d.metadata.uid!;
    const selector = selectorOf(d);
    const deleting = !!d.metadata.deletionTimestamp;
    const out: ReplicaSet[] = [];
    for (const rs of ctx.registry.list(defs.replicaSets, s.namespace)) {
      const ref = controllerRefOf(rs);
      const matches = !selector.isEmpty() && selector.matches(rs.metadata.labels ?? {});
      if (ref) {
        if (ref.uid !== uid) continue;
        if (matches || deleting) {
          out.push(rs);
          continue;
        }
        const released = cloneJson(rs);
        released.metadata.ownerReferences = (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        if (!released.metadata.ownerReferences.length) delete released.metadata.ownerReferences;
        ctx.registry.update(defs.replicaSets, s.namespace, rs.metadata.name!, released);
      } else if (matches && !deleting && !rs.metadata.deletionTimestamp) {
        const adopted = cloneJson(rs);
        adopted.metadata.ownerReferences = [
          ...(rs.metadata.ownerReferences ?? []),
          { apiVersion: "apps/v1", kind: "Deployment", name: d.metadata.name!, uid, controller: true, blockOwnerDeletion: true },
        ];
        out.push(ctx.registry.update(defs.replicaSets, s.namespace, rs.metadata.name!, adopted));
      }
    }
    return out;
  }
}
