// minikube's default-storageclass addon: the StorageClass `standard`, the cluster's default, served by the built-in
// hostpath provisioner. One object: minikube's storage-provisioner pod and its RBAC are left out (the PV controller
// provisions in-tree).
import type { StorageClass } from "../api/schemas/storage/storageclass";
import { builtinProvisioner } from "./registry/storageclasses/builtin-provisioner";

export function standardStorageClass(): StorageClass {
  return {
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: {
      name: "standard",
      labels: { "addonmanager.kubernetes.io/mode": "EnsureExists" },
      annotations: { "storageclass.kubernetes.io/is-default-class": "true" },
    },
    provisioner: builtinProvisioner,
    reclaimPolicy: "Delete",
    volumeBindingMode: "Immediate",
  };
}
