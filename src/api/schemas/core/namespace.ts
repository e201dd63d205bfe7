// Namespace.
import { z } from "zod";
import { atomic, gvk, list, mapKeys, patch, ref, str, typeMetaFields } from "../fields";
import { objectMetadata, Time } from "../meta";

export const NamespaceSpec = z
  .object({ finalizers: list(z.string(), "Finalizers that must clear before the namespace is removed.", atomic).optional() })
  .meta({ id: "io.k8s.api.core.v1.NamespaceSpec", description: "The desired state of a namespace." });

export const NamespaceCondition = z
  .object({
    type: str("Condition type, e.g. NamespaceDeletionContentFailure."),
    status: str("True, False or Unknown."),
    lastTransitionTime: ref(Time, "When the status last changed.").optional(),
    reason: str("CamelCase reason for the last transition.").optional(),
    message: str("Human-readable detail about the last transition.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.NamespaceCondition", description: "One aspect of a namespace's state." });

export const NamespaceStatus = z
  .object({
    phase: str("Active or Terminating.").optional(),
    conditions: list(NamespaceCondition, "Current conditions of the namespace.", patch("merge", "type"), mapKeys("type")).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.NamespaceStatus", description: "The observed state of a namespace." });

export const Namespace = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(NamespaceSpec, "Desired state of the namespace.").optional(),
    status: ref(NamespaceStatus, "Observed state of the namespace.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.Namespace", description: "A scope for names of namespaced objects.", ...gvk("", "v1", "Namespace") });
export type Namespace = z.infer<typeof Namespace>;
