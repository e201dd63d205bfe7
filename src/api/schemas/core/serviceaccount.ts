// ServiceAccount.
import { z } from "zod";
import { atomic, bool, gvk, list, mapKeys, patch, typeMetaFields } from "../fields";
import { LocalObjectReference, objectMetadata, ObjectReference } from "../meta";

export const ServiceAccount = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    secrets: list(ObjectReference, "Deprecated list of secrets pods of this account may use.", patch("merge", "name"), mapKeys("name")).optional(),
    imagePullSecrets: list(LocalObjectReference, "Image pull secrets added to pods using this account.", atomic).optional(),
    automountServiceAccountToken: bool("Whether pods mount this account's token by default.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ServiceAccount", description: "An identity for processes running in pods.", ...gvk("", "v1", "ServiceAccount") });
export type ServiceAccount = z.infer<typeof ServiceAccount>;
