// authorization.k8s.io/v1 SelfSubjectAccessReview (`kubectl auth can-i`).
import { z } from "zod";
import { bool, gvk, ref, str, typeMetaFields } from "../fields";
import { objectMetadata } from "../meta";
import { NonResourceAttributes, ResourceAttributes } from "./attributes";

export const SelfSubjectAccessReviewSpec = z
  .object({
    resourceAttributes: ref(ResourceAttributes, "Resource request to check.").optional(),
    nonResourceAttributes: ref(NonResourceAttributes, "Non-resource request to check.").optional(),
  })
  .meta({ id: "io.k8s.api.authorization.v1.SelfSubjectAccessReviewSpec", description: "The request to check; exactly one member is set." });

export const SubjectAccessReviewStatus = z
  .object({
    allowed: bool("Whether the action is allowed."),
    denied: bool("Whether the action is explicitly denied.").optional(),
    reason: str("Why the action is allowed or denied.").optional(),
    evaluationError: str("Problem met while checking authorization.").optional(),
  })
  .meta({ id: "io.k8s.api.authorization.v1.SubjectAccessReviewStatus", description: "The answer of an access review." });

export const SelfSubjectAccessReview = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(SelfSubjectAccessReviewSpec, "The action to check."),
    status: ref(SubjectAccessReviewStatus, "The answer, filled by the server.").optional(),
  })
  .meta({
    id: "io.k8s.api.authorization.v1.SelfSubjectAccessReview",
    description: "Asks whether the current user may perform an action.",
    ...gvk("authorization.k8s.io", "v1", "SelfSubjectAccessReview"),
  });
export type SelfSubjectAccessReview = z.infer<typeof SelfSubjectAccessReview>;
