// k8s.io/api/storage/v1: StorageClass.

import { type MessageType, P, bool, list, obj, str, strMap, strs } from "../schema";
import { ObjectMeta } from "./meta";

const TopologySelectorTerm: MessageType = {
  1: list("matchLabelExpressions", () => ({ 1: str("key"), 2: strs("values") })),
};

export const StorageClass: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: str("provisioner"),
  3: strMap("parameters"),
  4: str("reclaimPolicy", P),
  5: strs("mountOptions"),
  6: bool("allowVolumeExpansion", P),
  7: str("volumeBindingMode", P),
  8: list("allowedTopologies", () => TopologySelectorTerm),
};
