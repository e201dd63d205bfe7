// Small hand-written schemas following src/api/schemas' conventions (named types carry `.meta({ id })`, fields carry
// their description and x-kubernetes-* extensions in `.meta()` before `.optional()`), for the OpenAPI tests.
import { z } from "zod";
import type { ResourceDef } from "../../../../src/cluster/registry/types";
import { allVerbs } from "../../../../src/cluster/registry/types";

export const Quantity = z
  .union([z.string(), z.number()])
  .meta({ id: "io.k8s.apimachinery.pkg.api.resource.Quantity", description: "Quantity is a fixed-point representation of a number." });

export const IntOrString = z
  .union([z.number().int(), z.string()])
  .meta({ id: "io.k8s.apimachinery.pkg.util.intstr.IntOrString", description: "IntOrString is a type that can hold an int32 or a string." });

export const Time = z.string().meta({ id: "io.k8s.apimachinery.pkg.apis.meta.v1.Time", description: "Time is a wrapper around time.Time." });

export const ObjectMeta = z
  .object({
    name: z.string().meta({ description: "Name must be unique within a namespace." }).optional(),
    namespace: z.string().meta({ description: "Namespace defines the space within which each name must be unique." }).optional(),
    labels: z.record(z.string(), z.string()).meta({ description: "Map of string keys and values." }).optional(),
    creationTimestamp: Time.meta({ description: "CreationTimestamp is a timestamp representing the server time when this object was created." }).optional(),
  })
  .meta({ id: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", description: "ObjectMeta is metadata that all persisted resources must have." });

export const ContainerPort = z
  .object({
    containerPort: z.number().int().meta({ description: "Number of port to expose on the pod's IP address." }),
    protocol: z.enum(["SCTP", "TCP", "UDP"]).meta({ description: "Protocol for port." }).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ContainerPort", description: "ContainerPort represents a network port in a single container." });

export const Container = z
  .object({
    name: z.string().meta({ description: "Name of the container specified as a DNS_LABEL." }),
    image: z.string().meta({ description: "Container image name." }).optional(),
    ports: z
      .array(ContainerPort)
      .meta({
        description: "List of ports to expose from the container.",
        "x-kubernetes-list-map-keys": ["containerPort", "protocol"],
        "x-kubernetes-list-type": "map",
        "x-kubernetes-patch-merge-key": "containerPort",
        "x-kubernetes-patch-strategy": "merge",
      })
      .optional(),
    resources: z
      .object({
        limits: z.record(z.string(), Quantity).meta({ description: "Limits describes the maximum amount of compute resources allowed." }).optional(),
      })
      .meta({ description: "Compute Resources required by this container." })
      .optional(),
    args: z.array(z.string()).meta({ description: "Arguments to the entrypoint.", "x-kubernetes-list-type": "atomic" }).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.Container", description: "A single application container that you want to run within a pod." });

export const PodSpec = z
  .object({
    containers: z
      .array(Container)
      .meta({
        description: "List of containers belonging to the pod.",
        "x-kubernetes-list-map-keys": ["name"],
        "x-kubernetes-list-type": "map",
        "x-kubernetes-patch-merge-key": "name",
        "x-kubernetes-patch-strategy": "merge",
      }),
    restartPolicy: z.enum(["Always", "Never", "OnFailure"]).meta({ description: "Restart policy for all containers within the pod." }).optional(),
    nodeName: z.string().meta({ description: "NodeName indicates in which node this pod is scheduled." }).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PodSpec", description: "PodSpec is a description of a pod." });

export const Pod = z
  .object({
    apiVersion: z.string().meta({ description: "APIVersion defines the versioned schema of this representation of an object." }).optional(),
    kind: z.string().meta({ description: "Kind is a string value representing the REST resource this object represents." }).optional(),
    metadata: ObjectMeta.meta({ description: "Standard object's metadata." }).optional(),
    spec: PodSpec.meta({ description: "Specification of the desired behavior of the pod." }).optional(),
  })
  .meta({
    id: "io.k8s.api.core.v1.Pod",
    description: "Pod is a collection of containers that can run on a host.",
    "x-kubernetes-group-version-kind": [{ group: "", version: "v1", kind: "Pod" }],
  });

export const Deployment = z
  .object({
    apiVersion: z.string().optional(),
    kind: z.string().optional(),
    metadata: ObjectMeta.meta({ description: "Standard object's metadata." }).optional(),
    spec: z
      .object({
        replicas: z.number().int().meta({ description: "Number of desired pods." }).optional(),
        maxSurge: IntOrString.meta({ description: "The maximum number of pods that can be scheduled above the desired number of pods." }).optional(),
      })
      .meta({ id: "io.k8s.api.apps.v1.DeploymentSpec", description: "DeploymentSpec is the specification of the desired behavior of the Deployment." })
      .optional(),
  })
  .meta({
    id: "io.k8s.api.apps.v1.Deployment",
    description: "Deployment enables declarative updates for Pods and ReplicaSets.",
    "x-kubernetes-group-version-kind": [{ group: "apps", version: "v1", kind: "Deployment" }],
  });

export const Namespace = z
  .object({ apiVersion: z.string().optional(), kind: z.string().optional(), metadata: ObjectMeta.optional() })
  .meta({ id: "io.k8s.api.core.v1.Namespace", description: "Namespace provides a scope for Names." });

export const podsDef: ResourceDef = {
  group: "",
  version: "v1",
  kind: "Pod",
  listKind: "PodList",
  resource: "pods",
  singular: "pod",
  namespaced: true,
  shortNames: ["po"],
  verbs: [...allVerbs],
  schema: Pod,
  subresources: ["status", "log", "exec"],
};

export const namespacesDef: ResourceDef = {
  group: "",
  version: "v1",
  kind: "Namespace",
  listKind: "NamespaceList",
  resource: "namespaces",
  singular: "namespace",
  namespaced: false,
  verbs: ["create", "delete", "get", "list", "patch", "update", "watch"],
  schema: Namespace,
};

export const deploymentsDef: ResourceDef = {
  group: "apps",
  version: "v1",
  kind: "Deployment",
  listKind: "DeploymentList",
  resource: "deployments",
  singular: "deployment",
  namespaced: true,
  verbs: [...allVerbs],
  schema: Deployment,
  subresources: ["status", "scale"],
};

export const miniResources: readonly ResourceDef[] = [podsDef, namespacesDef, deploymentsDef];
