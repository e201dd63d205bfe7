// k8s.io/api/core/v1: PersistentVolumeClaimSpec, used by ephemeral volumes (and by a future PVC kind).

import { type MessageType, P, obj, qtyMap, str, strs } from "../schema";
import { LabelSelector } from "./meta";

const TypedObjectReference: MessageType = {
  1: str("apiGroup", P),
  2: str("kind"),
  3: str("name"),
  4: str("namespace", P),
};

export const PersistentVolumeClaimSpec: MessageType = {
  1: strs("accessModes"),
  2: obj("resources", () => ({ 1: qtyMap("limits"), 2: qtyMap("requests") })),
  3: str("volumeName"),
  4: obj("selector", () => LabelSelector),
  5: str("storageClassName", P),
  6: str("volumeMode", P),
  7: obj("dataSource", () => TypedObjectReference),
  8: obj("dataSourceRef", () => TypedObjectReference),
  9: str("volumeAttributesClassName", P),
};

