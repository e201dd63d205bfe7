// The fields of PersistentVolumeClaims and PersistentVolumes (core/v1, as Kubernetes 1.33 serves them) that the
// storage views read. The dashboard reads whatever the cluster answers: every field may be missing.

export type ResourceMap = Record<string, string | undefined>;

export interface ClaimShape {
  metadata: { name?: string; namespace?: string };
  spec?: {
    accessModes?: string[];
    resources?: { requests?: ResourceMap };
    storageClassName?: string | null;
    volumeName?: string;
    volumeMode?: string;
  };
  status?: { phase?: string; accessModes?: string[]; capacity?: ResourceMap };
}

export interface VolumeShape {
  metadata: { name?: string };
  spec?: {
    capacity?: ResourceMap;
    accessModes?: string[];
    persistentVolumeReclaimPolicy?: string;
    storageClassName?: string;
    volumeMode?: string;
    claimRef?: { namespace?: string; name?: string };
    hostPath?: { path?: string; type?: string };
    local?: { path?: string };
    nfs?: { server?: string; path?: string };
    csi?: { driver?: string; volumeHandle?: string };
  };
  status?: { phase?: string; reason?: string; message?: string };
}

const shortModes: Record<string, string> = { ReadWriteOnce: "RWO", ReadOnlyMany: "ROX", ReadWriteMany: "RWX", ReadWriteOncePod: "RWOP" };

/** Access modes as kubectl prints them: `RWO,ROX`. */
export function accessModesText(modes: string[] | undefined): string {
  return (modes ?? []).map((m) => shortModes[m] ?? m).join(",");
}
