import { Secret } from "../../../api/schemas/core/secret";
import { Secret as SecretMessage } from "../../../api/protobuf/messages/core";
import { defineResource } from "../define";
import { printer } from "./printer";
import { redactSecret, secretStrategy } from "./strategy";

export const secrets = defineResource<Secret>({
  group: "",
  version: "v1",
  kind: "Secret",
  resource: "secrets",
  namespaced: true,
  schema: Secret,
  protobuf: SecretMessage,
  strategy: secretStrategy,
  redactForViewer: redactSecret,
  printer,
  selectableFields: (s) => ({ type: s.type ?? "" }),
});
