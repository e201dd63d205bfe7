import { Node } from "../../../api/schemas/core/node";
import { defineResource } from "../define";
import { printer } from "./printer";
import { nodeProxy } from "./proxy";

export const nodes = defineResource<Node>({
  group: "",
  version: "v1",
  kind: "Node",
  resource: "nodes",
  namespaced: false,
  shortNames: ["no"],
  schema: Node,
  subresources: ["proxy", "status"],
  subresourceHandlers: { proxy: nodeProxy },
  printer,
  selectableFields: (node) => ({
    "spec.unschedulable": String(node.spec?.unschedulable ?? false),
  }),
});
