// kube-controller-manager's persistentvolume-binder (pkg/controller/volume/persistentvolume), with minikube's
// hostpath provisioner run in-tree. Keys: `claim:<namespace>/<name>` and `volume:<name>`.
// A claim without a volume binds to a matching volume (matching.ts), else, with a class, is provisioned: by the
// built-in provisioner at once (provisioning.ts), by any other provisioner never (ExternalProvisioning says it
// waits); a WaitForFirstConsumer class waits for the scheduler's selected-node annotation. A volume whose claim is
// gone is Released, then deleted when its policy is Delete. Events carry Kubernetes' reasons and messages.
import type { PersistentVolume } from "../../../api/schemas/core/persistentvolume";
import type { PersistentVolumeClaim } from "../../../api/schemas/core/persistentvolumeclaim";
import type { StorageClass } from "../../../api/schemas/storage/storageclass";
import type { ObjectReference } from "../../../api/schemas/meta";
import { watch, splitKey, type Controller, type ControllerContext, type ReconcileResult, type Watch } from "../../control-loop/types";
import { nodes } from "../../registry/nodes";
import { persistentVolumeClaims } from "../../registry/persistentvolumeclaims";
import { persistentVolumes } from "../../registry/persistentvolumes";
import { storageClasses } from "../../registry/storageclasses";
import { builtinProvisioner } from "../../registry/storageclasses/builtin-provisioner";
import { volumeReaches } from "../../registry/persistentvolumes/node-affinity";
import { persistentVolumeClass } from "../../registry/persistentvolumes/printer";
import {
  annBetaStorageProvisioner, annBindCompleted, annBoundByController, annSelectedNode, annStorageProvisioner, binderSource, classOfClaim,
} from "../../registry/persistentvolumeclaims/annotations";
import { findMatchingVolume, preBoundTo, satisfies } from "../../registry/persistentvolumeclaims/matching";
import { provisionedVolume, provisionedVolumeName } from "./provisioning";

type Phase = NonNullable<NonNullable<PersistentVolume["status"]>["phase"]>;

const claimKey = (namespace: string | undefined, name: string | undefined) => `claim:${namespace}/${name}`;
const volumeKey = (name: string | undefined) => `volume:${name}`;

export class PersistentVolumeBinder implements Controller {
  readonly name = "persistentvolume-binder";

  /** Class → the keys of its claims without a volume: a volume that becomes free wakes those of its class. */
  private readonly unbound = new Map<string, Set<string>>();

  readonly watches: Watch[] = [
    watch(persistentVolumeClaims, (event) => {
      const claim = event.object;
      const key = claimKey(claim.metadata.namespace, claim.metadata.name);
      if (event.type === "DELETED") this.track(key, claim, undefined);
      else this.track(key, event.prev, claim);
      const keys = [key];
      if (event.type === "DELETED") keys.push(volumeKey(claim.spec?.volumeName || provisionedVolumeName(claim)));
      return keys;
    }),
    watch(persistentVolumes, (event) => {
      const pv = event.object;
      const keys = event.type === "DELETED" ? [] : [volumeKey(pv.metadata.name)];
      const ref = pv.spec?.claimRef;
      if (ref?.namespace && ref.name) keys.push(claimKey(ref.namespace, ref.name));
      else if (event.type !== "DELETED") keys.push(...(this.unbound.get(persistentVolumeClass(pv)) ?? []));
      return keys;
    }),
  ];

  private track(key: string, prev: PersistentVolumeClaim | undefined, claim: PersistentVolumeClaim | undefined): void {
    if (prev) this.unbound.get(classOfClaim(prev))?.delete(key);
    if (!claim || claim.spec?.volumeName || claim.metadata.deletionTimestamp) return;
    const className = classOfClaim(claim);
    (this.unbound.get(className) ?? this.unbound.set(className, new Set()).get(className)!).add(key);
  }

  resync(ctx: ControllerContext): string[] {
    this.unbound.clear();
    for (const claim of ctx.registry.list(persistentVolumeClaims)) this.track(claimKey(claim.metadata.namespace, claim.metadata.name), undefined, claim);
    return [
      ...ctx.registry.list(persistentVolumeClaims).map((c) => claimKey(c.metadata.namespace, c.metadata.name)),
      ...ctx.registry.list(persistentVolumes).map((pv) => volumeKey(pv.metadata.name)),
    ];
  }

  reconcile(key: string, ctx: ControllerContext): ReconcileResult {
    if (key.startsWith("volume:")) return this.syncVolume(key.slice("volume:".length), ctx);
    const { namespace, name } = splitKey(key.slice("claim:".length));
    const claim = ctx.registry.tryGet(persistentVolumeClaims, namespace, name);
    if (!claim || claim.metadata.deletionTimestamp) return;
    if (claim.spec?.volumeName) this.syncBoundClaim(claim, ctx);
    else this.syncUnboundClaim(claim, ctx);
  }

