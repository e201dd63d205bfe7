// LimitRange.
import { z } from "zod";
import { atomic, gvk, list, ref, str, typeMetaFields } from "../fields";
import { objectMetadata, ResourceList } from "../meta";

export const LimitRangeItem = z
  .object({
    type: str("Kind of object limited: Pod, Container or PersistentVolumeClaim."),
    max: ref(ResourceList, "Maximum usage per object.").optional(),
    min: ref(ResourceList, "Minimum usage per object.").optional(),
    default: ref(ResourceList, "Limits applied when none are given.").optional(),
    defaultRequest: ref(ResourceList, "Requests applied when none are given.").optional(),
    maxLimitRequestRatio: ref(ResourceList, "Largest allowed limit-to-request ratio.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.LimitRangeItem", description: "Limits for one kind of object." });

export const LimitRangeSpec = z
  .object({ limits: list(LimitRangeItem, "Limits to enforce.", atomic) })
  .meta({ id: "io.k8s.api.core.v1.LimitRangeSpec", description: "The limits a LimitRange enforces." });

export const LimitRange = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(LimitRangeSpec, "Limits enforced in the namespace.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.LimitRange", description: "Per-object resource limits and defaults in a namespace.", ...gvk("", "v1", "LimitRange") });
export type LimitRange = z.infer<typeof LimitRange>;
