// The built-in provisioner (minikube's storage-provisioner, k8s.io/minikube-hostpath): the PersistentVolume it makes
// for a claim: `pvc-<claim uid>`, a hostPath directory /tmp/hostpath-provisioner/<namespace>/<claim>, the claim's
// size, access modes and volume mode, the class's reclaim policy and mount options, pre-bound to the claim. A claim
// provisioned for a node (WaitForFirstConsumer) gets a volume that only that node reaches. Pure.
import type { PersistentVolume } from "../../../api/schemas/core/persistentvolume";
import type { PersistentVolumeClaim } from "../../../api/schemas/core/persistentvolumeclaim";
import type { StorageClass } from "../../../api/schemas/storage/storageclass";
import { canonicalQuantity } from "../../../api/quantity";
import { provisionedPath } from "../../registry/storageclasses/builtin-provisioner";
import { annProvisionedBy } from "../../registry/persistentvolumeclaims/annotations";

export function provisionedVolumeName(claim: PersistentVolumeClaim): string {
  return `pvc-${claim.metadata.uid}`;
}

export function provisionedVolume(claim: PersistentVolumeClaim, sc: StorageClass, selectedNode: string | undefined): PersistentVolume {
  const namespace = claim.metadata.namespace ?? "";
  const name = claim.metadata.name ?? "";
  const storage = claim.spec?.resources?.requests?.storage ?? "0";
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: {
      name: provisionedVolumeName(claim),
      annotations: { [annProvisionedBy]: sc.provisioner },
    },
    spec: {
      accessModes: [...(claim.spec?.accessModes ?? [])],
      capacity: { storage: canonicalQuantity(storage) },
      claimRef: { kind: "PersistentVolumeClaim", namespace, name, uid: claim.metadata.uid, apiVersion: "v1", resourceVersion: claim.metadata.resourceVersion },
      hostPath: { path: provisionedPath(namespace, name), type: "" },
      persistentVolumeReclaimPolicy: sc.reclaimPolicy || "Delete",
      storageClassName: sc.metadata.name,
      volumeMode: claim.spec?.volumeMode ?? "Filesystem",
      ...(sc.mountOptions?.length ? { mountOptions: [...sc.mountOptions] } : {}),
      ...(selectedNode
        ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [selectedNode] }] }] } } }
        : {}),
    },
  };
}
