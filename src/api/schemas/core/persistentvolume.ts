// PersistentVolume (core/v1, cluster-scoped): a piece of storage in the cluster, bound to at most one claim.
import { z } from "zod";
import { atomic, bool, gvk, list, ref, str, strMap, typeMetaFields } from "../fields";
import { ObjectReference, ResourceList, SecretReference, Time, objectMetadata } from "../meta";
import { NodeSelector } from "./affinity";
import { HostPathVolumeSource } from "./volume";
import * as legacy from "./volume-sources-legacy";

export const LocalVolumeSource = z
  .object({
    path: str("Full path to the volume on the node: a directory, or a block device."),
    fsType: str("Filesystem type to mount; only for a block device.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.LocalVolumeSource", description: "A directly attached disk, partition or directory of one node." });

export const CSIPersistentVolumeSource = z
  .object({
    driver: str("Name of the CSI driver that handles this volume."),
    volumeHandle: str("The volume's id, as the driver's CreateVolume returned it."),
    readOnly: bool("Mounts the volume read-only.").optional(),
    fsType: str("Filesystem type to mount, e.g. ext4.").optional(),
    volumeAttributes: strMap("Driver-specific attributes of the volume.").optional(),
    controllerPublishSecretRef: ref(SecretReference, "Secret passed to the driver's ControllerPublishVolume calls.").optional(),
    nodeStageSecretRef: ref(SecretReference, "Secret passed to the driver's NodeStageVolume calls.").optional(),
    nodePublishSecretRef: ref(SecretReference, "Secret passed to the driver's NodePublishVolume calls.").optional(),
    controllerExpandSecretRef: ref(SecretReference, "Secret passed to the driver's ControllerExpandVolume calls.").optional(),
    nodeExpandSecretRef: ref(SecretReference, "Secret passed to the driver's NodeExpandVolume calls.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.CSIPersistentVolumeSource", description: "Storage managed by an external CSI volume driver." });

export const VolumeNodeAffinity = z
  .object({ required: ref(NodeSelector, "The nodes this volume can be reached from.").optional() })
  .meta({ id: "io.k8s.api.core.v1.VolumeNodeAffinity", description: "Constraints on the nodes a volume can be accessed from." });

export const PersistentVolumeSpec = z
  .object({
    capacity: ref(ResourceList, "The volume's size (`storage`).").optional(),
    hostPath: ref(HostPathVolumeSource, "A directory on the host, for single-node development and testing.").optional(),
    local: ref(LocalVolumeSource, "Local storage of one node (needs nodeAffinity).").optional(),
    nfs: ref(legacy.NFSVolumeSource, "An NFS export.").optional(),
    csi: ref(CSIPersistentVolumeSource, "Storage of an external CSI driver.").optional(),
    gcePersistentDisk: ref(legacy.GCEPersistentDiskVolumeSource, "A GCE persistent disk.").optional(),
    awsElasticBlockStore: ref(legacy.AWSElasticBlockStoreVolumeSource, "An AWS EBS volume.").optional(),
    fc: ref(legacy.FCVolumeSource, "A Fibre Channel disk.").optional(),
    flocker: ref(legacy.FlockerVolumeSource, "A Flocker dataset.").optional(),
    vsphereVolume: ref(legacy.VsphereVirtualDiskVolumeSource, "A vSphere virtual disk.").optional(),
    quobyte: ref(legacy.QuobyteVolumeSource, "A Quobyte mount.").optional(),
    azureDisk: ref(legacy.AzureDiskVolumeSource, "An Azure data disk.").optional(),
    photonPersistentDisk: ref(legacy.PhotonPersistentDiskVolumeSource, "A Photon Controller persistent disk.").optional(),
    portworxVolume: ref(legacy.PortworxVolumeSource, "A Portworx volume.").optional(),
    accessModes: list(z.string(), "How the volume can be mounted: ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod.", atomic).optional(),
    claimRef: ref(ObjectReference, "The claim bound to this volume (set by the binder, or by hand to reserve it for one claim).").optional(),
    persistentVolumeReclaimPolicy: str("What happens when the claim is released: Retain (default for manual volumes), Delete or Recycle.").optional(),
    storageClassName: str("Name of the StorageClass this volume belongs to; empty means no class.").optional(),
    mountOptions: list(z.string(), "Mount options, e.g. [\"ro\", \"soft\"]; not validated.", atomic).optional(),
    volumeMode: str("Filesystem (default) or Block.").optional(),
    nodeAffinity: ref(VolumeNodeAffinity, "The nodes this volume can be used from.").optional(),
    volumeAttributesClassName: str("Name of the VolumeAttributesClass this volume belongs to.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PersistentVolumeSpec", description: "The specification of a persistent volume." });

export const PersistentVolumeStatus = z
  .object({
    phase: str("Pending, Available, Bound, Released or Failed.").optional(),
    message: str("Human-readable message on why the volume is in this state.").optional(),
    reason: str("Short CamelCase reason for a failure, for CLI display.").optional(),
    lastPhaseTransitionTime: ref(Time, "When the volume last changed phase.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PersistentVolumeStatus", description: "The current state of a persistent volume." });

export const PersistentVolume = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(PersistentVolumeSpec, "The volume as the administrator defined it.").optional(),
    status: ref(PersistentVolumeStatus, "The volume's current state; read-only.").optional(),
  })
  .meta({
    id: "io.k8s.api.core.v1.PersistentVolume",
    description: "A storage resource provisioned by an administrator or a provisioner, like a node is a compute resource.",
    ...gvk("", "v1", "PersistentVolume"),
  });
export type PersistentVolume = z.infer<typeof PersistentVolume>;
export type PersistentVolumeSpec = z.infer<typeof PersistentVolumeSpec>;
