// policy/v1 Eviction, posted to pods/eviction.
import { z } from "zod";
import { DeleteOptions } from "../delete-options";
import { gvk, ref, typeMetaFields } from "../fields";
import { ObjectMeta } from "../meta";

export const Eviction = z
  .object({
    ...typeMetaFields,
    metadata: ref(ObjectMeta, "Name and namespace of the pod to evict.").optional(),
    deleteOptions: ref(DeleteOptions, "Options for the deletion that the eviction performs.").optional(),
  })
  .meta({
    id: "io.k8s.api.policy.v1.Eviction",
    description: "Asks for a pod to be deleted while respecting disruption budgets.",
    ...gvk("policy", "v1", "Eviction"),
  });
export type Eviction = z.infer<typeof Eviction>;
