// The schemas of api/: named parts and kinds, for tests and tools. Which kinds are served, with which schema, is the
// resource table's (cluster/registry/resources.ts); bodies that are not resources are registry/body-kinds.ts.

export * from "./meta";
export { DeleteOptions, Preconditions } from "./delete-options";
export { Container, ContainerPort, EphemeralContainer, VolumeMount } from "./core/container";
export { EnvVar, EnvFromSource } from "./core/env";
export { Probe } from "./core/probe";
export { ResourceRequirements } from "./core/resources";
export { Volume } from "./core/volume";
export { Affinity, Toleration } from "./core/affinity";
export { PodSpec } from "./core/pod-spec";
export { ContainerStatus, PodCondition, PodStatus } from "./core/pod-status";
export { Binding, Pod, PodTemplate, PodTemplateSpec } from "./core/pod";
export { Namespace } from "./core/namespace";
export { Node, Taint } from "./core/node";
export { Service, ServicePort, ServiceSpec } from "./core/service";
export { Endpoints } from "./core/endpoints";
export { ConfigMap } from "./core/configmap";
export { Secret } from "./core/secret";
export { ServiceAccount } from "./core/serviceaccount";
export { Event } from "./core/event";
export { ResourceQuota } from "./core/resourcequota";
export { LimitRange } from "./core/limitrange";
export { ReplicationController } from "./core/replicationcontroller";
export { EndpointSlice } from "./discovery/endpointslice";
export { EventsEvent } from "./events/event";
export { Lease } from "./coordination/lease";
export { SelfSubjectAccessReview } from "./authorization/selfsubjectaccessreview";
export { SelfSubjectRulesReview } from "./authorization/selfsubjectrulesreview";
export { Eviction } from "./policy/eviction";
export { PodDisruptionBudget } from "./policy/poddisruptionbudget";
export { PriorityClass } from "./scheduling/priorityclass";
export { Deployment } from "./apps/deployment";
export { ReplicaSet } from "./apps/replicaset";
export { DaemonSet } from "./apps/daemonset";
export { ControllerRevision } from "./apps/controllerrevision";
export { Job, JobTemplateSpec } from "./batch/job";
export { CronJob } from "./batch/cronjob";
