import { ResourceQuota } from "../../../api/schemas/core/resourcequota";
import { ResourceQuota as ResourceQuotaMessage } from "../../../api/protobuf/messages/core";
import { defineResource } from "../define";
import { printer } from "./printer";
import { resourceQuotaStrategy } from "./strategy";

export const resourceQuotas = defineResource<ResourceQuota>({
  group: "",
  version: "v1",
  kind: "ResourceQuota",
  resource: "resourcequotas",
  namespaced: true,
  shortNames: ["quota"],
  schema: ResourceQuota,
  protobuf: ResourceQuotaMessage,
  strategy: resourceQuotaStrategy,
  subresources: ["status"],
  printer,
});
