// k8s.io/api/authorization/v1: SelfSubjectAccessReview and SelfSubjectRulesReview.

import { type MessageType, bool, list, obj, str, strs } from "../schema";
import { LabelSelectorRequirement, ObjectMeta } from "./meta";

const ResourceAttributes: MessageType = {
  1: str("namespace"),
  2: str("verb"),
  3: str("group"),
  4: str("version"),
  5: str("resource"),
  6: str("subresource"),
  7: str("name"),
  8: obj("fieldSelector", () => ({
    1: str("rawSelector"),
    2: list("requirements", () => ({ 1: str("key"), 2: str("operator"), 3: strs("values") })),
  })),
  9: obj("labelSelector", () => ({
    1: str("rawSelector"),
    2: list("requirements", () => LabelSelectorRequirement),
  })),
};

export const SelfSubjectAccessReview: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("spec", () => ({
    1: obj("resourceAttributes", () => ResourceAttributes),
    2: obj("nonResourceAttributes", () => ({ 1: str("path"), 2: str("verb") })),
  })),
  3: obj("status", () => ({
    1: bool("allowed"),
    2: str("reason"),
    3: str("evaluationError"),
    4: bool("denied"),
  })),
};

export const SelfSubjectRulesReview: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("spec", () => ({ 1: str("namespace") })),
  3: obj("status", () => ({
    1: list("resourceRules", () => ({
      1: strs("verbs"),
      2: strs("apiGroups"),
      3: strs("resources"),
      4: strs("resourceNames"),
    })),
    2: list("nonResourceRules", () => ({ 1: strs("verbs"), 2: strs("nonResourceURLs") })),
    3: bool("incomplete"),
    4: str("evaluationError"),
  })),
};
