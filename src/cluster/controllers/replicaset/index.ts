// The two replica controllers: apps/v1 ReplicaSets (label selectors) and core/v1 ReplicationControllers (plain maps).
import { labelSelectorOrNothing, mapSelectorOrNothing } from "../../../api/selectors/selector-or-nothing";
import { replicaSets } from "../../registry/replicasets";
import { replicationControllers } from "../../registry/replicationcontrollers";
import { ReplicaController } from "./replica-controller";

type Json = Record<string, any>;

export function createReplicaSetController(): ReplicaController {
  return new ReplicaController({
    component: "replicaset-controller",
    def: replicaSets,
    selector: (rs) => labelSelectorOrNothing(((rs.spec ?? {}) as Json).selector),
  });
}

export function createReplicationControllerController(): ReplicaController {
  return new ReplicaController({
    component: "replication-controller",
    def: replicationControllers,
    selector: (rc) => mapSelectorOrNothing(((rc.spec ?? {}) as Json).selector),
  });
}
