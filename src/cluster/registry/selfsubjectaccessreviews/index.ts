import { SelfSubjectAccessReview } from "../../../api/schemas/authorization/selfsubjectaccessreview";
import { SelfSubjectAccessReview as SelfSubjectAccessReviewMessage } from "../../../api/protobuf/messages/authorization";
import { defineResource } from "../define";
import { reviewAccess } from "./review";

export const selfSubjectAccessReviews = defineResource<SelfSubjectAccessReview>({
  group: "authorization.k8s.io",
  version: "v1",
  kind: "SelfSubjectAccessReview",
  resource: "selfsubjectaccessreviews",
  namespaced: false,
  verbs: ["create"],
  schema: SelfSubjectAccessReview,
  protobuf: SelfSubjectAccessReviewMessage,
  virtualCreate: reviewAccess,
});
