// rbac.authorization.k8s.io/v1 ClusterRole: cluster-wide rules, possibly aggregated from other ClusterRoles.
import { z } from "zod";
import { atomic, gvk, list, ref, typeMetaFields } from "../fields";
import { LabelSelector, objectMetadata } from "../meta";
import { PolicyRule } from "./policy-rule";

export const AggregationRule = z
  .object({
    clusterRoleSelectors: list(LabelSelector, "Selectors of the ClusterRoles whose rules are aggregated into this one.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.rbac.v1.AggregationRule", description: "How a ClusterRole's rules are computed from other ClusterRoles." });

export const ClusterRole = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    rules: list(PolicyRule, "The PolicyRules of this ClusterRole.", atomic).optional(),
    aggregationRule: ref(AggregationRule, "When set, the rules are controller-managed: the union of the selected ClusterRoles' rules.").optional(),
  })
  .meta({
    id: "io.k8s.api.rbac.v1.ClusterRole",
    description: "A cluster-level, logical grouping of PolicyRules that a RoleBinding or ClusterRoleBinding grants.",
    ...gvk("rbac.authorization.k8s.io", "v1", "ClusterRole"),
  });
export type ClusterRole = z.infer<typeof ClusterRole>;
