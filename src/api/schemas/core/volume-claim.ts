// The claim template embedded in generic ephemeral volumes (a PersistentVolumeClaim's metadata and spec).
import { z } from "zod";
import { atomic, list, ref, str } from "../fields";
import { LabelSelector, ObjectMeta, ResourceList, TypedLocalObjectReference, TypedObjectReference } from "../meta";

export const VolumeResourceRequirements = z
  .object({
    limits: ref(ResourceList, "Maximum storage allowed.").optional(),
    requests: ref(ResourceList, "Minimum storage required.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.VolumeResourceRequirements", description: "Storage requested by a claim." });

export const PersistentVolumeClaimSpec = z
  .object({
    accessModes: list(z.string(), "Access modes wanted: ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod.", atomic).optional(),
    selector: ref(LabelSelector, "Label query over volumes to bind to.").optional(),
    resources: ref(VolumeResourceRequirements, "Minimum resources the volume must have.").optional(),
    volumeName: str("Name of a specific PersistentVolume to bind to.").optional(),
    storageClassName: str("StorageClass the claim requires.").optional(),
    volumeMode: str("Filesystem or Block.").optional(),
    dataSource: ref(TypedLocalObjectReference, "Existing snapshot or claim to populate the volume from.").optional(),
    dataSourceRef: ref(TypedObjectReference, "Any populator object to fill the volume from.").optional(),
    volumeAttributesClassName: str("VolumeAttributesClass the claim uses.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PersistentVolumeClaimSpec", description: "Desired characteristics of a volume claim." });

export const PersistentVolumeClaimTemplate = z
  .object({
    metadata: ref(ObjectMeta, "Labels and annotations copied onto the created claim.").optional(),
    spec: ref(PersistentVolumeClaimSpec, "Spec of the claim created for the pod."),
  })
  .meta({ id: "io.k8s.api.core.v1.PersistentVolumeClaimTemplate", description: "Template of the claim created for an ephemeral volume." });