  private syncUnboundClaim(claim: PersistentVolumeClaim, ctx: ControllerContext): void {
    const className = classOfClaim(claim);
    const sc = className ? ctx.registry.tryGet(storageClasses, undefined, className) : undefined;
    const selectedNode = claim.metadata.annotations?.[annSelectedNode];
    const delayed = sc?.volumeBindingMode === "WaitForFirstConsumer" && !selectedNode;
    const volumes = ctx.registry.list(persistentVolumes);
    const nodeLabels = selectedNode ? ctx.registry.tryGet(nodes, undefined, selectedNode)?.metadata.labels ?? {} : undefined;
    const fits = (pv: PersistentVolume) => !nodeLabels || volumeReaches(pv, selectedNode!, nodeLabels);
    const match = findMatchingVolume(claim, delayed ? volumes.filter((pv) => preBoundTo(pv, claim)) : volumes, fits);
    if (match) return this.bind(claim, match, ctx);
    if (delayed) {
      ctx.events.record(claim, ctx.now, "Normal", "WaitForFirstConsumer", "waiting for first consumer to be created before binding", binderSource);
      return;
    }
    if (!className) {
      ctx.events.record(claim, ctx.now, "Normal", "FailedBinding", "no persistent volumes available for this claim and no storage class is set", binderSource);
      return;
    }
    if (!sc) {
      ctx.events.record(claim, ctx.now, "Warning", "ProvisioningFailed", `storageclass.storage.k8s.io "${className}" not found`, binderSource);
      return;
    }
    this.provision(claim, sc, selectedNode, ctx);
  }

