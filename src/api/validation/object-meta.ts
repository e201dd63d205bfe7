// ObjectMeta validation on create and update (apimachinery/pkg/api/validation/objectmeta.go), with the
// apiserver's field paths and messages, e.g. `metadata.name: Required value: name or generateName is required`.

import type { ObjectMeta, OwnerReference } from "../object";
import { fieldError, type FieldError } from "../status";
import { sortedEntries, validateLabels } from "./labels";
import { isQualifiedName, nameIsDNSSubdomain, utf8ByteLength, validateNamespaceName, type NameValidator } from "./names";

export const FIELD_IMMUTABLE_ERROR_MSG = "field is immutable";
/** Total bytes of annotation keys plus values. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

const FINALIZER_ORPHAN_DEPENDENTS = "orphan";
const FINALIZER_DELETE_DEPENDENTS = "foregroundDeletion";

export interface ObjectMetaValidationOptions {
  /** Namespaced kinds need a namespace; cluster-scoped kinds must not carry one. */
  namespaced: boolean;
  /** The kind's name rule; most kinds use DNS-1123 subdomains (the default). */
  nameValidator?: NameValidator;
  /**
   * Default true: an empty name is `Required value: name or generateName is required` (the apiserver validates
   * after generating names). Pass false to validate metadata whose name is not known yet.
   */
  requireName?: boolean;
  /** Path prefix, default `metadata` (templates use e.g. `spec.template.metadata`). */
  fieldPath?: string;
}

/** ValidateObjectMetaAccessor: everything checked on create (and, for the shared parts, on every update). */
export function validateObjectMeta(meta: ObjectMeta, options: ObjectMetaValidationOptions): FieldError[] {
  const path = options.fieldPath ?? "metadata";
  const nameValidator = options.nameValidator ?? nameIsDNSSubdomain;
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const msg of nameValidator(meta.generateName, true)) {
      errs.push(fieldError.invalid(`${path}.generateName`, meta.generateName, msg));
    }
  }
  if (!meta.name) {
    if (options.requireName ?? true) {
      errs.push(fieldError.required(`${path}.name`, "name or generateName is required"));
    }
  } else {
    for (const msg of nameValidator(meta.name, false)) errs.push(fieldError.invalid(`${path}.name`, meta.name, msg));
  }
  if (options.namespaced) {
    if (!meta.namespace) errs.push(fieldError.required(`${path}.namespace`));
    else {
      for (const msg of validateNamespaceName(meta.namespace, false)) {
        errs.push(fieldError.invalid(`${path}.namespace`, meta.namespace, msg));
      }
    }
  } else if (meta.namespace) {
    errs.push(fieldError.forbidden(`${path}.namespace`, "not allowed on this type"));
  }
  if (meta.generation !== undefined && meta.generation < 0) {
    errs.push(fieldError.invalid(`${path}.generation`, meta.generation, "must be greater than or equal to 0"));
  }
  errs.push(...validateLabels(meta.labels, `${path}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  errs.push(...validateOwnerReferences(meta.ownerReferences, `${path}.ownerReferences`));
  errs.push(...validateFinalizers(meta.finalizers, `${path}.finalizers`));
  return errs;
}

/**
 * The update-only checks of ValidateObjectMetaAccessorUpdate: immutable identity fields, resourceVersion present,
 * generation not decremented, no new finalizers on an object being deleted. Pair it with validateObjectMeta for
 * the format checks (labels, annotations, owner references, finalizers), which are not repeated here.
 */
export function validateObjectMetaUpdate(next: ObjectMeta, old: ObjectMeta, fieldPath = "metadata"): FieldError[] {
  const errs: FieldError[] = [];
  if (old.deletionTimestamp) {
    const before = new Set(old.finalizers ?? []);
    const added = [...new Set(next.finalizers ?? [])].filter((f) => !before.has(f)).sort();
    if (added.length > 0) {
      errs.push(
        fieldError.forbidden(
          `${fieldPath}.finalizers`,
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added
            .map((f) => JSON.stringify(f))
            .join(", ")}}`,
        ),
      );
    }
  }
  if (!next.resourceVersion) {
    errs.push(fieldError.invalid(`${fieldPath}.resourceVersion`, "", "must be specified for an update"));
  }
  if ((next.generation ?? 0) < (old.generation ?? 0)) {
    errs.push(fieldError.invalid(`${fieldPath}.generation`, next.generation ?? 0, "must not be decremented"));
  }
  const immutable = (field: string, nextValue: unknown, oldValue: unknown) => {
    if (nextValue !== oldValue) errs.push(fieldError.invalid(`${fieldPath}.${field}`, nextValue, FIELD_IMMUTABLE_ERROR_MSG));
  };
  immutable("name", next.name ?? "", old.name ?? "");
  immutable("namespace", next.namespace ?? "", old.namespace ?? "");
  immutable("uid", next.uid ?? "", old.uid ?? "");
  immutable("creationTimestamp", next.creationTimestamp ?? null, old.creationTimestamp ?? null);
  immutable("deletionTimestamp", next.deletionTimestamp ?? null, old.deletionTimestamp ?? null);
  immutable("deletionGracePeriodSeconds", next.deletionGracePeriodSeconds ?? null, old.deletionGracePeriodSeconds ?? null);
  return errs;
}

