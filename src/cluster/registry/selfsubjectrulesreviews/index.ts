import { SelfSubjectRulesReview } from "../../../api/schemas/authorization/selfsubjectrulesreview";
import { SelfSubjectRulesReview as SelfSubjectRulesReviewMessage } from "../../../api/protobuf/messages/authorization";
import { defineResource } from "../define";
import type { Caller } from "../types";
import type { RegistryStore } from "../generic-store";
import { rulesFor } from "../authorization/authorizer";
import { userOf } from "../authorization/identity";

/** `kubectl auth can-i --list`: the rules behind the caller's token. */
function reviewRules(review: SelfSubjectRulesReview, caller: Caller, registry: RegistryStore): SelfSubjectRulesReview {
  if (caller.rbac) return rbacRules(review, caller, registry);
  const admin = caller.role === "admin";
  return {
    apiVersion: "authorization.k8s.io/v1",
    kind: "SelfSubjectRulesReview",
    metadata: { creationTimestamp: null },
    spec: review.spec ?? {},
    status: {
      resourceRules: [
        { verbs: ["create"], apiGroups: ["authorization.k8s.io"], resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"] },
        admin
          ? { verbs: ["*"], apiGroups: ["*"], resources: ["*"] }
          : { verbs: ["get", "list", "watch"], apiGroups: ["*"], resources: ["*"] },
      ],
      nonResourceRules: [admin ? { verbs: ["*"], nonResourceURLs: ["*"] } : { verbs: ["get"], nonResourceURLs: ["*"] }],
      incomplete: false,
    },
  };
}

/** An identity RBAC authorizes: its rules in the namespace, split as ConvertToResourceRules splits them. */
function rbacRules(review: SelfSubjectRulesReview, caller: Caller, registry: RegistryStore): SelfSubjectRulesReview {
  const spec = review.spec ?? {};
  const status: NonNullable<SelfSubjectRulesReview["status"]> = { resourceRules: [], nonResourceRules: [], incomplete: false };
  for (const rule of rulesFor(registry, userOf(caller), spec.namespace || undefined)) {
    if (rule.resources?.length) {
      status.resourceRules.push({
        verbs: rule.verbs,
        ...(rule.apiGroups ? { apiGroups: rule.apiGroups } : {}),
        resources: rule.resources,
        ...(rule.resourceNames?.length ? { resourceNames: rule.resourceNames } : {}),
      });
    }
    if (rule.nonResourceURLs?.length) status.nonResourceRules.push({ verbs: rule.verbs, nonResourceURLs: rule.nonResourceURLs });
  }
  return { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectRulesReview", metadata: { creationTimestamp: null }, spec, status };
}

export const selfSubjectRulesReviews = defineResource<SelfSubjectRulesReview>({
  group: "authorization.k8s.io",
  version: "v1",
  kind: "SelfSubjectRulesReview",
  resource: "selfsubjectrulesreviews",
  namespaced: false,
  verbs: ["create"],
  schema: SelfSubjectRulesReview,
  protobuf: SelfSubjectRulesReviewMessage,
  virtualCreate: reviewRules,
});
