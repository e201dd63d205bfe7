// rbac.authorization.k8s.io/v1 Role: namespaced rules.
import { z } from "zod";
import { atomic, gvk, list, typeMetaFields } from "../fields";
import { objectMetadata } from "../meta";
import { PolicyRule } from "./policy-rule";

export const Role = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    rules: list(PolicyRule, "The PolicyRules of this Role.", atomic).optional(),
  })
  .meta({
    id: "io.k8s.api.rbac.v1.Role",
    description: "A namespaced, logical grouping of PolicyRules that a RoleBinding grants.",
    ...gvk("rbac.authorization.k8s.io", "v1", "Role"),
  });
export type Role = z.infer<typeof Role>;
