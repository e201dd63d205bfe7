import { Role } from "../../../api/schemas/rbac/role";
import { Role as RoleMessage } from "../../../api/protobuf/messages/rbac";
import { defineResource } from "../define";
import { confirmNoEscalation } from "../authorization/escalation";
import { rolePrinter } from "./printer";
import { rbacName, validateRules } from "./validation";

export const roles = defineResource<Role>({
  group: "rbac.authorization.k8s.io",
  version: "v1",
  kind: "Role",
  resource: "roles",
  namespaced: true,
  schema: Role,
  protobuf: RoleMessage,
  nameValidator: rbacName,
  strategy: {
    validate: (role) => validateRules(role.rules, true),
    validateUpdate: (role) => validateRules(role.rules, true),
  },
  printer: rolePrinter,
  checkWrite: (role, caller, registry, namespace) => confirmNoEscalation(registry, caller, "roles", namespace, role.metadata.name ?? "", role.rules ?? []),
});
