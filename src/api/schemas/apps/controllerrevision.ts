// apps/v1 ControllerRevision (DaemonSet and StatefulSet history).
import { z } from "zod";
import { gvk, int, ref, typeMetaFields } from "../fields";
import { objectMetadata, RawExtension } from "../meta";

export const ControllerRevision = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    data: ref(RawExtension, "Serialized state of the revision.").optional(),
    revision: int("Revision number."),
  })
  .meta({
    id: "io.k8s.api.apps.v1.ControllerRevision",
    description: "An immutable snapshot of a controller's state.",
    ...gvk("apps", "v1", "ControllerRevision"),
  });
export type ControllerRevision = z.infer<typeof ControllerRevision>;
