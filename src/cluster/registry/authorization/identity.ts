// The user.Info of a caller, as authorizers and reviews see it.
import type { Caller } from "../types";
import type { UserInfo } from "./rules";

export const authenticatedGroup = "system:authenticated";

/** The caller's identity; the sandbox's own tokens are in system:masters (admin) or only authenticated (read-only). */
export function userOf(caller: Caller): UserInfo {
  const groups = caller.groups ?? (caller.role === "admin" ? ["system:masters", authenticatedGroup] : [authenticatedGroup]);
  return { name: caller.user, groups, ...(caller.uid ? { uid: caller.uid } : {}), ...(caller.extra ? { extra: caller.extra } : {}) };
}
