import { RoleBinding } from "../../../api/schemas/rbac/rolebinding";
import { RoleBinding as RoleBindingMessage } from "../../../api/protobuf/messages/rbac";
import { defineResource } from "../define";
import { confirmBindable } from "../authorization/escalation";
import { rbacName } from "../roles/validation";
import { bindingPrinter } from "./printer";
import { validateBinding, validateBindingUpdate } from "./validation";

export const roleBindings = defineResource<RoleBinding>({
  group: "rbac.authorization.k8s.io",
  version: "v1",
  kind: "RoleBinding",
  resource: "rolebindings",
  namespaced: true,
  schema: RoleBinding,
  protobuf: RoleBindingMessage,
  nameValidator: rbacName,
  strategy: {
    validate: (binding) => validateBinding(binding, true),
    validateUpdate: (binding, old) => validateBindingUpdate(binding, old, true),
  },
  printer: bindingPrinter,
  checkWrite: (binding, caller, registry, namespace) => confirmBindable(registry, caller, "rolebindings", namespace, binding.metadata.name ?? "", binding.roleRef),
});