  /** provisionClaim: the claim names its provisioner; the built-in one makes the volume now and it is bound. */
  private provision(claim: PersistentVolumeClaim, sc: StorageClass, selectedNode: string | undefined, ctx: ControllerContext): void {
    const annotations = claim.metadata.annotations ?? {};
    if (annotations[annStorageProvisioner] !== sc.provisioner || annotations[annBetaStorageProvisioner] !== sc.provisioner) {
      claim = ctx.registry.update(persistentVolumeClaims, claim.metadata.namespace, claim.metadata.name!, {
        ...claim,
        metadata: { ...claim.metadata, annotations: { ...annotations, [annBetaStorageProvisioner]: sc.provisioner, [annStorageProvisioner]: sc.provisioner } },
      });
    }
    ctx.events.record(claim, ctx.now, "Normal", "ExternalProvisioning",
      `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      binderSource);
    if (sc.provisioner !== builtinProvisioner) return;
    const source = { component: provisionerIdentity(ctx) };
    const ref = `${claim.metadata.namespace}/${claim.metadata.name}`;
    ctx.events.record(claim, ctx.now, "Normal", "Provisioning", `External provisioner is provisioning volume for claim "${ref}"`, source);
    const name = provisionedVolumeName(claim);
    const pv = ctx.registry.tryGet(persistentVolumes, undefined, name) ?? ctx.registry.create(persistentVolumes, undefined, provisionedVolume(claim, sc, selectedNode));
    ctx.events.record(claim, ctx.now, "Normal", "ProvisioningSucceeded", `Successfully provisioned volume ${name}`, source);
    this.bind(claim, pv, ctx);
  }

  /** A claim that names its volume: complete the binding, or say why it cannot be. */
  private syncBoundClaim(claim: PersistentVolumeClaim, ctx: ControllerContext): void {
    const volumeName = claim.spec!.volumeName!;
    const pv = ctx.registry.tryGet(persistentVolumes, undefined, volumeName);
    const bindCompleted = claim.metadata.annotations?.[annBindCompleted] !== undefined;
    if (!pv) {
      if (bindCompleted && claim.status?.phase !== "Lost") {
        this.setClaimPhase(claim, "Lost", ctx);
        ctx.events.record(claim, ctx.now, "Warning", "ClaimLost", "Bound claim has lost its PersistentVolume. Data on the volume is lost!", binderSource);
      }
      return;
    }
    if (preBoundTo(pv, claim)) return this.bind(claim, pv, ctx);
    if (!pv.spec?.claimRef) {
      if (satisfies(pv, claim)) return this.bind(claim, pv, ctx);
      ctx.events.record(claim, ctx.now, "Warning", "VolumeMismatch", `Cannot bind to requested volume "${volumeName}": incompatible accessMode, storageClassName, volumeMode or capacity`, binderSource);
      return;
    }
    if (bindCompleted) {
      if (claim.status?.phase !== "Lost") this.setClaimPhase(claim, "Lost", ctx);
      ctx.events.record(claim, ctx.now, "Warning", "ClaimMisbound", "Two claims are bound to the same volume, this one is bound incorrectly", binderSource);
      return;
    }
    ctx.events.record(claim, ctx.now, "Warning", "FailedBinding", `volume "${volumeName}" already bound to a different claim.`, binderSource);
  }

  /** bind: the volume's claimRef and phase, then the claim's volumeName, annotations and status. */
  private bind(claim: PersistentVolumeClaim, pv: PersistentVolume, ctx: ControllerContext): void {
    const ref: ObjectReference = {
      kind: "PersistentVolumeClaim", namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid,
      apiVersion: "v1", resourceVersion: claim.metadata.resourceVersion,
    };
    if (pv.spec?.claimRef?.uid !== claim.metadata.uid) {
      const annotations = pv.spec?.claimRef ? pv.metadata.annotations : { ...pv.metadata.annotations, [annBoundByController]: "yes" };
      pv = ctx.registry.update(persistentVolumes, undefined, pv.metadata.name!, {
        ...pv, metadata: { ...pv.metadata, ...(annotations ? { annotations } : {}) }, spec: { ...pv.spec, claimRef: ref },
      });
    }
    this.setVolumePhase(pv, "Bound", ctx);
    const annotations: Record<string, string> = { ...claim.metadata.annotations, [annBindCompleted]: "yes" };
    if (!claim.spec?.volumeName) annotations[annBoundByController] = "yes";
    if (claim.spec?.volumeName !== pv.metadata.name || claim.metadata.annotations?.[annBindCompleted] !== "yes") {
      claim = ctx.registry.update(persistentVolumeClaims, claim.metadata.namespace, claim.metadata.name!, {
        ...claim, metadata: { ...claim.metadata, annotations }, spec: { ...claim.spec, volumeName: pv.metadata.name },
      });
    }
    const status = claim.status ?? {};
    const capacity = status.capacity ?? pv.spec?.capacity;
    if (status.phase !== "Bound" || !status.accessModes || !status.capacity) {
      ctx.registry.update(persistentVolumeClaims, claim.metadata.namespace, claim.metadata.name!, {
        ...claim, status: { ...status, phase: "Bound", accessModes: [...(pv.spec?.accessModes ?? [])], capacity: { ...capacity } },
      }, { subresource: "status" });
    }
  }

  private syncVolume(name: string, ctx: ControllerContext): void {
    const pv = ctx.registry.tryGet(persistentVolumes, undefined, name);
    if (!pv) return;
    const ref = pv.spec?.claimRef;
    if (!ref) {
      this.setVolumePhase(pv, "Available", ctx);
      return;
    }
    let claim = ref.namespace && ref.name ? ctx.registry.tryGet(persistentVolumeClaims, ref.namespace, ref.name) : undefined;
    if (claim && ref.uid && claim.metadata.uid !== ref.uid) claim = undefined;
    if (!claim) {
      // Reserved by hand for a claim not made yet: still Available to it.
      if (!ref.uid) this.setVolumePhase(pv, "Available", ctx);
      else this.reclaim(pv, ctx);
      return;
    }
    if (claim.spec?.volumeName === name) {
      this.setVolumePhase(pv, "Bound", ctx);
      return;
    }
    if (!claim.spec?.volumeName) return;
    // The claim is bound to another volume: a binding this controller made is undone.
    if (pv.metadata.annotations?.[annBoundByController]) {
      const annotations = { ...pv.metadata.annotations };
      delete annotations[annBoundByController];
      const spec = { ...pv.spec };
      delete spec.claimRef;
      const unbound = ctx.registry.update(persistentVolumes, undefined, name, { ...pv, metadata: { ...pv.metadata, annotations }, spec });
      this.setVolumePhase(unbound, "Available", ctx);
    } else {
      this.setVolumePhase(pv, "Released", ctx);
    }
  }

  /** The claim is gone: Released; deleted as well under the Delete policy. */
  private reclaim(pv: PersistentVolume, ctx: ControllerContext): void {
    if (pv.status?.phase !== "Released" && pv.status?.phase !== "Failed") pv = this.setVolumePhase(pv, "Released", ctx);
    if (pv.spec?.persistentVolumeReclaimPolicy === "Delete" && !pv.metadata.deletionTimestamp) {
      ctx.registry.delete(persistentVolumes, undefined, pv.metadata.name!);
    }
  }

  private setVolumePhase(pv: PersistentVolume, phase: Phase, ctx: ControllerContext): PersistentVolume {
    if (pv.status?.phase === phase) return pv;
    const status = { ...pv.status, phase };
    delete status.reason;
    delete status.message;
    return ctx.registry.update(persistentVolumes, undefined, pv.metadata.name!, { ...pv, status }, { subresource: "status" });
  }

  private setClaimPhase(claim: PersistentVolumeClaim, phase: string, ctx: ControllerContext): void {
    ctx.registry.update(persistentVolumeClaims, claim.metadata.namespace, claim.metadata.name!, { ...claim, status: { ...claim.status, phase } }, { subresource: "status" });
  }
}

/** The provisioner's event source, `k8s.io/minikube-hostpath_<node>_<id>`, from the control-plane node. */
function provisionerIdentity(ctx: ControllerContext): string {
  const node = ctx.registry.list(nodes)[0];
  return `${builtinProvisioner}_${node?.metadata.name ?? "minikube"}_${node?.metadata.uid ?? ""}`;
}
