import { ServiceAccount } from "../../../api/schemas/core/serviceaccount";
import { ServiceAccount as ServiceAccountMessage } from "../../../api/protobuf/messages/core";
import { defineResource } from "../define";
import { printer } from "./printer";
import { requestToken } from "./token-request";

export const serviceAccounts = defineResource<ServiceAccount>({
  group: "",
  version: "v1",
  kind: "ServiceAccount",
  resource: "serviceaccounts",
  namespaced: true,
  shortNames: ["sa"],
  schema: ServiceAccount,
  protobuf: ServiceAccountMessage,
  printer,
  subresources: ["token"],
  subresourceHandlers: { token: requestToken },
});
