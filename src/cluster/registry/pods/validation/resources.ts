// ValidateResourceRequirements of a container: resource names, non-negative quantities, requests within limits.
import { quantityFromJSON, type Quantity } from "../../../../api/quantity";
import { fieldError, type FieldError } from "../../../../api/status";
import type { ResourceRequirements } from "../../../../api/schemas/core/resources";
import { isQualifiedName } from "../../../../api/validation/names";

const NEGATIVE = "must be greater than or equal to 0";

/** Standard container resources (helper.IsStandardContainerResourceName). */
function isStandardContainerResource(name: string): boolean {
  return name === "cpu" || name === "memory" || name === "ephemeral-storage" || name.startsWith("hugepages-");
}

/** A resource in the kubernetes.io namespace (helper.IsNativeResource). */
function isNativeResource(name: string): boolean {
  return !name.includes("/") || name.includes("kubernetes.io/");
}

/** Extended resources are whole numbers. */
function isExtendedResource(name: string): boolean {
  return !isNativeResource(name) && !name.startsWith("requests.");
}

/** helper.IsOvercommitAllowed: requests of other resources must equal their limits. */
function overcommitAllowed(name: string): boolean {
  return isNativeResource(name) && !name.startsWith("hugepages-");
}

function validateResourceName(name: string, field: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => fieldError.invalid(field, name, m));
  if (!name.includes("/")) {
    if (!isStandardContainerResource(name)) errs.push(fieldError.invalid(field, name, "must be a standard resource for containers"));
  } else if (!isNativeResource(name) && !isExtendedResource(name)) {
    errs.push(fieldError.invalid(field, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

function parsed(value: unknown): Quantity | undefined {
  try {
    return typeof value === "string" || typeof value === "number" ? quantityFromJSON(value) : undefined;
  } catch {
    return undefined; // malformed quantities are refused when decoding (400)
  }
}

function validateQuantity(name: string, q: Quantity, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (q.sign() < 0) errs.push(fieldError.invalid(field, q.toString(), NEGATIVE));
  if (isExtendedResource(name) && q.milliValue() % 1000n !== 0n) errs.push(fieldError.invalid(field, q.toString(), "must be an integer"));
  return errs;
}

export function validateResourceRequirements(resources: ResourceRequirements | undefined, at: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits: Record<string, unknown> = resources?.limits ?? {};
  const requests: Record<string, unknown> = resources?.requests ?? {};
  const limitPath = `${at}.limits`;
  const requestPath = `${at}.requests`;
  for (const [name, value] of Object.entries(limits)) {
    const field = `${limitPath}[${name}]`;
    errs.push(...validateResourceName(name, field));
    const q = parsed(value);
    if (q) errs.push(...validateQuantity(name, q, field));
  }
  for (const [name, value] of Object.entries(requests)) {
    const field = `${requestPath}[${name}]`;
    errs.push(...validateResourceName(name, field));
    const q = parsed(value);
    if (!q) continue;
    errs.push(...validateQuantity(name, q, field));
    const limit = name in limits ? parsed(limits[name]) : undefined;
    if (limit) {
      if (!overcommitAllowed(name) && q.cmp(limit) !== 0) {
        errs.push(fieldError.invalid(requestPath, q.toString(), `must be equal to ${name} limit of ${limit.toString()}`));
      } else if (q.cmp(limit) > 0) {
        errs.push(fieldError.invalid(requestPath, q.toString(), `must be less than or equal to ${name} limit of ${limit.toString()}`));
      }
    } else if (!overcommitAllowed(name)) {
      errs.push(fieldError.required(limitPath, "Limit must be set for non overcommitable resources"));
    }
  }
  return errs;
}