/** ValidateAnnotations: keys are qualified names compared case-insensitively; keys plus values ≤ 256 KiB. */
export function validateAnnotations(annotations: Record<string, string> | null | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let totalSize = 0;
  for (const [key, value] of sortedEntries(annotations)) {
    for (const msg of isQualifiedName(key.toLowerCase())) errs.push(fieldError.invalid(field, key, msg));
    totalSize += utf8ByteLength(key) + utf8ByteLength(value);
  }
  if (totalSize > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) errs.push(fieldError.tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT_BYTES));
  return errs;
}

/** ValidateFinalizers: each a qualified name, and not both `orphan` and `foregroundDeletion`. */
export function validateFinalizers(finalizers: string[] | null | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const finalizer of finalizers ?? []) {
    for (const msg of isQualifiedName(finalizer)) errs.push(fieldError.invalid(field, finalizer, msg));
  }
  const list = finalizers ?? [];
  if (list.includes(FINALIZER_ORPHAN_DEPENDENTS) && list.includes(FINALIZER_DELETE_DEPENDENTS)) {
    errs.push(
      fieldError.invalid(
        field,
        list,
        `finalizer ${FINALIZER_ORPHAN_DEPENDENTS} and ${FINALIZER_DELETE_DEPENDENTS} cannot be both set`,
      ),
    );
  }
  return errs;
}

/** ValidateOwnerReferences: apiVersion/kind/name/uid present, no Event owners, at most one controller. */
export function validateOwnerReferences(refs: OwnerReference[] | null | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = "";
  for (const ref of refs ?? []) {
    errs.push(...validateOwnerReference(ref, field));
    if (ref.controller === true) {
      const current = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(
          fieldError.invalid(
            field,
            (refs ?? []).map(ownerReferenceJson),
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        );
      } else firstController = current;
    }
  }
  return errs;
}

function validateOwnerReference(ref: OwnerReference, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const { group, version } = parseApiVersion(ref.apiVersion ?? "");
  const kind = ref.kind ?? "";
  if (!version) errs.push(fieldError.invalid(`${field}.apiVersion`, ref.apiVersion ?? "", "version must not be empty"));
  if (!kind) errs.push(fieldError.invalid(`${field}.kind`, kind, "must not be empty"));
  if (!ref.name) errs.push(fieldError.invalid(`${field}.name`, ref.name ?? "", "must not be empty"));
  if (!ref.uid) errs.push(fieldError.invalid(`${field}.uid`, ref.uid ?? "", "must not be empty"));
  if (group === "" && version === "v1" && kind === "Event") {
    errs.push(fieldError.invalid(field, ownerReferenceJson(ref), `/v1, Kind=Event is disallowed from being an owner`));
  }
  return errs;
}

/** schema.ParseGroupVersion as FromAPIVersionAndKind uses it: unparseable versions yield an empty group/version. */
function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const parts = apiVersion.split("/");
  if (apiVersion === "") return { group: "", version: "" };
  if (parts.length === 1) return { group: "", version: parts[0]! };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  return { group: "", version: "" };
}

/** The reference with Go's JSON field order, as Kubernetes prints a bad OwnerReference value. */
function ownerReferenceJson(ref: OwnerReference): Record<string, unknown> {
  const out: Record<string, unknown> = {
    apiVersion: ref.apiVersion ?? "",
    kind: ref.kind ?? "",
    name: ref.name ?? "",
    uid: ref.uid ?? "",
  };
  if (ref.controller !== undefined) out.controller = ref.controller;
  if (ref.blockOwnerDeletion !== undefined) out.blockOwnerDeletion = ref.blockOwnerDeletion;
  return out;
}
