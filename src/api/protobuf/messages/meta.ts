// k8s.io/apimachinery/pkg/apis/meta/v1 messages.

import {
  type MessageType,
  P,
  bool,
  i64,
  list,
  obj,
  str,
  strMap,
  strs,
  time,
} from "../schema";

export const OwnerReference: MessageType = {
  1: str("kind"),
  3: str("name"),
  4: str("uid"),
  5: str("apiVersion"),
  6: bool("controller", P),
  7: bool("blockOwnerDeletion", P),
};

export const ManagedFieldsEntry: MessageType = {
  1: str("manager"),
  2: str("operation"),
  3: str("apiVersion"),
  4: time("time"),
  6: str("fieldsType"),
  7: { name: "fieldsV1", value: { kind: "fieldsV1" } },
  8: str("subresource"),
};

export const ObjectMeta: MessageType = {
  1: str("name"),
  2: str("generateName"),
  3: str("namespace"),
  4: str("selfLink"),
  5: str("uid"),
  6: str("resourceVersion"),
  7: i64("generation"),
  8: time("creationTimestamp"),
  9: time("deletionTimestamp"),
  10: i64("deletionGracePeriodSeconds", P),
  11: strMap("labels"),
  12: strMap("annotations"),
  13: list("ownerReferences", () => OwnerReference),
  14: strs("finalizers"),
  17: list("managedFields", () => ManagedFieldsEntry),
};

export const LabelSelectorRequirement: MessageType = {
  1: str("key"),
  2: str("operator"),
  3: strs("values"),
};

export const LabelSelector: MessageType = {
  1: strMap("matchLabels"),
  2: list("matchExpressions", () => LabelSelectorRequirement),
};

export const Condition: MessageType = {
  1: str("type"),
  2: str("status"),
  3: i64("observedGeneration"),
  4: time("lastTransitionTime"),
  5: str("reason"),
  6: str("message"),
};

export const Preconditions: MessageType = {
  1: str("uid", P),
  2: str("resourceVersion", P),
};

export const DeleteOptions: MessageType = {
  1: i64("gracePeriodSeconds", P),
  2: obj("preconditions", () => Preconditions),
  3: bool("orphanDependents", P),
  4: str("propagationPolicy", P),
  5: strs("dryRun"),
  6: bool("ignoreStoreReadErrorWithClusterBreakingPotential", P),
};
