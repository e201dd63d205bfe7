// Every controller the cluster runs, in the order a pass visits them. One line each. It lives beside the wiring,
// not in controllers/, because the scheduler, the kubelet and the endpoints controller build on controllers/.
import { cronJobController } from "./controllers/cronjob/controller";
import { DaemonSetController } from "./controllers/daemonset/controller";
import { DisruptionController } from "./controllers/disruption/controller";
import { DeploymentController } from "./controllers/deployment/deployment-controller";
import { EventTtl } from "./controllers/event-ttl";
import { GarbageCollector } from "./controllers/garbage-collector";
import { jobController } from "./controllers/job/controller";
import { namespaceDefaults } from "./controllers/namespace-defaults";
import { namespaceDeletion } from "./controllers/namespace-deletion";
import { createReplicaSetController, createReplicationControllerController } from "./controllers/replicaset";
import type { Controller } from "./controllers/types";
import { Kubelet } from "./kubelet/kubelet";
import type { ContainerRuntimePort } from "./kubelet/runtime-port";
import { EndpointsController } from "./network/endpoints-controller";
import { SchedulerController } from "./scheduler/controller";

/** `runtime`: the container runtime the kubelet drives. */
export function createControllers(runtime: ContainerRuntimePort): Controller[] {
  return [
    namespaceDefaults,
    namespaceDeletion,
    new GarbageCollector(),
    new EventTtl(),
    new SchedulerController(),
    new Kubelet(runtime),
    new EndpointsController(),
    jobController,
    cronJobController,
    new DaemonSetController(),
    new DeploymentController(),
    createReplicaSetController(),
    createReplicationControllerController(),
    new DisruptionController(),
  ];
}
