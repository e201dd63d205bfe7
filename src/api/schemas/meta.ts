// apimachinery meta/v1 types plus the small core/v1 reference types that nearly every kind uses.
import { z } from "zod";
import { atomic, bool, int, list, mapKeys, patch, ref, set, str, strMap } from "./fields";

/** RFC 3339 timestamp with second precision. */
export const Time = z.string().meta({
  id: "io.k8s.apimachinery.pkg.apis.meta.v1.Time",
  description: "An RFC 3339 timestamp with second precision, serialized as a string.",
  format: "date-time",
});
export type Time = z.infer<typeof Time>;

/** RFC 3339 timestamp with microsecond precision. */
export const MicroTime = z.string().meta({
  id: "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime",
  description: "An RFC 3339 timestamp with microsecond precision, serialized as a string.",
  format: "date-time",
});
export type MicroTime = z.infer<typeof MicroTime>;

/** A resource amount such as "100m", "1Gi" or a plain number. */
export const Quantity = z.union([z.string(), z.number()]).meta({
  id: "io.k8s.apimachinery.pkg.api.resource.Quantity",
  description: "A fixed-point amount such as 500m, 1.5 or 128Mi; JSON numbers are accepted too.",
});
export type Quantity = z.infer<typeof Quantity>;

/** A map from resource name (cpu, memory, ...) to quantity. */
export const ResourceList = z.record(z.string(), Quantity);
export type ResourceList = z.infer<typeof ResourceList>;

/** An integer or a string (a port name, a percentage, ...). */
export const IntOrString = z.union([z.number().int(), z.string()]).meta({
  id: "io.k8s.apimachinery.pkg.util.intstr.IntOrString",
  description: "Either an integer or a string, such as a port number or name, or a count or percentage.",
  format: "int-or-string",
});
export type IntOrString = z.infer<typeof IntOrString>;

/** The server-side-apply field set of a managed-fields entry. */
export const FieldsV1 = z.record(z.string(), z.unknown()).meta({
  id: "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1",
  description: "A trie of field paths owned by one manager, in the FieldsV1 JSON encoding.",
});

/** Arbitrary embedded JSON (runtime.RawExtension). */
export const RawExtension = z.unknown().meta({
  id: "io.k8s.apimachinery.pkg.runtime.RawExtension",
  description: "An embedded object of any shape, kept as raw JSON.",
});

export const OwnerReference = z
  .object({
    apiVersion: str("API version of the owner."),
    kind: str("Kind of the owner."),
    name: str("Name of the owner."),
    uid: str("UID of the owner."),
    controller: bool("True when the owner is the managing controller of this object.").optional(),
    blockOwnerDeletion: bool("When true, the owner cannot be deleted in the foreground before this object is removed.").optional(),
  })
  .meta({
    id: "io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference",
    description: "Identifies an object that owns this one, within the same namespace.",
    "x-kubernetes-map-type": "atomic",
  });
export type OwnerReference = z.infer<typeof OwnerReference>;

export const ManagedFieldsEntry = z
  .object({
    manager: str("Name of the workflow that manages these fields.").optional(),
    operation: str("Operation that produced this entry: Apply or Update.").optional(),
    apiVersion: str("API version the field set is expressed in.").optional(),
    time: ref(Time, "When this entry was last changed.").optional(),
    fieldsType: str("Format of the field set; only FieldsV1 exists.").optional(),
    fieldsV1: ref(FieldsV1, "The set of fields owned by this manager.").optional(),
    subresource: str("Subresource through which the fields were written, empty for the main resource.").optional(),
  })
  .meta({
    id: "io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry",
    description: "Records which manager owns which fields of an object.",
  });
export type ManagedFieldsEntry = z.infer<typeof ManagedFieldsEntry>;

export const ObjectMeta = z
  .object({
    name: str("Name of the object, unique within its namespace and kind.").optional(),
    generateName: str("Prefix the server uses to generate a unique name when name is empty.").optional(),
    namespace: str("Namespace the object lives in; empty for cluster-scoped kinds.").optional(),
    selfLink: str("Legacy URL of the object; no longer populated.").optional(),
    uid: str("Unique identifier of this incarnation of the object, set by the server.").optional(),
    resourceVersion: str("Opaque version of the object used for optimistic concurrency and watches.").optional(),
    generation: int("Sequence number of the desired state, bumped by the server on spec changes.").optional(),
    creationTimestamp: ref(Time.nullable(), "When the server created the object.").optional(),
    deletionTimestamp: ref(Time, "When graceful deletion of the object was requested.").optional(),
    deletionGracePeriodSeconds: int("Seconds the object is allowed to terminate gracefully before removal.").optional(),
    labels: strMap("Key-value pairs used to select and organize objects.").optional(),
    annotations: strMap("Non-identifying key-value metadata for tools and users.").optional(),
    ownerReferences: list(OwnerReference, "Objects this object depends on; used by garbage collection.", patch("merge", "uid"), mapKeys("uid")).optional(),
    finalizers: list(z.string(), "Conditions that must clear before the object is deleted.", patch("merge"), set).optional(),
    managedFields: list(ManagedFieldsEntry, "Field ownership records maintained by server-side apply.", atomic).optional(),
  })
  .meta({
    id: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
    description: "Metadata every persisted object carries.",
  });
export type ObjectMeta = z.infer<typeof ObjectMeta>;

