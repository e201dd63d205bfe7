// Every kind schema the apiserver serves, and the map from "group/version/Kind" (core group as "") to its schema.
import type { z } from "zod";
import { ControllerRevision } from "./apps/controllerrevision";
import { DaemonSet } from "./apps/daemonset";
import { Deployment } from "./apps/deployment";
import { ReplicaSet } from "./apps/replicaset";
import { SelfSubjectAccessReview } from "./authorization/selfsubjectaccessreview";
import { SelfSubjectRulesReview } from "./authorization/selfsubjectrulesreview";
import { CronJob } from "./batch/cronjob";
import { Job } from "./batch/job";
import { Lease } from "./coordination/lease";
import { ConfigMap } from "./core/configmap";
import { Endpoints } from "./core/endpoints";
import { Event } from "./core/event";
import { LimitRange } from "./core/limitrange";
import { Namespace } from "./core/namespace";
import { Node } from "./core/node";
import { Binding, Pod, PodTemplate } from "./core/pod";
import { ReplicationController } from "./core/replicationcontroller";
import { ResourceQuota } from "./core/resourcequota";
import { Secret } from "./core/secret";
import { Service } from "./core/service";
import { ServiceAccount } from "./core/serviceaccount";
import { DeleteOptions } from "./delete-options";
import { EndpointSlice } from "./discovery/endpointslice";
import { EventsEvent } from "./events/event";
import { Eviction } from "./policy/eviction";
import { PriorityClass } from "./scheduling/priorityclass";

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
export { PriorityClass } from "./scheduling/priorityclass";
export { Deployment } from "./apps/deployment";
export { ReplicaSet } from "./apps/replicaset";
export { DaemonSet } from "./apps/daemonset";
export { ControllerRevision } from "./apps/controllerrevision";
export { Job, JobTemplateSpec } from "./batch/job";
export { CronJob } from "./batch/cronjob";

/** Builds the "group/version/Kind" key of `kindSchemas`; the core group is the empty string ("/v1/Pod"). */
export function gvkKey(group: string, version: string, kind: string): string {
  return `${group}/${version}/${kind}`;
}

const topLevelKinds: z.ZodType[] = [
  Namespace, Node, Pod, PodTemplate, Binding, Service, Endpoints, ConfigMap, Secret, ServiceAccount, Event,
  ResourceQuota, LimitRange, ReplicationController,
  EndpointSlice, EventsEvent, Lease, SelfSubjectAccessReview, SelfSubjectRulesReview, Eviction, PriorityClass,
  Deployment, ReplicaSet, DaemonSet, ControllerRevision, Job, CronJob, DeleteOptions,
];

interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

function kindMapOf(schemas: z.ZodType[]): Record<string, z.ZodType> {
  const map: Record<string, z.ZodType> = {};
  for (const schema of schemas) {
    const gvks = (schema.meta()?.["x-kubernetes-group-version-kind"] ?? []) as GroupVersionKind[];
    for (const { group, version, kind } of gvks) map[gvkKey(group, version, kind)] = schema;
  }
  // DeleteOptions is a meta.k8s.io type; bodies may also name that group.
  map[gvkKey("meta.k8s.io", "v1", "DeleteOptions")] = DeleteOptions;
  return map;
}

/** Schema of every served kind by "group/version/Kind", read from each schema's GVK extension. */
export const kindSchemas: Record<string, z.ZodType> = kindMapOf(topLevelKinds);
