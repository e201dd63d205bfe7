// `kubectl auth whoami`: SelfSubjectReview answers with the caller's user.Info (after impersonation), in
// authentication.k8s.io/v1 and, for kubectl 1.27, v1beta1.
import { SelfSubjectReview, SelfSubjectReviewV1beta1 } from "../../../api/schemas/authentication/selfsubjectreview";
import { SelfSubjectReview as SelfSubjectReviewMessage } from "../../../api/protobuf/messages/authentication";
import { defineResource } from "../define";
import { userOf } from "../authorization/identity";
import type { Caller } from "../types";

function review(version: string) {
  return (_review: SelfSubjectReview, caller: Caller): SelfSubjectReview => {
    const user = userOf(caller);
    return {
      apiVersion: `authentication.k8s.io/${version}`,
      kind: "SelfSubjectReview",
      metadata: { creationTimestamp: null },
      status: { userInfo: { username: user.name, ...(user.uid ? { uid: user.uid } : {}), groups: user.groups, ...(user.extra ? { extra: user.extra } : {}) } },
    };
  };
}

const common = {
  group: "authentication.k8s.io",
  kind: "SelfSubjectReview",
  resource: "selfsubjectreviews",
  namespaced: false,
  verbs: ["create" as const],
  protobuf: SelfSubjectReviewMessage,
};

export const selfSubjectReviews = defineResource<SelfSubjectReview>({ ...common, version: "v1", schema: SelfSubjectReview, virtualCreate: review("v1") });
export const selfSubjectReviewsV1beta1 = defineResource<SelfSubjectReview>({
  ...common,
  version: "v1beta1",
  schema: SelfSubjectReviewV1beta1,
  virtualCreate: review("v1beta1"),
});
