import { StatefulSet } from "../../../api/schemas/apps/statefulset";
import { defineResource } from "../define";
import { selectorString } from "../pod-template";
import { printer } from "./printer";
import { statefulSetStrategy } from "./strategy";

export const statefulSets = defineResource<StatefulSet>({
  group: "apps",
  version: "v1",
  kind: "StatefulSet",
  resource: "statefulsets",
  namespaced: true,
  shortNames: ["sts"],
  categories: ["all"],
  schema: StatefulSet,
  subresources: ["scale", "status"],
  hasGeneration: true,
  strategy: statefulSetStrategy,
  printer,
  scale: {
    specReplicas: (s) => s.spec?.replicas ?? 1,
    // Validation requires a spec (its selector), so a stored object always has one.
    setSpecReplicas: (s, replicas) => {
      if (s.spec) s.spec.replicas = replicas;
    },
    statusReplicas: (s) => s.status?.replicas ?? 0,
    selector: (s) => selectorString(s.spec?.selector),
  },
});
