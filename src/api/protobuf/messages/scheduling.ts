// k8s.io/api/scheduling/v1: PriorityClass.

import { type MessageType, P, bool, i32, obj, str } from "../schema";
import { ObjectMeta } from "./meta";

export const PriorityClass: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  // `json:"value"` has no omitempty: a 0 is a real value (kubectl create priorityclass x --value=0), so keep it.
  2: i32("value", P),
  3: bool("globalDefault"),
  4: str("description"),
  5: str("preemptionPolicy", P),
};
