import { Namespace } from "../../../api/schemas/core/namespace";
import { Namespace as NamespaceMessage } from "../../../api/protobuf/messages/core";
import { nameIsDNSLabel } from "../../../api/validation/names";
import { defineResource } from "../define";
import { printer } from "./printer";
import { finalizeNamespace } from "./finalize";
import { namespaceStrategy } from "./strategy";

export const namespaces = defineResource<Namespace>({
  group: "",
  version: "v1",
  kind: "Namespace",
  resource: "namespaces",
  namespaced: false,
  shortNames: ["ns"],
  schema: Namespace,
  protobuf: NamespaceMessage,
  subresources: ["finalize", "status"],
  nameValidator: nameIsDNSLabel,
  strategy: namespaceStrategy,
  subresourceHandlers: { finalize: finalizeNamespace },
  printer,
  selectableFields: (ns) => ({ "status.phase": ns.status?.phase ?? "" }),
});
