import { SelfSubjectRulesReview } from "../../../api/schemas/authorization/selfsubjectrulesreview";
import { SelfSubjectRulesReview as SelfSubjectRulesReviewMessage } from "../../../api/protobuf/messages/authorization";
import { defineResource } from "../define";
import type { Caller } from "../types";

/** `kubectl auth can-i --list`: the rules behind the caller's token. */
function reviewRules(review: SelfSubjectRulesReview, caller: Caller): SelfSubjectRulesReview {
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
