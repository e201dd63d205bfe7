import { ServiceAccount } from "../../../api/schemas/core/serviceaccount";
import { defineResource } from "../define";
import { printer } from "./printer";

export const serviceAccounts = defineResource({
  group: "",
  version: "v1",
  kind: "ServiceAccount",
  resource: "serviceaccounts",
  namespaced: true,
  shortNames: ["sa"],
  schema: ServiceAccount,
  printer,
});
