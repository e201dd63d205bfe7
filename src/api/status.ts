// Kubernetes `Status` objects and the one error type that carries them. Every failure the apiserver answers is built
// here, so kubectl renders it exactly as it renders a real cluster's (see kubectl-wire.md §11).

export type StatusReason =
  | "NotFound"
  | "AlreadyExists"
  | "Conflict"
  | "Invalid"
  | "BadRequest"
  | "Forbidden"
  | "Unauthorized"
  | "MethodNotAllowed"
  | "NotAcceptable"
  | "UnsupportedMediaType"
  | "RequestEntityTooLarge"
  | "TooManyRequests"
  | "Expired"
  | "Gone"
  | "Timeout"
  | "InternalError"
  | "ServiceUnavailable"
  | "NonZeroExitCode";

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, unknown>;
  status: "Success" | "Failure";
  message?: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code: number;
}

/** Thrown anywhere in the request path; the apiserver turns it into its `Status` response. */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? status.reason ?? "error");
  }
  get code(): number {
    return this.status.code;
  }
}

export function failure(code: number, reason: StatusReason, message: string, details?: StatusDetails): StatusError {
  const status: Status = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
  if (details) status.details = details;
  return new StatusError(status);
}

export function success(details?: StatusDetails): Status {
  const status: Status = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 200 };
  if (details) status.details = details;
  return status;
}

/** `resource` is the plural resource name, `group` its API group ("" for core). */
function qualified(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

export const notFound = (resource: string, group: string, name: string) =>
  failure(404, "NotFound", `${qualified(resource, group)} "${name}" not found`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });

export const alreadyExists = (resource: string, group: string, name: string) =>
  failure(409, "AlreadyExists", `${qualified(resource, group)} "${name}" already exists`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });

export const conflict = (resource: string, group: string, name: string, why: string) =>
  failure(409, "Conflict", `Operation cannot be fulfilled on ${qualified(resource, group)} "${name}": ${why}`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });

export const staleResourceVersion = (resource: string, group: string, name: string) =>
  conflict(
    resource,
    group,
    name,
    "the object has been modified; please apply your changes to the latest version and try again",
  );

export const badRequest = (message: string) => failure(400, "BadRequest", message);

export const forbidden = (message: string) => failure(403, "Forbidden", message);

export const unauthorized = (message = "Unauthorized") => failure(401, "Unauthorized", message);

export const methodNotAllowed = (message: string) => failure(405, "MethodNotAllowed", message);

export const unsupportedMediaType = (contentType: string) =>
  failure(415, "UnsupportedMediaType", `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf (got ${JSON.stringify(contentType)})`);

export const tooLarge = (message = "Request entity too large: limit is 3145728") =>
  failure(413, "RequestEntityTooLarge", message);

export const tooManyRequests = (message: string, retryAfterSeconds = 1) =>
  failure(429, "TooManyRequests", message, { retryAfterSeconds });

export const expired = (message: string) => failure(410, "Expired", message);

export const internalError = (message: string) =>
  failure(500, "InternalError", `Internal error occurred: ${message}`, { causes: [{ message }] });

/** A field-level validation error, as Kubernetes' field.Error. */
export interface FieldError {
  /** FieldValueRequired, FieldValueInvalid, FieldValueNotSupported, FieldValueDuplicate, FieldValueForbidden, FieldValueTooLong, FieldValueTypeInvalid */
  type:
    | "FieldValueRequired"
    | "FieldValueNotFound"
    | "FieldValueInvalid"
    | "FieldValueNotSupported"
    | "FieldValueDuplicate"
    | "FieldValueForbidden"
    | "FieldValueTooLong"
    | "FieldValueTooMany"
    | "FieldValueTypeInvalid";
  /** Dotted path, e.g. `spec.containers[0].image`. */
  field: string;
  /** The whole rendered message, e.g. `Required value` or `Invalid value: "A": a lowercase RFC 1123 ...`. */
  message: string;
}

function renderValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "null";
  return JSON.stringify(value);
}

/** Field error builders with Kubernetes' exact wording. */
export const fieldError = {
  required: (field: string, detail = ""): FieldError => ({
    type: "FieldValueRequired",
    field,
    message: detail ? `Required value: ${detail}` : "Required value",
  }),
  invalid: (field: string, value: unknown, detail: string): FieldError => ({
    type: "FieldValueInvalid",
    field,
    message: `Invalid value: ${renderValue(value)}${detail ? `: ${detail}` : ""}`,
  }),
  notSupported: (field: string, value: unknown, supported: string[]): FieldError => ({
    type: "FieldValueNotSupported",
    field,
    message: `Unsupported value: ${renderValue(value)}${
      supported.length ? `: supported values: ${supported.map((s) => JSON.stringify(s)).join(", ")}` : ""
    }`,
  }),
  notFound: (field: string, value: unknown): FieldError => ({
    type: "FieldValueNotFound",
    field,
    message: `Not found: ${renderValue(value)}`,
  }),
  duplicate: (field: string, value: unknown): FieldError => ({
    type: "FieldValueDuplicate",
    field,
    message: `Duplicate value: ${renderValue(value)}`,
  }),
  forbidden: (field: string, detail: string): FieldError => ({
    type: "FieldValueForbidden",
    field,
    message: `Forbidden: ${detail}`,
  }),
  tooLong: (field: string, max: number): FieldError => ({
    type: "FieldValueTooLong",
    field,
    message: `Too long: may not be more than ${max} bytes`,
  }),
  typeInvalid: (field: string, value: unknown, detail: string): FieldError => ({
    type: "FieldValueTypeInvalid",
    field,
    message: `Invalid value: ${renderValue(value)}: ${detail}`,
  }),
};

/**
 * 422 Invalid, rendered by kubectl as `The Pod "x" is invalid: spec.containers[0].image: Required value`.
 * `kind` is the Kind (not the resource), `group` the API group.
 */
export function invalid(kind: string, group: string, name: string, errors: FieldError[]): StatusError {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const parts = errors.map((e) => `${e.field}: ${e.message}`);
  const summary = parts.length === 1 ? parts[0] : `[${parts.join(", ")}]`;
  return failure(422, "Invalid", `${qualifiedKind} "${name}" is invalid: ${summary}`, {
    name,
    ...(group ? { group } : {}),
    kind,
    causes: errors.map((e) => ({ reason: e.type, message: e.message, field: e.field })),
  });
}