/**
 * An optional Time field the API writes as `null` when unset (Go's zero metav1.Time), e.g. a PodCondition's
 * lastProbeTime. Typed as nullable so code may write that null; validation and OpenAPI are those of
 * `ref(Time, description).optional()` (the schema check lets a null through, as the apiserver does).
 */
export function zeroableTime(description: string) {
  return ref(Time, description).optional() as unknown as z.ZodOptional<z.ZodNullable<typeof Time>>;
}

/**
 * The `metadata` field of a top-level kind. A request body may leave it out (the schema accepts that), but every
 * stored object has it (the registry store fills it), so the kind types (`Pod`, ...) declare it present: that makes
 * them `KubeObject`s, usable as the type of a kind's `ResourceDef`. Only the static type differs from an optional
 * ObjectMeta; validation and OpenAPI are those of `ref(ObjectMeta, ...).optional()`.
 */
export const objectMetadata = ref(ObjectMeta, "Standard object metadata.").optional() as unknown as typeof ObjectMeta;

export const ListMeta = z
  .object({
    resourceVersion: str("Version of the collection at the time it was read.").optional(),
    continue: str("Token to fetch the next page of a paginated list.").optional(),
    remainingItemCount: int("Approximate number of items left after this page.").optional(),
    selfLink: str("Legacy URL of the list; no longer populated.").optional(),
  })
  .meta({ id: "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta", description: "Metadata of a list response." });
export type ListMeta = z.infer<typeof ListMeta>;

export const LabelSelectorRequirement = z
  .object({
    key: str("Label key the requirement applies to."),
    operator: str("Relation between key and values: In, NotIn, Exists or DoesNotExist."),
    values: list(z.string(), "Values to compare against; empty for Exists and DoesNotExist.", atomic).optional(),
  })
  .meta({
    id: "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement",
    description: "One label-matching rule of a selector.",
  });
export type LabelSelectorRequirement = z.infer<typeof LabelSelectorRequirement>;

export const LabelSelector = z
  .object({
    matchLabels: strMap("Labels that must all be present with exactly these values.").optional(),
    matchExpressions: list(LabelSelectorRequirement, "Label requirements that must all hold.", atomic).optional(),
  })
  .meta({
    id: "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector",
    description: "Selects objects by labels; all terms are ANDed and an empty selector matches everything.",
    "x-kubernetes-map-type": "atomic",
  });
export type LabelSelector = z.infer<typeof LabelSelector>;

export const Condition = z
  .object({
    type: str("Kind of condition in CamelCase, e.g. Available."),
    status: str("State of the condition: True, False or Unknown."),
    observedGeneration: int("Generation of the object the condition was computed from.").optional(),
    lastTransitionTime: ref(Time, "When the status last changed."),
    reason: str("Machine-readable CamelCase reason for the last transition."),
    message: str("Human-readable detail about the last transition."),
  })
  .meta({
    id: "io.k8s.apimachinery.pkg.apis.meta.v1.Condition",
    description: "One aspect of an object's current state.",
  });
export type Condition = z.infer<typeof Condition>;

export const ObjectReference = z
  .object({
    kind: str("Kind of the referenced object.").optional(),
    namespace: str("Namespace of the referenced object.").optional(),
    name: str("Name of the referenced object.").optional(),
    uid: str("UID of the referenced object.").optional(),
    apiVersion: str("API version of the referenced object.").optional(),
    resourceVersion: str("Resource version the reference was made against.").optional(),
    fieldPath: str("Path to a part of the object, e.g. spec.containers{web}.").optional(),
  })
  .meta({
    id: "io.k8s.api.core.v1.ObjectReference",
    description: "A full reference to any object, or a part of one.",
    "x-kubernetes-map-type": "atomic",
  });
export type ObjectReference = z.infer<typeof ObjectReference>;

export const LocalObjectReference = z
  .object({ name: str("Name of the referenced object in the same namespace.").optional() })
  .meta({
    id: "io.k8s.api.core.v1.LocalObjectReference",
    description: "Refers to an object by name within the same namespace.",
    "x-kubernetes-map-type": "atomic",
  });
export type LocalObjectReference = z.infer<typeof LocalObjectReference>;

export const TypedLocalObjectReference = z
  .object({
    apiGroup: str("API group of the referenced object; empty for the core group.").optional(),
    kind: str("Kind of the referenced object."),
    name: str("Name of the referenced object."),
  })
  .meta({
    id: "io.k8s.api.core.v1.TypedLocalObjectReference",
    description: "Refers to an object of a given kind by name within the same namespace.",
    "x-kubernetes-map-type": "atomic",
  });
export type TypedLocalObjectReference = z.infer<typeof TypedLocalObjectReference>;

export const TypedObjectReference = z
  .object({
    apiGroup: str("API group of the referenced object; empty for the core group.").optional(),
    kind: str("Kind of the referenced object."),
    name: str("Name of the referenced object."),
    namespace: str("Namespace of the referenced object, when it differs from the referrer's.").optional(),
  })
  .meta({
    id: "io.k8s.api.core.v1.TypedObjectReference",
    description: "Refers to an object of a given kind by name, optionally in another namespace.",
  });
export type TypedObjectReference = z.infer<typeof TypedObjectReference>;

export const SecretReference = z
  .object({
    name: str("Name of the secret.").optional(),
    namespace: str("Namespace of the secret.").optional(),
  })
  .meta({
    id: "io.k8s.api.core.v1.SecretReference",
    description: "Refers to a secret by name and namespace.",
    "x-kubernetes-map-type": "atomic",
  });
export type SecretReference = z.infer<typeof SecretReference>;
