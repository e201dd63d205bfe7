import { ReplicaSet } from "../../../api/schemas/apps/replicaset";
import { defineResource } from "../define";
import { printer } from "./printer";
import { replicaSetStrategy } from "./strategy";
import { selectorString } from "../pod-template";

type Json = Record<string, any>;

export const replicaSets = defineResource({
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
    specReplicas: (rs) => ((rs.spec ?? {}) as Json).replicas ?? 1,
    setSpecReplicas: (rs, replicas) => void (((rs.spec ??= {}) as Json).replicas = replicas),
    statusReplicas: (rs) => ((rs.status ?? {}) as Json).replicas ?? 0,
    selector: (rs) => selectorString(((rs.spec ?? {}) as Json).selector),
  },
});
