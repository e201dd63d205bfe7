// The two replica controllers: apps/v1 ReplicaSets (label selectors) and core/v1 ReplicationControllers (plain maps).
import { labelSelectorFromObject, nothingSelector, selectorFromSet } from "../../../api/selectors/label-selector";
import { ReplicaController } from "./replica-controller";

type Json = Record<string, any>;

export function createReplicaSetController(): ReplicaController {
  return new ReplicaController({
    component: "replicaset-controller",
    group: "apps",
    version: "v1",
    resource: "replicasets",
    kind: "ReplicaSet",
    selector: (rs) => {
      try {
        return labelSelectorFromObject(((rs.spec ?? {}) as Json).selector);
      } catch {
        return nothingSelector;
      }
    },
  });
}

export function createReplicationControllerController(): ReplicaController {
  return new ReplicaController({
    component: "replication-controller",
    group: "",
    version: "v1",
    resource: "replicationcontrollers",
    kind: "ReplicationController",
    selector: (rc) => {
      const selector = ((rc.spec ?? {}) as Json).selector;
      return selector && Object.keys(selector).length ? selectorFromSet(selector) : nothingSelector;
    },
  });
}
