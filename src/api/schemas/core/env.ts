// Environment variables of a container and the selectors they read from.
import { z } from "zod";
import { bool, ref, str } from "../fields";
import { Quantity } from "../meta";

export const ObjectFieldSelector = z
  .object({
    apiVersion: str("API version the field path is written against; defaults to v1.").optional(),
    fieldPath: str("Path of the pod field to read, e.g. metadata.name."),
  })
  .meta({ id: "io.k8s.api.core.v1.ObjectFieldSelector", description: "Selects a field of the pod.", "x-kubernetes-map-type": "atomic" });

export const ResourceFieldSelector = z
  .object({
    containerName: str("Container whose resources are read; required for volumes.").optional(),
    resource: str("Resource to read, e.g. limits.cpu or requests.memory."),
    divisor: ref(Quantity, "Unit the value is divided by before exposing it; defaults to 1.").optional(),
  })
  .meta({
    id: "io.k8s.api.core.v1.ResourceFieldSelector",
    description: "Selects a resource limit or request of a container.",
    "x-kubernetes-map-type": "atomic",
  });

export const ConfigMapKeySelector = z
  .object({
    name: str("Name of the ConfigMap.").optional(),
    key: str("Key to read from the ConfigMap."),
    optional: bool("Whether the ConfigMap or key may be missing.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ConfigMapKeySelector", description: "Selects one key of a ConfigMap.", "x-kubernetes-map-type": "atomic" });

export const SecretKeySelector = z
  .object({
    name: str("Name of the Secret.").optional(),
    key: str("Key to read from the Secret."),
    optional: bool("Whether the Secret or key may be missing.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.SecretKeySelector", description: "Selects one key of a Secret.", "x-kubernetes-map-type": "atomic" });

export const EnvVarSource = z
  .object({
    fieldRef: ref(ObjectFieldSelector, "Reads a field of the pod.").optional(),
    resourceFieldRef: ref(ResourceFieldSelector, "Reads a resource limit or request of a container.").optional(),
    configMapKeyRef: ref(ConfigMapKeySelector, "Reads a key of a ConfigMap.").optional(),
    secretKeyRef: ref(SecretKeySelector, "Reads a key of a Secret.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.EnvVarSource", description: "Where an environment variable takes its value from." });

export const EnvVar = z
  .object({
    name: str("Name of the environment variable."),
    value: str("Literal value; $(VAR) references to earlier variables are expanded.").optional(),
    valueFrom: ref(EnvVarSource, "Source of the value when it is not a literal.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.EnvVar", description: "One environment variable of a container." });
export type EnvVar = z.infer<typeof EnvVar>;

export const ConfigMapEnvSource = z
  .object({
    name: str("Name of the ConfigMap.").optional(),
    optional: bool("Whether the ConfigMap may be missing.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ConfigMapEnvSource", description: "Imports every key of a ConfigMap as environment variables." });

export const SecretEnvSource = z
  .object({
    name: str("Name of the Secret.").optional(),
    optional: bool("Whether the Secret may be missing.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.SecretEnvSource", description: "Imports every key of a Secret as environment variables." });

export const EnvFromSource = z
  .object({
    prefix: str("Prefix prepended to every imported variable name.").optional(),
    configMapRef: ref(ConfigMapEnvSource, "ConfigMap to import.").optional(),
    secretRef: ref(SecretEnvSource, "Secret to import.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.EnvFromSource", description: "A set of environment variables imported from a ConfigMap or Secret." });
export type EnvFromSource = z.infer<typeof EnvFromSource>;

