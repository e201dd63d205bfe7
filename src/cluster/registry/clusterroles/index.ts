import { ClusterRole } from "../../../api/schemas/rbac/clusterrole";
import { ClusterRole as ClusterRoleMessage } from "../../../api/protobuf/messages/rbac";
import { defineResource } from "../define";
import { confirmNoEscalation } from "../authorization/escalation";
import { rolePrinter } from "../roles/printer";
import { rbacName } from "../roles/validation";
import { validateClusterRole } from "./validation";

export const clusterRoles = defineResource<ClusterRole>({
  group: "rbac.authorization.k8s.io",
  version: "v1",
  kind: "ClusterRole",
  resource: "clusterroles",
  namespaced: false,
  schema: ClusterRole,
  protobuf: ClusterRoleMessage,
  nameValidator: rbacName,
  strategy: {
    validate: (role) => validateClusterRole(role),
    validateUpdate: (role) => validateClusterRole(role),
  },
  printer: rolePrinter,
  checkWrite: (role, caller, registry, namespace) => confirmNoEscalation(registry, caller, "clusterroles", namespace, role.metadata.name ?? "", role.rules ?? []),
});
