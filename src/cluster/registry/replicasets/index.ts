import { ReplicaSet } from "../../../api/schemas/apps/replicaset";
import { defineResource } from "../define";
import { printer } from "./printer";
import { replicaSetStrategy } from "./strategy";
import { selectorString } from "../pod-template";

export const replicaSets = defineResource<ReplicaSet>({
  group: "apps",
  version: "v1",
  kind: "ReplicaSet",
  resource: "replicasets",
  namespaced: true,
  shortNames: ["rs"],
  categories: ["all"],
  schema: ReplicaSet,
  subresources: ["scale", "status"],
  hasGeneration: true,
  strategy: replicaSetStrategy,
  printer,
  scale: {
    specReplicas: (rs) => rs.spec?.replicas ?? 1,
    // Validation requires a spec (its selector), so a stored object always has one.
    setSpecReplicas: (rs, replicas) => {
      if (rs.spec) rs.spec.replicas = replicas;
    },
    statusReplicas: (rs) => rs.status?.replicas ?? 0,
    selector: (rs) => selectorString(rs.spec?.selector),
  },
});
