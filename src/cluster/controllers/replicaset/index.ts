// The two replica controllers: apps/v1 ReplicaSets (label selectors) and core/v1 ReplicationControllers (plain maps).
import type { ReplicaSet } from "../../../api/schemas/apps/replicaset";
import type { ReplicationController } from "../../../api/schemas/core/replicationcontroller";
import { labelSelectorOrNothing, mapSelectorOrNothing } from "../../../api/selectors/selector-or-nothing";
import { replicaSets } from "../../registry/replicasets";
import { replicationControllers } from "../../registry/replicationcontrollers";
import { ReplicaController, type ReplicaKind } from "./replica-controller";

export function createReplicaSetController(): ReplicaController {
  const kind: ReplicaKind<ReplicaSet> = {
    component: "replicaset-controller",
    def: replicaSets,
    selector: (rs) => labelSelectorOrNothing(rs.spec?.selector),
  };
  return new ReplicaController(kind);
}

export function createReplicationControllerController(): ReplicaController {
  const kind: ReplicaKind<ReplicationController> = {
    component: "replication-controller",
    def: replicationControllers,
    selector: (rc) => mapSelectorOrNothing(rc.spec?.selector),
  };
  return new ReplicaController(kind);
}
