// Pod volumes: the Volume type and the sources most pods use (config, projected, ephemeral, image, CSI).
import { z } from "zod";
import { atomic, bool, int, list, ref, str, strMap } from "../fields";
import { LabelSelector, LocalObjectReference, Quantity } from "../meta";
import { ObjectFieldSelector, ResourceFieldSelector } from "./env";
import { PersistentVolumeClaimTemplate } from "./volume-claim";
import * as legacy from "./volume-sources-legacy";

export const KeyToPath = z
  .object({
    key: str("Key to project."),
    path: str("Relative file path the key is written to."),
    mode: int("File mode bits, 0000 to 0777.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.KeyToPath", description: "Maps one key to a file path inside a volume." });

const items = list(KeyToPath, "Keys to project and where; without it every key becomes a file.", atomic).optional();

export const HostPathVolumeSource = z
  .object({
    path: str("Path on the node."),
    type: str("Expected kind of path: DirectoryOrCreate, Directory, FileOrCreate, File, Socket, CharDevice or BlockDevice.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.HostPathVolumeSource", description: "A file or directory of the node's filesystem." });

export const EmptyDirVolumeSource = z
  .object({
    medium: str("Storage medium: empty for the node's default, or Memory for tmpfs.").optional(),
    sizeLimit: ref(Quantity, "Maximum size of the directory.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.EmptyDirVolumeSource", description: "An empty directory that lives as long as the pod." });

export const SecretVolumeSource = z
  .object({
    secretName: str("Name of the Secret in the pod's namespace.").optional(),
    items,
    defaultMode: int("Mode bits for created files; defaults to 0644.").optional(),
    optional: bool("Whether the Secret or its keys may be missing.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.SecretVolumeSource", description: "Files filled from a Secret." });

export const PersistentVolumeClaimVolumeSource = z
  .object({
    claimName: str("Name of the PersistentVolumeClaim in the pod's namespace."),
    readOnly: bool("Forces the volume to be mounted read-only.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource", description: "A volume bound through a claim." });

export const DownwardAPIVolumeFile = z
  .object({
    path: str("Relative path of the file to create."),
    fieldRef: ref(ObjectFieldSelector, "Pod field to write.").optional(),
    resourceFieldRef: ref(ResourceFieldSelector, "Container resource to write.").optional(),
    mode: int("File mode bits, 0000 to 0777.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.DownwardAPIVolumeFile", description: "One file of a downward API volume." });

const downwardItems = list(DownwardAPIVolumeFile, "Files to create.", atomic).optional();

export const DownwardAPIVolumeSource = z
  .object({
    items: downwardItems,
    defaultMode: int("Mode bits for created files; defaults to 0644.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.DownwardAPIVolumeSource", description: "Files exposing pod information." });

export const ConfigMapVolumeSource = z
  .object({
    name: str("Name of the ConfigMap.").optional(),
    items,
    defaultMode: int("Mode bits for created files; defaults to 0644.").optional(),
    optional: bool("Whether the ConfigMap or its keys may be missing.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ConfigMapVolumeSource", description: "Files filled from a ConfigMap." });

export const SecretProjection = z
  .object({
    name: str("Name of the Secret.").optional(),
    items,
    optional: bool("Whether the Secret or its keys may be missing.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.SecretProjection", description: "Projects a Secret into a projected volume." });

export const ConfigMapProjection = z
  .object({
    name: str("Name of the ConfigMap.").optional(),
    items,
    optional: bool("Whether the ConfigMap or its keys may be missing.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ConfigMapProjection", description: "Projects a ConfigMap into a projected volume." });

export const DownwardAPIProjection = z
  .object({ items: downwardItems })
  .meta({ id: "io.k8s.api.core.v1.DownwardAPIProjection", description: "Projects pod information into a projected volume." });

export const ServiceAccountTokenProjection = z
  .object({
    audience: str("Intended audience of the token; defaults to the apiserver.").optional(),
    expirationSeconds: int("Requested token lifetime; defaults to one hour.").optional(),
    path: str("Relative file path the token is written to."),
  })
  .meta({ id: "io.k8s.api.core.v1.ServiceAccountTokenProjection", description: "Projects a service account token." });

export const ClusterTrustBundleProjection = z
  .object({
    name: str("Name of one ClusterTrustBundle to project.").optional(),
    signerName: str("Signer whose bundles are projected, combined with labelSelector.").optional(),
    labelSelector: ref(LabelSelector, "Selects bundles of the signer.").optional(),
    optional: bool("Whether a missing bundle is tolerated.").optional(),
    path: str("Relative file path the bundle is written to."),
  })
  .meta({ id: "io.k8s.api.core.v1.ClusterTrustBundleProjection", description: "Projects ClusterTrustBundle certificates." });

export const VolumeProjection = z
  .object({
    secret: ref(SecretProjection, "Secret to project.").optional(),
    downwardAPI: ref(DownwardAPIProjection, "Pod information to project.").optional(),
    configMap: ref(ConfigMapProjection, "ConfigMap to project.").optional(),
    serviceAccountToken: ref(ServiceAccountTokenProjection, "Service account token to project.").optional(),
    clusterTrustBundle: ref(ClusterTrustBundleProjection, "Trust bundle to project.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.VolumeProjection", description: "One source of a projected volume." });

export const ProjectedVolumeSource = z
  .object({
    sources: list(VolumeProjection, "Sources merged into the volume.", atomic).optional(),
    defaultMode: int("Mode bits for created files; defaults to 0644.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ProjectedVolumeSource", description: "Several sources projected into one directory." });

export const CSIVolumeSource = z
  .object({
    driver: str("Name of the CSI driver."),
    readOnly: bool("Mounts the volume read-only.").optional(),
    fsType: str("Filesystem type to mount, passed to the driver.").optional(),
    volumeAttributes: strMap("Driver-specific volume attributes.").optional(),
    nodePublishSecretRef: ref(LocalObjectReference, "Secret passed to the driver's publish calls.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.CSIVolumeSource", description: "An ephemeral volume provided by a CSI driver." });

export const EphemeralVolumeSource = z
  .object({ volumeClaimTemplate: ref(PersistentVolumeClaimTemplate, "Claim created for the pod and deleted with it.").optional() })
  .meta({ id: "io.k8s.api.core.v1.EphemeralVolumeSource", description: "A volume backed by a per-pod claim." });

export const ImageVolumeSource = z
  .object({
    reference: str("OCI image or artifact reference to mount.").optional(),
    pullPolicy: str("When to pull: Always, Never or IfNotPresent.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ImageVolumeSource", description: "An OCI image mounted read-only." });

export const Volume = z
  .object({
    name: str("Name of the volume, a DNS label unique within the pod."),
    hostPath: ref(HostPathVolumeSource, "A path on the node.").optional(),
    emptyDir: ref(EmptyDirVolumeSource, "A scratch directory for the pod.").optional(),
    gcePersistentDisk: ref(legacy.GCEPersistentDiskVolumeSource, "A GCE persistent disk.").optional(),
    awsElasticBlockStore: ref(legacy.AWSElasticBlockStoreVolumeSource, "An AWS EBS volume.").optional(),
    gitRepo: ref(legacy.GitRepoVolumeSource, "A cloned git repository (deprecated).").optional(),
    secret: ref(SecretVolumeSource, "Files from a Secret.").optional(),
    nfs: ref(legacy.NFSVolumeSource, "An NFS export.").optional(),
    iscsi: ref(legacy.ISCSIVolumeSource, "An iSCSI disk.").optional(),
    glusterfs: ref(legacy.GlusterfsVolumeSource, "A Glusterfs mount.").optional(),
    persistentVolumeClaim: ref(PersistentVolumeClaimVolumeSource, "A claimed persistent volume.").optional(),
    rbd: ref(legacy.RBDVolumeSource, "A Rados block device.").optional(),
    flexVolume: ref(legacy.FlexVolumeSource, "A FlexVolume plugin volume.").optional(),
    cinder: ref(legacy.CinderVolumeSource, "An OpenStack Cinder volume.").optional(),
    cephfs: ref(legacy.CephFSVolumeSource, "A CephFS mount.").optional(),
    flocker: ref(legacy.FlockerVolumeSource, "A Flocker dataset.").optional(),
    downwardAPI: ref(DownwardAPIVolumeSource, "Files with pod information.").optional(),
    fc: ref(legacy.FCVolumeSource, "A Fibre Channel disk.").optional(),
    azureFile: ref(legacy.AzureFileVolumeSource, "An Azure File share.").optional(),
    configMap: ref(ConfigMapVolumeSource, "Files from a ConfigMap.").optional(),
    vsphereVolume: ref(legacy.VsphereVirtualDiskVolumeSource, "A vSphere virtual disk.").optional(),
    quobyte: ref(legacy.QuobyteVolumeSource, "A Quobyte mount.").optional(),
    azureDisk: ref(legacy.AzureDiskVolumeSource, "An Azure data disk.").optional(),
    photonPersistentDisk: ref(legacy.PhotonPersistentDiskVolumeSource, "A Photon persistent disk.").optional(),
    projected: ref(ProjectedVolumeSource, "Several sources in one directory.").optional(),
    portworxVolume: ref(legacy.PortworxVolumeSource, "A Portworx volume.").optional(),
    scaleIO: ref(legacy.ScaleIOVolumeSource, "A ScaleIO volume.").optional(),
    storageos: ref(legacy.StorageOSVolumeSource, "A StorageOS volume.").optional(),
    csi: ref(CSIVolumeSource, "An ephemeral CSI volume.").optional(),
    ephemeral: ref(EphemeralVolumeSource, "A volume backed by a per-pod claim.").optional(),
    image: ref(ImageVolumeSource, "An OCI image mounted read-only.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.Volume", description: "A named volume that containers of the pod can mount; exactly one source is set." });
export type Volume = z.infer<typeof Volume>;
