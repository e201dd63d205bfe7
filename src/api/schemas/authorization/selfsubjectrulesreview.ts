// authorization.k8s.io/v1 SelfSubjectRulesReview (`kubectl auth can-i --list`).
import { z } from "zod";
import { atomic, bool, gvk, list, ref, str, typeMetaFields } from "../fields";
import { objectMetadata } from "../meta";

export const SelfSubjectRulesReviewSpec = z
  .object({ namespace: str("Namespace to list rules for.").optional() })
  .meta({ id: "io.k8s.api.authorization.v1.SelfSubjectRulesReviewSpec", description: "Which namespace to list rules for." });

export const ResourceRule = z
  .object({
    verbs: list(z.string(), "Allowed verbs, or * for all.", atomic),
    apiGroups: list(z.string(), "API groups of the resources, or * for all.", atomic).optional(),
    resources: list(z.string(), "Resources the rule covers, or * for all.", atomic).optional(),
    resourceNames: list(z.string(), "Object names the rule is limited to.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.authorization.v1.ResourceRule", description: "Actions allowed on resources." });

export const NonResourceRule = z
  .object({
    verbs: list(z.string(), "Allowed HTTP verbs, or * for all.", atomic),
    nonResourceURLs: list(z.string(), "URL paths the rule covers; a trailing * matches a prefix.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.authorization.v1.NonResourceRule", description: "Actions allowed on non-resource URLs." });

export const SubjectRulesReviewStatus = z
  .object({
    resourceRules: list(ResourceRule, "Rules on resources.", atomic),
    nonResourceRules: list(NonResourceRule, "Rules on non-resource URLs.", atomic),
    incomplete: bool("True when the authorizer could not list every rule."),
    evaluationError: str("Problem met while listing the rules.").optional(),
  })
  .meta({ id: "io.k8s.api.authorization.v1.SubjectRulesReviewStatus", description: "The rules a user has in a namespace." });

export const SelfSubjectRulesReview = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(SelfSubjectRulesReviewSpec, "Namespace to list rules for."),
    status: ref(SubjectRulesReviewStatus, "The rules, filled by the server.").optional(),
  })
  .meta({
    id: "io.k8s.api.authorization.v1.SelfSubjectRulesReview",
    description: "Lists the actions the current user may perform in a namespace.",
    ...gvk("authorization.k8s.io", "v1", "SelfSubjectRulesReview"),
  });
export type SelfSubjectRulesReview = z.infer<typeof SelfSubjectRulesReview>;
