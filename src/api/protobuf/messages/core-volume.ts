// k8s.io/api/core/v1: Volume and the volume sources a learner's pod is likely to use. Other (mostly deprecated,
// cloud-specific) sources are skipped like unknown fields.

import { type MessageType, P, bool, i32, i64, inline, list, obj, qty, str, strMap } from "../schema";
import {
  LocalObjectReference,
  ObjectFieldSelector,
  ResourceFieldSelector,
} from "./core-container";
import { PersistentVolumeClaimSpec } from "./core-pvc";
import { LabelSelector, ObjectMeta } from "./meta";

const KeyToPath: MessageType = { 1: str("key"), 2: str("path"), 3: i32("mode", P) };

const DownwardAPIVolumeFile: MessageType = {
  1: str("path"),
  2: obj("fieldRef", () => ObjectFieldSelector),
  3: obj("resourceFieldRef", () => ResourceFieldSelector),
  4: i32("mode", P),
};

const projectedObject: MessageType = {
  1: inline("localObjectReference", () => LocalObjectReference),
  2: list("items", () => KeyToPath),
  4: bool("optional", P),
};

const VolumeProjection: MessageType = {
  1: obj("secret", () => projectedObject),
  2: obj("downwardAPI", () => ({ 1: list("items", () => DownwardAPIVolumeFile) })),
  3: obj("configMap", () => projectedObject),
  4: obj("serviceAccountToken", () => ({ 1: str("audience"), 2: i64("expirationSeconds", P), 3: str("path") })),
  5: obj("clusterTrustBundle", () => ({
    1: str("name", P),
    2: str("signerName", P),
    3: obj("labelSelector", () => LabelSelector),
    4: str("path"),
    5: bool("optional", P),
  })),
};

const VolumeSource: MessageType = {
  1: obj("hostPath", () => ({ 1: str("path"), 2: str("type", P) })),
  2: obj("emptyDir", () => ({ 1: str("medium"), 2: qty("sizeLimit", P) })),
  6: obj("secret", () => ({
    1: str("secretName"),
    2: list("items", () => KeyToPath),
    3: i32("defaultMode", P),
    4: bool("optional", P),
  })),
  7: obj("nfs", () => ({ 1: str("server"), 2: str("path"), 3: bool("readOnly") })),
  10: obj("persistentVolumeClaim", () => ({ 1: str("claimName"), 2: bool("readOnly") })),
  16: obj("downwardAPI", () => ({ 1: list("items", () => DownwardAPIVolumeFile), 2: i32("defaultMode", P) })),
  19: obj("configMap", () => ({
    1: inline("localObjectReference", () => LocalObjectReference),
    2: list("items", () => KeyToPath),
    3: i32("defaultMode", P),
    4: bool("optional", P),
  })),
  26: obj("projected", () => ({ 1: list("sources", () => VolumeProjection), 2: i32("defaultMode", P) })),
  28: obj("csi", () => ({
    1: str("driver"),
    2: bool("readOnly", P),
    3: str("fsType", P),
    4: strMap("volumeAttributes"),
    5: obj("nodePublishSecretRef", () => LocalObjectReference),
  })),
  29: obj("ephemeral", () => ({
    1: obj("volumeClaimTemplate", () => ({
      1: obj("metadata", () => ObjectMeta),
      2: obj("spec", () => PersistentVolumeClaimSpec),
    })),
  })),
  30: obj("image", () => ({ 1: str("reference"), 2: str("pullPolicy") })),
};

export const Volume: MessageType = {
  1: str("name"),
  2: inline("volumeSource", () => VolumeSource),
};

