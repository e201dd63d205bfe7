// rbac.authorization.k8s.io/v1 RoleBinding: grants a Role or ClusterRole within one namespace.
import { z } from "zod";
import { atomic, gvk, list, ref, typeMetaFields } from "../fields";
import { objectMetadata } from "../meta";
import { RoleRef, Subject } from "./policy-rule";

export const RoleBinding = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    subjects: list(Subject, "The users, groups and service accounts the role is granted to.", atomic).optional(),
    roleRef: ref(RoleRef, "The Role or ClusterRole granted; it cannot change."),
  })
  .meta({
    id: "io.k8s.api.rbac.v1.RoleBinding",
    description: "Grants the permissions of a Role or ClusterRole to subjects, in the binding's namespace.",
    ...gvk("rbac.authorization.k8s.io", "v1", "RoleBinding"),
  });
export type RoleBinding = z.infer<typeof RoleBinding>;
