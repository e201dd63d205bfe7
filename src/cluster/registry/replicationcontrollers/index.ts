import { ReplicationController } from "../../../api/schemas/core/replicationcontroller";
import { selectorFromSet } from "../../../api/selectors/label-selector";
import { defineResource } from "../define";
import { printer } from "./printer";
import { replicationControllerStrategy } from "./strategy";

export const replicationControllers = defineResource<ReplicationController>({
  group: "",
  version: "v1",
  kind: "ReplicationController",
  resource: "replicationcontrollers",
  namespaced: true,
  shortNames: ["rc"],
  categories: ["all"],
  schema: ReplicationController,
  subresources: ["scale", "status"],
  hasGeneration: true,
  strategy: replicationControllerStrategy,
  printer,
  scale: {
    specReplicas: (rc) => rc.spec?.replicas ?? 1,
    setSpecReplicas: (rc, replicas) => void ((rc.spec ??= {}).replicas = replicas),
    statusReplicas: (rc) => rc.status?.replicas ?? 0,
    selector: (rc) => selectorFromSet(rc.spec?.selector).toString(),
  },
});
