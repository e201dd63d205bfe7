// Every controller the cluster runs, in the order a pass visits them. One line each.
import { EventTtl } from "./event-ttl";
import { cronJobController } from "./cronjob/controller";
import { DaemonSetController } from "./daemonset/controller";
import { jobController } from "./job/controller";
import { DeploymentController } from "./deployment/deployment-controller";
import { GarbageCollector } from "./garbage-collector";
import { namespaceDefaults } from "./namespace-defaults";
import { namespaceDeletion } from "./namespace-deletion";
import { Kubelet } from "../kubelet/kubelet";
import { EndpointsController } from "../network/endpoints-controller";
import { SchedulerController } from "../scheduler/controller";
import { createReplicaSetController, createReplicationControllerController } from "./replicaset";
import type { Controller } from "./types";

export function createControllers(): Controller[] {
  return [
    namespaceDefaults,
    namespaceDeletion,
    new GarbageCollector(),
    new EventTtl(),
    new SchedulerController(),
    new Kubelet(),
    new EndpointsController(),
    jobController,
    cronJobController,
    new DaemonSetController(),
    new DeploymentController(),
    createReplicaSetController(),
    createReplicationControllerController(),
  ];
}
