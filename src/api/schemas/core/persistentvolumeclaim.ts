// PersistentVolumeClaim (core/v1): a user's request for storage, bound to one PersistentVolume.
import { z } from "zod";
import { atomic, gvk, list, mapKeys, ref, str, strMap, typeMetaFields } from "../fields";
import { ResourceList, Time, objectMetadata } from "../meta";
import { PersistentVolumeClaimSpec } from "./volume-claim";

export const PersistentVolumeClaimCondition = z
  .object({
    type: str("Resizing, FileSystemResizePending, ModifyVolumeError or ModifyingVolume."),
    status: str("True, False or Unknown."),
    lastProbeTime: ref(Time, "When the condition was last probed.").optional(),
    lastTransitionTime: ref(Time, "When the condition last changed status.").optional(),
    reason: str("Unique, short, machine-readable reason for the last transition.").optional(),
    message: str("Human-readable detail about the last transition.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PersistentVolumeClaimCondition", description: "One aspect of a claim's state." });

export const ModifyVolumeStatus = z
  .object({
    targetVolumeAttributesClassName: str("Name of the VolumeAttributesClass being reconciled.").optional(),
    status: str("Pending, InProgress or Infeasible."),
  })
  .meta({ id: "io.k8s.api.core.v1.ModifyVolumeStatus", description: "The state of a ControllerModifyVolume operation." });

export const PersistentVolumeClaimStatus = z
  .object({
    phase: str("Pending, Bound or Lost.").optional(),
    accessModes: list(z.string(), "Access modes of the bound volume.", atomic).optional(),
    capacity: ref(ResourceList, "Capacity of the bound volume.").optional(),
    conditions: list(PersistentVolumeClaimCondition, "Current conditions, e.g. Resizing.", mapKeys("type")).optional(),
    allocatedResources: ref(ResourceList, "Storage allocated to the claim, as the resize controller tracks it.").optional(),
    allocatedResourceStatuses: strMap("The state of a resize of each resource, e.g. ControllerResizeInProgress.", { "x-kubernetes-map-type": "granular" }).optional(),
    currentVolumeAttributesClassName: str("The VolumeAttributesClass the volume currently has.").optional(),
    modifyVolumeStatus: ref(ModifyVolumeStatus, "The state of a volume modification, if any.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PersistentVolumeClaimStatus", description: "The current state of a claim." });

export const PersistentVolumeClaim = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(PersistentVolumeClaimSpec, "The storage the user wants.").optional(),
    status: ref(PersistentVolumeClaimStatus, "The claim's current state; read-only.").optional(),
  })
  .meta({
    id: "io.k8s.api.core.v1.PersistentVolumeClaim",
    description: "A user's request for and claim to a persistent volume.",
    ...gvk("", "v1", "PersistentVolumeClaim"),
  });
export type PersistentVolumeClaim = z.infer<typeof PersistentVolumeClaim>;
export type PersistentVolumeClaimSpec = z.infer<typeof PersistentVolumeClaimSpec>;
