import { PodTemplate } from "../../../api/schemas/core/pod";
import { defineResource } from "../define";
import { printer } from "./printer";
import { podTemplateStrategy } from "./strategy";

export const podTemplates = defineResource<PodTemplate>({
  group: "",
  version: "v1",
  kind: "PodTemplate",
  resource: "podtemplates",
  namespaced: true,
  schema: PodTemplate,
  strategy: podTemplateStrategy,
  printer,
});
