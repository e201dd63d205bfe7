// The apimachinery types every group-version document refers to from its paths (Status, DeleteOptions, Patch, ListMeta)
// and the autoscaling/v1 Scale served by `scale` subresources. Written here as plain OpenAPI because operations name
// them even when no kind schema does; a kind schema's own export of the same id takes precedence.
import type { OpenAPISchema } from "./schema-export";

const META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
const ref = (id: string, description?: string, extra: OpenAPISchema = {}): OpenAPISchema => ({
  ...(description === undefined ? {} : { description }),
  ...extra,
  allOf: [{ $ref: `#/components/schemas/${id}` }],
});
const str = (description: string): OpenAPISchema => ({ description, type: "string" });
const int = (description: string, format: "int32" | "int64"): OpenAPISchema => ({ description, type: "integer", format });

const API_VERSION = str(
  "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources",
);
const KIND = str(
  "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds",
);

export const STATUS_ID = `${META}Status`;
export const DELETE_OPTIONS_ID = `${META}DeleteOptions`;
export const PATCH_ID = `${META}Patch`;
export const LIST_META_ID = `${META}ListMeta`;
export const OBJECT_META_ID = `${META}ObjectMeta`;
export const SCALE_ID = "io.k8s.api.autoscaling.v1.Scale";

export const SCALE_GVK = { group: "autoscaling", version: "v1", kind: "Scale" } as const;

/** The shared field schemas of every kind: `apiVersion` and `kind`. */
export const typeMetaProperties = (): Record<string, OpenAPISchema> => ({ apiVersion: { ...API_VERSION }, kind: { ...KIND } });

export const listMetaRef = (): OpenAPISchema =>
  ref(LIST_META_ID, "Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds", { default: {} });

/** Schemas the operations of every GV document reference, keyed by component id. */
export function metaSchemas(): Record<string, OpenAPISchema> {
  return {
    [`${META}ListMeta`]: {
      description:
        "ListMeta describes metadata that synthetic resources must have, including lists and various status objects. A resource may have only one of {ObjectMeta, ListMeta}.",
      type: "object",
      properties: {
        continue: str("continue may be set if the user set a limit on the number of items returned, and indicates that the server has more data available."),
        remainingItemCount: int("remainingItemCount is the number of subsequent items in the list which are not included in this list response.", "int64"),
        resourceVersion: str("String that identifies the server's internal version of this object that can be used by clients to determine when objects have changed. Value must be treated as opaque by clients and passed unmodified back to the server."),
        selfLink: str("Deprecated: selfLink is a legacy read-only field that is no longer populated by the system."),
      },
    },
    [`${META}Status`]: {
      description: "Status is a return value for calls that don't return other objects.",
      type: "object",
      properties: {
        ...typeMetaProperties(),
        code: int("Suggested HTTP return code for this status, 0 if not set.", "int32"),
        details: ref(`${META}StatusDetails`, "Extended data associated with the reason. Each reason may define its own extended details."),
        message: str("A human-readable description of the status of this operation."),
        metadata: listMetaRef(),
        reason: str('A machine-readable description of why this operation is in the "Failure" status.'),
        status: str('Status of the operation. One of: "Success" or "Failure".'),
      },
      "x-kubernetes-group-version-kind": [{ group: "", kind: "Status", version: "v1" }],
    },
    [`${META}StatusDetails`]: {
      description: "StatusDetails is a set of additional properties that MAY be set by the server to provide additional information about a response.",
      type: "object",
      properties: {
        causes: {
          description: "The Causes array includes more details associated with the StatusReason failure.",
          type: "array",
          items: ref(`${META}StatusCause`, undefined, { default: {} }),
          "x-kubernetes-list-type": "atomic",
        },
        group: str("The group attribute of the resource associated with the status StatusReason."),
        kind: str("The kind attribute of the resource associated with the status StatusReason."),
        name: str("The name attribute of the resource associated with the status StatusReason."),
        retryAfterSeconds: int("If specified, the time in seconds before the operation should be retried.", "int32"),
        uid: str("UID of the resource (when there is a single resource which can be described)."),
      },
    },
    [`${META}StatusCause`]: {
      description: "StatusCause provides more information about an api.Status failure, including cases when multiple errors are encountered.",
      type: "object",
      properties: {
        field: str("The field of the resource that has caused this error, as named by its JSON serialization."),
        message: str("A human-readable description of the cause of the error."),
        reason: str("A machine-readable description of the cause of the error."),
      },
    },
    [`${META}DeleteOptions`]: {
      description: "DeleteOptions may be provided when deleting an API object.",
      type: "object",
      properties: {
        ...typeMetaProperties(),
        dryRun: {
          description: "When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed",
          type: "array",
          items: { type: "string", default: "" },
          "x-kubernetes-list-type": "atomic",
        },
        gracePeriodSeconds: int("The duration in seconds before the object should be deleted. The value zero indicates delete immediately.", "int64"),
        orphanDependents: { description: "Deprecated: please use the PropagationPolicy.", type: "boolean" },
        preconditions: ref(`${META}Preconditions`, "Must be fulfilled before a deletion is carried out. If not possible, a 409 Conflict status will be returned."),
        propagationPolicy: str("Whether and how garbage collection will be performed. Acceptable values are: 'Orphan', 'Background', 'Foreground'."),
      },
      "x-kubernetes-group-version-kind": [{ group: "", kind: "DeleteOptions", version: "v1" }],
    },
    [`${META}Preconditions`]: {
      description: "Preconditions must be fulfilled before an operation (update, delete, etc.) is carried out.",
      type: "object",
      properties: {
        resourceVersion: str("Specifies the target ResourceVersion"),
        uid: str("Specifies the target UID."),
      },
    },
    [`${META}Patch`]: {
      description: "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.",
      type: "object",
    },
  };
}

