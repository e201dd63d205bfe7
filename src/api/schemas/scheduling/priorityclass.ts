// scheduling.k8s.io/v1 PriorityClass: a name for a pod priority value (cluster-scoped, no spec/status split).
import { z } from "zod";
import { bool, gvk, int32, str, typeMetaFields } from "../fields";
import { objectMetadata } from "../meta";

export const PriorityClass = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    value: int32("The priority pods naming this class receive; higher runs first and may preempt lower."),
    globalDefault: bool(
      "Whether pods without a priorityClassName get this class. Only one class may be the default; should several be, the lowest value wins.",
    ).optional(),
    description: str("Free text telling users when this class should be used.").optional(),
    preemptionPolicy: str("Whether pods of this class may preempt lower-priority pods: PreemptLowerPriority (default) or Never.").optional(),
  })
  .meta({
    id: "io.k8s.api.scheduling.v1.PriorityClass",
    description: "Maps a priority class name to the integer priority of the pods that name it.",
    ...gvk("scheduling.k8s.io", "v1", "PriorityClass"),
  });
export type PriorityClass = z.infer<typeof PriorityClass>;
