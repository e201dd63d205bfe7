// storage.k8s.io/v1 StorageClass: a class of dynamically provisioned volumes (cluster-scoped, no spec/status split).
import { z } from "zod";
import { atomic, atomicMap, bool, gvk, list, str, strMap, typeMetaFields } from "../fields";
import { objectMetadata } from "../meta";

export const TopologySelectorLabelRequirement = z
  .object({
    key: str("The label key that the selector applies to."),
    values: list(z.string(), "Values the label may have; one of them must match. Each entry must be unique.", atomic),
  })
  .meta({
    id: "io.k8s.api.core.v1.TopologySelectorLabelRequirement",
    description: "A topology selector requirement: a label key and the values it may have.",
  });

export const TopologySelectorTerm = z
  .object({
    matchLabelExpressions: list(TopologySelectorLabelRequirement, "A list of topology selector requirements by labels.", atomic).optional(),
  })
  .meta({
    id: "io.k8s.api.core.v1.TopologySelectorTerm",
    description: "A topology term: the requirements in it are ANDed; an empty term matches nothing.",
    ...atomicMap,
  });

export const StorageClass = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    provisioner: str("The name of the volume plugin (provisioner) that creates volumes of this class."),
    parameters: strMap("Parameters for the provisioner that creates volumes of this class.").optional(),
    reclaimPolicy: str("What happens to volumes of this class when their claim is deleted: Delete (default) or Retain.").optional(),
    mountOptions: list(z.string(), "Mount options of volumes of this class, e.g. [\"ro\", \"soft\"]; not validated.", atomic).optional(),
    allowVolumeExpansion: bool("Whether claims of this class may be expanded.").optional(),
    volumeBindingMode: str("When volumes are provisioned and bound: Immediate (default) or WaitForFirstConsumer.").optional(),
    allowedTopologies: list(TopologySelectorTerm, "Where volumes of this class may be provisioned; empty means anywhere.", atomic).optional(),
  })
  .meta({
    id: "io.k8s.api.storage.v1.StorageClass",
    description: "Describes the parameters of a class of storage for which volumes can be dynamically provisioned.",
    ...gvk("storage.k8s.io", "v1", "StorageClass"),
  });
export type StorageClass = z.infer<typeof StorageClass>;
