import { ClusterRoleBinding } from "../../../api/schemas/rbac/clusterrolebinding";
import { ClusterRoleBinding as ClusterRoleBindingMessage } from "../../../api/protobuf/messages/rbac";
import { defineResource } from "../define";
import { confirmBindable } from "../authorization/escalation";
import { bindingPrinter } from "../rolebindings/printer";
import { validateBinding, validateBindingUpdate } from "../rolebindings/validation";
import { rbacName } from "../roles/validation";

export const clusterRoleBindings = defineResource<ClusterRoleBinding>({
  group: "rbac.authorization.k8s.io",
  version: "v1",
  kind: "ClusterRoleBinding",
  resource: "clusterrolebindings",
  namespaced: false,
  schema: ClusterRoleBinding,
  protobuf: ClusterRoleBindingMessage,
  nameValidator: rbacName,
  strategy: {
    validate: (binding) => validateBinding(binding, false),
    validateUpdate: (binding, old) => validateBindingUpdate(binding, old, false),
  },
  printer: bindingPrinter,
  checkWrite: (binding, caller, registry, namespace) => confirmBindable(registry, caller, "clusterrolebindings", namespace, binding.metadata.name ?? "", binding.roleRef),
});
