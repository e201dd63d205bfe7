// StorageClass validation (pkg/apis/storage/validation), with the apiserver's messages: the provisioner is a
// qualified name, parameters are bounded, reclaimPolicy and volumeBindingMode take known values, allowedTopologies
// are well-formed; provisioner, parameters, reclaimPolicy and volumeBindingMode never change.
import type { KubeObject } from "../../../api/object";
import { fieldError, type FieldError } from "../../../api/status";
import { validateLabelName } from "../../../api/validation/labels";
import { isQualifiedName, utf8ByteLength } from "../../../api/validation/names";

export interface TopologyRequirement {
  key?: string;
  values?: string[];
}

export interface StorageClassFields extends KubeObject {
  provisioner?: string;
  parameters?: Record<string, string>;
  reclaimPolicy?: string | null;
  volumeBindingMode?: string | null;
  allowVolumeExpansion?: boolean;
  mountOptions?: string[];
  allowedTopologies?: Array<{ matchLabelExpressions?: TopologyRequirement[] }>;
}

const maxParameters = 512;
const maxParametersSize = 256 * 1024;
const reclaimPolicies = ["Delete", "Retain"];
const volumeBindingModes = ["Immediate", "WaitForFirstConsumer"];

export function validateStorageClass(sc: StorageClassFields): FieldError[] {
  return [
    ...provisionerErrors(sc.provisioner ?? ""),
    ...parameterErrors(sc.parameters ?? {}),
    ...(sc.reclaimPolicy && !reclaimPolicies.includes(sc.reclaimPolicy)
      ? [fieldError.notSupported("reclaimPolicy", sc.reclaimPolicy, reclaimPolicies)]
      : []),
    ...volumeBindingModeErrors(sc.volumeBindingMode),
    ...allowedTopologyErrors(sc.allowedTopologies ?? []),
  ];
}

/** Provisioner, parameters, reclaimPolicy and volumeBindingMode are fixed once created. */
export function validateStorageClassUpdate(sc: StorageClassFields, old: StorageClassFields): FieldError[] {
  const errors: FieldError[] = [];
  if (!sameMap(sc.parameters ?? {}, old.parameters ?? {})) errors.push(fieldError.forbidden("parameters", "updates to parameters are forbidden."));
  if ((sc.provisioner ?? "") !== (old.provisioner ?? "")) errors.push(fieldError.forbidden("provisioner", "updates to provisioner are forbidden."));
  if ((sc.reclaimPolicy ?? "") !== (old.reclaimPolicy ?? "")) errors.push(fieldError.forbidden("reclaimPolicy", "updates to reclaimPolicy are forbidden."));
  if (sc.volumeBindingMode !== old.volumeBindingMode) {
    errors.push(fieldError.invalid("volumeBindingMode", sc.volumeBindingMode ?? null, "field is immutable"));
  }
  return errors;
}

function provisionerErrors(provisioner: string): FieldError[] {
  if (provisioner === "") return [fieldError.required("provisioner")];
  // Checked in lower case, and reported so (ValidateQualifiedName(strings.ToLower(provisioner))).
  const lower = provisioner.toLowerCase();
  return isQualifiedName(lower).map((msg) => fieldError.invalid("provisioner", lower, msg));
}

function parameterErrors(parameters: Record<string, string>): FieldError[] {
  const entries = Object.entries(parameters);
  if (entries.length > maxParameters) return [fieldError.tooLong("parameters", maxParameters)];
  const errors: FieldError[] = [];
  let size = 0;
  for (const [key, value] of entries) {
    if (key === "") errors.push(fieldError.invalid("parameters", key, "field can not be empty."));
    size += utf8ByteLength(key) + utf8ByteLength(value);
  }
  if (size > maxParametersSize) errors.push(fieldError.tooLong("parameters", maxParametersSize));
  return errors;
}

function volumeBindingModeErrors(mode: string | null | undefined): FieldError[] {
  if (mode == null) return [fieldError.required("volumeBindingMode")];
  return volumeBindingModes.includes(mode) ? [] : [fieldError.notSupported("volumeBindingMode", mode, volumeBindingModes)];
}

/** Each term's requirements (values required and unique, keys label names and unique), and no term twice. */
function allowedTopologyErrors(terms: NonNullable<StorageClassFields["allowedTopologies"]>): FieldError[] {
  const errors: FieldError[] = [];
  // Kubernetes starts its list of seen terms with one empty entry per term, and compares semantically (an empty map
  // equals a nil one): a term without requirements is reported as a duplicate once for each term.
  const seen: Array<Map<string, Set<string>>> = terms.map(() => new Map());
  terms.forEach((term, i) => {
    const at = `allowedTopologies[${i}]`;
    const byKey = new Map<string, Set<string>>();
    (term.matchLabelExpressions ?? []).forEach((req, j) => {
      const reqAt = `${at}.matchLabelExpressions[${j}]`;
      const values = new Set<string>();
      if (!req.values?.length) errors.push(fieldError.required(`${reqAt}.values`));
      (req.values ?? []).forEach((value, k) => {
        if (values.has(value)) errors.push(fieldError.duplicate(`${reqAt}.values[${k}]`, value));
        values.add(value);
      });
      errors.push(...validateLabelName(req.key ?? "", `${reqAt}.key`));
      if (byKey.has(req.key ?? "")) errors.push(fieldError.duplicate(`${reqAt}.key`, req.key ?? ""));
      byKey.set(req.key ?? "", values);
    });
    for (const other of seen) if (sameTerm(byKey, other)) errors.push(fieldError.duplicate(`${at}.matchLabelExpressions`, ""));
    seen.push(byKey);
  });
  return errors;
}

function sameTerm(a: Map<string, Set<string>>, b: Map<string, Set<string>>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, values] of a) {
    const other = b.get(key);
    if (!other || other.size !== values.size || [...values].some((v) => !other.has(v))) return false;
  }
  return true;
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
