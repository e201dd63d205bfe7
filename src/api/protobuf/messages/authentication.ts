// k8s.io/api/authentication/v1: SelfSubjectReview (`kubectl auth whoami`) and TokenRequest (`kubectl create token`).

import { type MessageType, P, i64, list, obj, str, strs, time } from "../schema";
import { ObjectMeta } from "./meta";

const UserInfo: MessageType = {
  1: str("username"),
  2: str("uid"),
  3: strs("groups"),
};

export const SelfSubjectReview: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("status", () => ({ 1: obj("userInfo", () => UserInfo) })),
};

export const TokenRequest: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("spec", () => ({
    1: strs("audiences"),
    3: obj("boundObjectRef", () => ({ 1: str("kind"), 2: str("apiVersion"), 3: str("name"), 4: str("uid") })),
    4: i64("expirationSeconds", P),
  })),
  3: obj("status", () => ({ 1: str("token"), 2: time("expirationTimestamp") })),
};
