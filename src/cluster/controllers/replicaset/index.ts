// The two replica controllers: apps/v1 ReplicaSets (label selectors) and core/v1 ReplicationControllers (plain maps).
import { labelSelectorOrNothing, mapSelectorOrNothing } from "../../../api/selectors/selector-or-nothing";
import { ReplicaController } from "./replica-controller";

type Json = Record<string, any>;

export function createReplicaSetController(): ReplicaController {
  return new ReplicaController({
    component: "replicaset-controller",
    group: "apps",
    version: "v1",
    resource: "replicasets",
    kind: "ReplicaSet",
    selector: (rs) => labelSelectorOrNothing(((rs.spec ?? {}) as Json).selector),
  });
}

export function createReplicationControllerController(): ReplicaController {
  return new ReplicaController({
    component: "replication-controller",
    group: "",
    version: "v1",
    resource: "replicationcontrollers",
    kind: "ReplicationController",
    selector: (rc) => mapSelectorOrNothing(((rc.spec ?? {}) as Json).selector),
  });
}
