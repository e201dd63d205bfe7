// VolumeBinding (kube-scheduler's volumebinding plugin) over the pod's persistentVolumeClaim volumes. PreFilter: every
// claim exists and is not being deleted, and none of an Immediate class is unbound. Filter: a bound claim's volume
// reaches the node (its node affinity); an unbound WaitForFirstConsumer claim can be provisioned anywhere by a real
// provisioner, else needs a matching volume that reaches the node. PreBind (the scheduler's controller): the claims
// still unbound get the chosen node as `volume.kubernetes.io/selected-node`, and the pod waits for the binder.
import type { Pod } from "../../../api/schemas/core/pod";
import type { PersistentVolume } from "../../../api/schemas/core/persistentvolume";
import type { PersistentVolumeClaim } from "../../../api/schemas/core/persistentvolumeclaim";
import type { RegistryStore } from "../../registry/generic-store";
import { persistentVolumeClaims } from "../../registry/persistentvolumeclaims";
import { claimNamesOf, classOfClaim } from "../../registry/persistentvolumeclaims/annotations";
import { findMatchingVolume } from "../../registry/persistentvolumeclaims/matching";
import { persistentVolumes } from "../../registry/persistentvolumes";
import { volumeReaches } from "../../registry/persistentvolumes/node-affinity";
import { storageClasses } from "../../registry/storageclasses";
import type { FilterFailure, NodeInfo } from "../types";
import { plugins, reasons } from "./reasons";

/** The provisioner name of classes whose volumes are made by hand (local volumes). */
const noProvisioner = "kubernetes.io/no-provisioner";

export interface PodVolumes {
  /** The volumes of the pod's bound claims. */
  bound: PersistentVolume[];
  /** Its unbound claims of WaitForFirstConsumer classes, and whether their class provisions (else: static only). */
  delayed: Array<{ claim: PersistentVolumeClaim; provisions: boolean }>;
}

export type VolumePreFilter = { failure: string; claims: string[] } | { failure?: undefined; volumes: PodVolumes; claims: string[] };

export function volumeBindingPreFilter(pod: Pod, registry: RegistryStore): VolumePreFilter {
  const namespace = pod.metadata.namespace;
  const claims = claimNamesOf(pod);
  const volumes: PodVolumes = { bound: [], delayed: [] };
  let unboundImmediate = false;
  for (const name of claims) {
    const claim = registry.tryGet(persistentVolumeClaims, namespace, name);
    if (!claim) return { failure: `persistentvolumeclaim "${name}" not found`, claims };
    if (claim.metadata.deletionTimestamp) return { failure: `persistentvolumeclaim "${name}" is being deleted`, claims };
    const volumeName = claim.spec?.volumeName;
    if (volumeName && claim.status?.phase === "Bound") {
      const pv = registry.tryGet(persistentVolumes, undefined, volumeName);
      if (pv) volumes.bound.push(pv);
      continue;
    }
    const className = classOfClaim(claim);
    const sc = className ? registry.tryGet(storageClasses, undefined, className) : undefined;
    if (sc?.volumeBindingMode === "WaitForFirstConsumer" && !volumeName) {
      volumes.delayed.push({ claim, provisions: sc.provisioner !== noProvisioner });
    } else unboundImmediate = true;
  }
  if (unboundImmediate) return { failure: "pod has unbound immediate PersistentVolumeClaims", claims };
  return { volumes, claims };
}

/** The Filter over one node. `available` lists the volumes a delayed claim could bind. */
export function volumeBindingFilter(volumes: PodVolumes, node: NodeInfo, available: () => PersistentVolume[]): FilterFailure | undefined {
  for (const pv of volumes.bound) {
    if (!volumeReaches(pv, node.name, node.labels)) return { plugin: plugins.volumeBinding, reasons: [reasons.volumeNodeConflict], unresolvable: true };
  }
  for (const { claim, provisions } of volumes.delayed) {
    if (provisions) continue;
    if (!findMatchingVolume(claim, available(), (pv) => volumeReaches(pv, node.name, node.labels))) {
      return { plugin: plugins.volumeBinding, reasons: [reasons.volumeBindConflict], unresolvable: true };
    }
  }
  return undefined;
}
