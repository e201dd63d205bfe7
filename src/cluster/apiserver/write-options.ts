// The query options of writes (CreateOptions, UpdateOptions, PatchOptions, DeleteOptions), validated as
// k8s.io/apimachinery/pkg/apis/meta/v1/validation validates them: each failure is a 422 on `<Kind>Options.meta.k8s.io`.
import { fieldError, invalid, type FieldError } from "../../api/status";
import type { FieldValidation } from "./schema-check";
import { queryBool } from "./list-options";

export type OptionsKind = "CreateOptions" | "UpdateOptions" | "PatchOptions" | "DeleteOptions";

export interface WriteOptions {
  dryRun: boolean;
  fieldValidation: FieldValidation;
  /** `force` of an apply patch (any value but "0" and "false" is true, as the apiserver converts booleans). */
  force: boolean;
}

const fieldManagerMaxLength = 128;

function unsupported(field: string, shown: string, supported: string[]): FieldError {
  return {
    type: "FieldValueNotSupported",
    field,
    message: `Unsupported value: ${shown}: supported values: ${supported.map((s) => JSON.stringify(s)).join(", ")}`,
  };
}

function fieldManagerErrors(manager: string): FieldError[] {
  const errors: FieldError[] = [];
  if (new TextEncoder().encode(manager).length > fieldManagerMaxLength) errors.push(fieldError.tooLong("fieldManager", fieldManagerMaxLength));
  let position = 0;
  for (const ch of manager) {
    // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    if (!/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) {
      const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      errors.push(fieldError.invalid("fieldManager", manager, `invalid character U+${code} (at position ${position})`));
    }
    position += new TextEncoder().encode(ch).length;
  }
  return errors;
}

/** Validate the options of a write; `patchType` is set for PATCH ("apply" for server-side apply). */
export function writeOptions(kind: OptionsKind, query: URLSearchParams, patchType?: string): WriteOptions {
  const errors: FieldError[] = [];
  const manager = query.get("fieldManager") ?? "";
  const force = queryBool(query, "force");
  if (kind === "PatchOptions") {
    if (patchType === "apply") {
      if (!manager) errors.push(fieldError.required("fieldManager", "is required for apply patch"));
    } else if (force !== undefined) {
      errors.push(fieldError.forbidden("force", "may not be specified for non-apply patch"));
    }
  }
  if (kind !== "DeleteOptions") errors.push(...fieldManagerErrors(manager));
  const dryRun = query.getAll("dryRun");
  if (dryRun.some((v) => v !== "All")) {
    errors.push(unsupported("dryRun", `[]string{${dryRun.map((v) => JSON.stringify(v)).join(", ")}}`, ["All"]));
  }
  const validation = query.get("fieldValidation") ?? "";
  if (kind !== "DeleteOptions" && !["", "Ignore", "Strict", "Warn"].includes(validation)) {
    errors.push(fieldError.notSupported("fieldValidation", validation, ["", "Ignore", "Strict", "Warn"]));
  }
  if (errors.length) throw invalid(kind, "meta.k8s.io", "", errors);
  return {
    dryRun: dryRun.includes("All"),
    fieldValidation: validation === "Strict" || validation === "Ignore" ? validation : "Warn",
    force: force ?? false,
  };
}
