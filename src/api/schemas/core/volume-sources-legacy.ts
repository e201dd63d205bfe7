// Network, cloud and in-tree storage volume sources. Most are deprecated in Kubernetes but remain in the API.
import { z } from "zod";
import { atomic, bool, int, list, ref, str, strMap } from "../fields";
import { LocalObjectReference } from "../meta";

const fsType = (what = "filesystem type to mount, e.g. ext4") => str(`The ${what}.`).optional();
const readOnly = bool("Forces the volume to be mounted read-only.").optional();
const secretRef = (what: string) => ref(LocalObjectReference, what).optional();

export const GCEPersistentDiskVolumeSource = z
  .object({
    pdName: str("Name of the GCE persistent disk."),
    fsType: fsType(),
    partition: int("Partition of the disk to mount.").optional(),
    readOnly,
  })
  .meta({ id: "io.k8s.api.core.v1.GCEPersistentDiskVolumeSource", description: "A GCE persistent disk." });

export const AWSElasticBlockStoreVolumeSource = z
  .object({
    volumeID: str("ID of the EBS volume."),
    fsType: fsType(),
    partition: int("Partition of the volume to mount.").optional(),
    readOnly,
  })
  .meta({ id: "io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource", description: "An AWS EBS volume." });

export const GitRepoVolumeSource = z
  .object({
    repository: str("URL of the git repository."),
    revision: str("Commit hash to check out.").optional(),
    directory: str("Target directory name inside the volume.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.GitRepoVolumeSource", description: "A deprecated volume populated by cloning a git repository." });

export const NFSVolumeSource = z
  .object({
    server: str("Hostname or IP of the NFS server."),
    path: str("Path exported by the server."),
    readOnly,
  })
  .meta({ id: "io.k8s.api.core.v1.NFSVolumeSource", description: "An NFS export." });

export const ISCSIVolumeSource = z
  .object({
    targetPortal: str("iSCSI target portal, host:port."),
    iqn: str("iSCSI qualified name of the target."),
    lun: int("iSCSI target LUN number."),
    iscsiInterface: str("iSCSI interface name; defaults to default (tcp).").optional(),
    fsType: fsType(),
    readOnly,
    portals: list(z.string(), "Additional target portals.", atomic).optional(),
    chapAuthDiscovery: bool("Enables CHAP discovery authentication.").optional(),
    chapAuthSession: bool("Enables CHAP session authentication.").optional(),
    secretRef: secretRef("Secret holding the CHAP credentials."),
    initiatorName: str("Custom iSCSI initiator name.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ISCSIVolumeSource", description: "An iSCSI disk." });

export const GlusterfsVolumeSource = z
  .object({
    endpoints: str("Name of the Endpoints object describing the Glusterfs cluster."),
    path: str("Glusterfs volume path."),
    readOnly,
  })
  .meta({ id: "io.k8s.api.core.v1.GlusterfsVolumeSource", description: "A Glusterfs mount." });

export const RBDVolumeSource = z
  .object({
    monitors: list(z.string(), "Ceph monitor addresses.", atomic),
    image: str("Name of the RADOS image."),
    fsType: fsType(),
    pool: str("RADOS pool name; defaults to rbd.").optional(),
    user: str("RADOS user name; defaults to admin.").optional(),
    keyring: str("Path to the keyring; defaults to /etc/ceph/keyring.").optional(),
    secretRef: secretRef("Secret holding the RBD user's key."),
    readOnly,
  })
  .meta({ id: "io.k8s.api.core.v1.RBDVolumeSource", description: "A Rados block device." });

export const FlexVolumeSource = z
  .object({
    driver: str("Name of the FlexVolume driver."),
    fsType: fsType(),
    secretRef: secretRef("Secret passed to the driver."),
    readOnly,
    options: strMap("Extra driver options.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.FlexVolumeSource", description: "A volume provisioned by an exec-based plugin." });

export const CinderVolumeSource = z
  .object({
    volumeID: str("ID of the Cinder volume."),
    fsType: fsType(),
    readOnly,
    secretRef: secretRef("Secret holding OpenStack credentials."),
  })
  .meta({ id: "io.k8s.api.core.v1.CinderVolumeSource", description: "An OpenStack Cinder volume." });

export const CephFSVolumeSource = z
  .object({
    monitors: list(z.string(), "Ceph monitor addresses.", atomic),
    path: str("Root path inside the CephFS to mount; defaults to /.").optional(),
    user: str("RADOS user name; defaults to admin.").optional(),
    secretFile: str("Path to the keyring file.").optional(),
    secretRef: secretRef("Secret holding the user's key."),
    readOnly,
  })
  .meta({ id: "io.k8s.api.core.v1.CephFSVolumeSource", description: "A CephFS mount." });

export const FlockerVolumeSource = z
  .object({
    datasetName: str("Flocker dataset name.").optional(),
    datasetUUID: str("Flocker dataset UUID.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.FlockerVolumeSource", description: "A Flocker dataset." });

export const FCVolumeSource = z
  .object({
    targetWWNs: list(z.string(), "Fibre Channel target world wide names.", atomic).optional(),
    lun: int("Target LUN number.").optional(),
    fsType: fsType(),
    readOnly,
    wwids: list(z.string(), "Volume world wide identifiers, used instead of WWNs and LUN.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.FCVolumeSource", description: "A Fibre Channel disk." });

export const AzureFileVolumeSource = z
  .object({
    secretName: str("Secret holding the storage account name and key."),
    shareName: str("Azure file share name."),
    readOnly,
  })
  .meta({ id: "io.k8s.api.core.v1.AzureFileVolumeSource", description: "An Azure File share." });

export const VsphereVirtualDiskVolumeSource = z
  .object({
    volumePath: str("Path identifying the vSphere volume vmdk."),
    fsType: fsType(),
    storagePolicyName: str("Storage policy based management profile name.").optional(),
    storagePolicyID: str("Storage policy based management profile ID.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.VsphereVirtualDiskVolumeSource", description: "A vSphere virtual disk." });

export const QuobyteVolumeSource = z
  .object({
    registry: str("Quobyte registry addresses, host:port, comma separated."),
    volume: str("Name of an existing Quobyte volume."),
    readOnly,
    user: str("User the volume access is mapped to.").optional(),
    group: str("Group the volume access is mapped to.").optional(),
    tenant: str("Quobyte tenant owning the volume.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.QuobyteVolumeSource", description: "A Quobyte mount." });

export const AzureDiskVolumeSource = z
  .object({
    diskName: str("Name of the data disk in blob storage."),
    diskURI: str("URI of the data disk in blob storage."),
    cachingMode: str("Host caching mode: None, ReadOnly or ReadWrite.").optional(),
    fsType: fsType(),
    readOnly,
    kind: str("Disk kind: Shared, Dedicated or Managed.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.AzureDiskVolumeSource", description: "An Azure data disk." });

export const PhotonPersistentDiskVolumeSource = z
  .object({
    pdID: str("ID of the Photon persistent disk."),
    fsType: fsType(),
  })
  .meta({ id: "io.k8s.api.core.v1.PhotonPersistentDiskVolumeSource", description: "A Photon Controller persistent disk." });

export const PortworxVolumeSource = z
  .object({
    volumeID: str("ID of the Portworx volume."),
    fsType: fsType(),
    readOnly,
  })
  .meta({ id: "io.k8s.api.core.v1.PortworxVolumeSource", description: "A Portworx volume." });

export const ScaleIOVolumeSource = z
  .object({
    gateway: str("Address of the ScaleIO API gateway."),
    system: str("Name of the ScaleIO storage system."),
    secretRef: ref(LocalObjectReference, "Secret holding the ScaleIO credentials."),
    sslEnabled: bool("Enables SSL to the gateway.").optional(),
    protectionDomain: str("ScaleIO protection domain.").optional(),
    storagePool: str("ScaleIO storage pool.").optional(),
    storageMode: str("ThickProvisioned or ThinProvisioned.").optional(),
    volumeName: str("Name of an existing ScaleIO volume.").optional(),
    fsType: fsType("filesystem type to mount; defaults to xfs"),
    readOnly,
  })
  .meta({ id: "io.k8s.api.core.v1.ScaleIOVolumeSource", description: "A ScaleIO volume." });

export const StorageOSVolumeSource = z
  .object({
    volumeName: str("Name of the StorageOS volume.").optional(),
    volumeNamespace: str("StorageOS namespace of the volume.").optional(),
    fsType: fsType(),
    readOnly,
    secretRef: secretRef("Secret holding StorageOS API credentials."),
  })
  .meta({ id: "io.k8s.api.core.v1.StorageOSVolumeSource", description: "A StorageOS volume." });
