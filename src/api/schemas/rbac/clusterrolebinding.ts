// rbac.authorization.k8s.io/v1 ClusterRoleBinding: grants a ClusterRole cluster-wide.
import { z } from "zod";
import { atomic, gvk, list, ref, typeMetaFields } from "../fields";
import { objectMetadata } from "../meta";
import { RoleRef, Subject } from "./policy-rule";

export const ClusterRoleBinding = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    subjects: list(Subject, "The users, groups and service accounts the role is granted to.", atomic).optional(),
    roleRef: ref(RoleRef, "The ClusterRole granted; it cannot change."),
  })
  .meta({
    id: "io.k8s.api.rbac.v1.ClusterRoleBinding",
    description: "Grants the permissions of a ClusterRole to subjects in every namespace.",
    ...gvk("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding"),
  });
export type ClusterRoleBinding = z.infer<typeof ClusterRoleBinding>;
