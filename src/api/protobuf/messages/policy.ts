// k8s.io/api/policy/v1: Eviction (the body of pods/eviction).

import { type MessageType, obj } from "../schema";
import { DeleteOptions, ObjectMeta } from "./meta";

export const Eviction: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("deleteOptions", () => DeleteOptions),
};
