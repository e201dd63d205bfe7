// `kubectl get rolebindings` and `clusterrolebindings`: NAME, ROLE (kind/name), AGE; with -o wide USERS, GROUPS and
// SERVICEACCOUNTS (namespace/name), as printRoleBinding prints them.
import type { KubeObject } from "../../../api/object";
import type { RoleRef, Subject } from "../../../api/schemas/rbac/policy-rule";
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";

interface BindingFields extends KubeObject {
  roleRef: RoleRef;
  subjects?: Subject[];
}

const roleRefDescription =
  "RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable.";

export const bindingPrinter: Printer<BindingFields> = {
  columns: [
    nameColumn,
    column("Role", "string", roleRefDescription),
    ageColumn,
    column("Users", "string", "Users in the roleBinding", 1),
    column("Groups", "string", "Groups in the roleBinding", 1),
    column("ServiceAccounts", "string", "ServiceAccounts in the roleBinding", 1),
  ],
  cells: (binding, now) => {
    const subjects = binding.subjects ?? [];
    const names = (kind: string) => subjects.filter((s) => s.kind === kind).map((s) => (kind === "ServiceAccount" ? `${s.namespace ?? ""}/${s.name}` : s.name));
    return [
      binding.metadata.name ?? "",
      `${binding.roleRef?.kind ?? ""}/${binding.roleRef?.name ?? ""}`,
      translateTimestampSince(binding.metadata.creationTimestamp, now),
      names("User").join(", "),
      names("Group").join(", "),
      names("ServiceAccount").join(", "),
    ];
  },
};
