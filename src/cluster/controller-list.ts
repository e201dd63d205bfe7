// Every controller the cluster runs, in the order a pass visits them. One line each. It lives beside the wiring,
// not in controllers/, because the scheduler, the kubelet and the endpoints controller build on controllers/.
import { ClusterRoleAggregationController } from "./controllers/clusterrole-aggregation/controller";
import { cronJobController } from "./controllers/cronjob/controller";
import { DaemonSetController } from "./controllers/daemonset/controller";
import { DisruptionController } from "./controllers/disruption/controller";
import { DeploymentController } from "./controllers/deployment/deployment-controller";
import { EventTtl } from "./controllers/event-ttl";
import { GarbageCollector } from "./controllers/garbage-collector";
import { IngressStatusController } from "./controllers/ingress/controller";
import { jobController } from "./controllers/job/controller";
import { namespaceDefaults } from "./controllers/namespace-defaults";
import { namespaceDeletion } from "./controllers/namespace-deletion";
import { NodeLifecycleController } from "./controllers/node-lifecycle/controller";
import { PodGarbageCollector } from "./controllers/pod-gc/controller";
import { HorizontalPodAutoscalerController } from "./controllers/podautoscaler/controller";
import type { MetricsSource } from "./registry/metrics/source";
import { ResourceQuotaController } from "./controllers/resourcequota/controller";
import { PersistentVolumeBinder } from "./controllers/persistentvolume/binder";
import { volumeExpander } from "./controllers/persistentvolume/expander";
import { StorageProtectionController } from "./controllers/persistentvolume/protection";
import { StatefulSetController } from "./controllers/statefulset/controller";
import { ServiceLoadBalancerController } from "./controllers/service-lb/controller";
import { TaintEvictionController } from "./controllers/taint-eviction/controller";
import type { Machines } from "./registry/nodes/machines";
import { createReplicaSetController, createReplicationControllerController } from "./controllers/replicaset";
import type { Controller } from "./control-loop/types";
import type { ServiceAccountTokens } from "./registry/serviceaccounts/tokens";
import { Kubelet } from "./kubelet/kubelet";
import type { PodNetworkPort } from "./kubelet/network-port";
import type { ContainerRuntimePort } from "./kubelet/runtime-port";
import { EndpointsController } from "./network/endpoints-controller";
import { SchedulerController } from "./scheduler/controller";
import type { VolumeDataTable } from "./storage/volume-data";

/**
 * @param runtime the container runtime the kubelet drives.
 * @param machines each node's machine (cluster/nodes/machine-table.ts), for the node controllers and the kubelet.
 * @param network the pod network the kubelet hands each container (cluster/network/); the simulator's default when absent.
 * @param volumeData where the kubelet keeps the PersistentVolumes' files (memory only when absent).
 * @param tokens signs the pods' projected ServiceAccount tokens (a placeholder token without it).
 * @param metrics the pods' usage (what metrics.k8s.io serves), for the HorizontalPodAutoscaler; none when absent.
 */
export function createControllers({
  runtime,
  machines,
  network,
  volumeData,
  tokens,
  metrics,
}: {
  runtime: ContainerRuntimePort;
  machines: Machines;
  network?: PodNetworkPort;
  volumeData?: VolumeDataTable;
  tokens?: ServiceAccountTokens;
  metrics?: MetricsSource;
}): Controller[] {
  return [
    namespaceDefaults,
    namespaceDeletion,
    new GarbageCollector(),
    new EventTtl(),
    new NodeLifecycleController(machines),
    new TaintEvictionController(),
    new PodGarbageCollector(),
    new PersistentVolumeBinder(),
    volumeExpander,
    new StorageProtectionController(),
    new SchedulerController(),
    new Kubelet(runtime, machines, network, volumeData, tokens),
    new EndpointsController(),
    new ServiceLoadBalancerController(),
    jobController,
    cronJobController,
    new DaemonSetController(),
    new StatefulSetController(),
    new DeploymentController(),
    createReplicaSetController(),
    createReplicationControllerController(),
    new DisruptionController(),
    ...(metrics ? [new HorizontalPodAutoscalerController(metrics)] : []),
    new IngressStatusController(),
    new ResourceQuotaController(),
    new ClusterRoleAggregationController(),
  ];
}
