// authentication.k8s.io/v1 (and v1beta1) SelfSubjectReview: `kubectl auth whoami`.
import { z } from "zod";
import { atomic, gvk, list, ref, str, typeMetaFields } from "../fields";
import { objectMetadata } from "../meta";

export const UserInfo = z
  .object({
    username: str("The name that identifies this user.").optional(),
    uid: str("A unique value that identifies this user across time.").optional(),
    groups: list(z.string(), "The groups this user is part of.", atomic).optional(),
    extra: z.record(z.string(), z.array(z.string())).meta({ description: "Additional information from the authenticator." }).optional(),
  })
  .meta({ id: "io.k8s.api.authentication.v1.UserInfo", description: "The information about a user that the authenticator gives." });

export const SelfSubjectReviewStatus = z
  .object({ userInfo: ref(UserInfo, "The user who made the request.").optional() })
  .meta({ id: "io.k8s.api.authentication.v1.SelfSubjectReviewStatus", description: "The attributes of the user who made the request." });

function selfSubjectReview(version: string) {
  return z
    .object({
      ...typeMetaFields,
      metadata: objectMetadata,
      status: ref(SelfSubjectReviewStatus, "Filled by the server: the user's attributes.").optional(),
    })
    .meta({
      id: `io.k8s.api.authentication.${version}.SelfSubjectReview`,
      description: "Answers with the user attributes the apiserver has for the request it came with.",
      ...gvk("authentication.k8s.io", version, "SelfSubjectReview"),
    });
}

export const SelfSubjectReview = selfSubjectReview("v1");
export const SelfSubjectReviewV1beta1 = selfSubjectReview("v1beta1");
export type SelfSubjectReview = z.infer<typeof SelfSubjectReview>;
