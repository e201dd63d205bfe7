import { DaemonSet } from "../../../api/schemas/apps/daemonset";
import { defineResource } from "../define";
import { printer } from "./printer";
import { daemonSetStrategy } from "./strategy";

export const daemonSets = defineResource<DaemonSet>({
  group: "apps",
  version: "v1",
  kind: "DaemonSet",
  resource: "daemonsets",
  namespaced: true,
  shortNames: ["ds"],
  categories: ["all"],
  schema: DaemonSet,
  subresources: ["status"],
  hasGeneration: true,
  strategy: daemonSetStrategy,
  printer,
});