/** autoscaling/v1 Scale and its parts; added to documents whose resources serve a `scale` subresource. */
export function scaleSchemas(): Record<string, OpenAPISchema> {
  return {
    [SCALE_ID]: {
      description: "Scale represents a scaling request for a resource.",
      type: "object",
      properties: {
        ...typeMetaProperties(),
        metadata: ref(OBJECT_META_ID, "Standard object metadata.", { default: {} }),
        spec: ref(`${SCALE_ID}Spec`, "spec defines the behavior of the scale.", { default: {} }),
        status: ref(`${SCALE_ID}Status`, "status is the current status of the scale. Read-only.", { default: {} }),
      },
      "x-kubernetes-group-version-kind": [{ ...SCALE_GVK }],
    },
    [`${SCALE_ID}Spec`]: {
      description: "ScaleSpec describes the attributes of a scale subresource.",
      type: "object",
      properties: { replicas: int("replicas is the desired number of instances for the scaled object.", "int32") },
    },
    [`${SCALE_ID}Status`]: {
      description: "ScaleStatus represents the current status of a scale subresource.",
      type: "object",
      required: ["replicas"],
      properties: {
        replicas: { ...int("replicas is the actual number of observed instances of the scaled object.", "int32"), default: 0 },
        selector: str("selector is the label query over pods that should match the replicas count, in string form."),
      },
    },
  };
}

/** A minimal ObjectMeta, used only when no kind schema in the document brings its own. */
export function fallbackObjectMeta(): OpenAPISchema {
  return {
    description: "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
    type: "object",
    properties: {
      annotations: { description: "Annotations is an unstructured key value map.", type: "object", additionalProperties: { type: "string", default: "" } },
      labels: { description: "Map of string keys and values that can be used to organize and categorize objects.", type: "object", additionalProperties: { type: "string", default: "" } },
      name: str("Name must be unique within a namespace."),
      namespace: str("Namespace defines the space within which each name must be unique."),
      resourceVersion: str("An opaque value that represents the internal version of this object."),
      uid: str("UID is the unique in time and space value for this object."),
    },
  };
}
