// The claim template of a StatefulSet's volumeClaimTemplates: a PersistentVolumeClaim's fields. It stands in until the
// PersistentVolumeClaim kind's own schema is merged (then the list refers to that schema).
import { z } from "zod";
import { ref, str, typeMetaFields } from "../fields";
import { objectMetadata } from "../meta";
import { PersistentVolumeClaimSpec } from "../core/volume-claim";

export const StatefulSetClaimTemplate = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(PersistentVolumeClaimSpec, "The storage the claim requests.").optional(),
    status: ref(z.object({ phase: str("Pending, Bound or Lost.").optional() }).meta({ description: "The claim's state." }), "Ignored in a template.").optional(),
  })
  .meta({ description: "A PersistentVolumeClaim template." });
export type StatefulSetClaimTemplate = z.infer<typeof StatefulSetClaimTemplate>;
