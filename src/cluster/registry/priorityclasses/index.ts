import { PriorityClass } from "../../../api/schemas/scheduling/priorityclass";
import { PriorityClass as PriorityClassMessage } from "../../../api/protobuf/messages/scheduling";
import { defineResource } from "../define";
import { printer } from "./printer";
import { priorityClassStrategy } from "./strategy";

export const priorityClasses = defineResource<PriorityClass>({
  group: "scheduling.k8s.io",
  version: "v1",
  kind: "PriorityClass",
  resource: "priorityclasses",
  namespaced: false,
  shortNames: ["pc"],
  schema: PriorityClass,
  protobuf: PriorityClassMessage,
  strategy: priorityClassStrategy,
  printer,
});
