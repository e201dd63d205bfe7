import { LimitRange } from "../../../api/schemas/core/limitrange";
import { LimitRange as LimitRangeMessage } from "../../../api/protobuf/messages/core";
import { defineResource } from "../define";
import { printer } from "./printer";
import { limitRangeStrategy } from "./strategy";

export const limitRanges = defineResource<LimitRange>({
  group: "",
  version: "v1",
  kind: "LimitRange",
  resource: "limitranges",
  namespaced: true,
  shortNames: ["limits"],
  schema: LimitRange,
  protobuf: LimitRangeMessage,
  strategy: limitRangeStrategy,
  printer,
});
