// One label requirement (k8s.io/apimachinery/pkg/labels Requirement): construction with the apiserver's
// validation messages, matching, and its string form.

import { fieldError, type FieldError } from "../status";
import { isQualifiedName, isValidLabelValue } from "../validation/names";

/** selection.Operator values, spelled as Kubernetes spells them. */
export type LabelOperator = "in" | "notin" | "=" | "==" | "!=" | "exists" | "!" | "gt" | "lt";

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  readonly values: readonly string[];
}

export type Labels = Readonly<Record<string, string>> | null | undefined;

/** Thrown for an invalid selector; the message is exactly the apiserver's error text. */
export class SelectorParseError extends Error {}

/** Go's field.Error.Error(): `<field>: <body>`. */
export function renderFieldError(e: FieldError): string {
  return `${e.field}: ${e.message}`;
}

/** utilerrors.Aggregate's message: one error as is, several deduplicated inside `[a, b]`. */
export function aggregateMessage(messages: string[]): string {
  if (messages.length === 1) return messages[0]!;
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(", ")}]`;
}

/** validateLabelKey of labels/selector.go; `field` is the Go path (`<nil>` when the parser has none). */
export function labelKeyError(key: string, field: string): FieldError | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? fieldError.invalid(field, key, errs.join("; ")) : undefined;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64). */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/**
 * labels.NewRequirement: validates key, operator arity and values, throwing the aggregated error text
 * (e.g. `values[0][app]: Invalid value: "a b": a valid label must be …`).
 */
export function newRequirement(key: string, operator: LabelOperator, values: readonly string[]): LabelRequirement {
  const errs: FieldError[] = [];
  const keyError = labelKeyError(key, "key");
  if (keyError) errs.push(keyError);
  const shown = values.length ? values : null; // a nil Go slice renders as null
  switch (operator) {
    case "in":
    case "notin":
      if (values.length === 0) {
        errs.push(fieldError.invalid("values", shown, "for 'in', 'notin' operators, values set can't be empty"));
      }
      break;
    case "=":
    case "==":
    case "!=":
      if (values.length !== 1) {
        errs.push(fieldError.invalid("values", shown, "exact-match compatibility requires one single value"));
      }
      break;
    case "exists":
    case "!":
      if (values.length !== 0) {
        errs.push(fieldError.invalid("values", shown, "values set must be empty for exists and does not exist"));
      }
      break;
    case "gt":
    case "lt":
      if (values.length !== 1) {
        errs.push(fieldError.invalid("values", shown, "for 'Gt', 'Lt' operators, exactly one value is required"));
      }
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(fieldError.invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
  }
  values.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length) errs.push(fieldError.invalid(`values[${i}][${key}]`, v, msgs.join("; ")));
  });
  if (errs.length) throw new SelectorParseError(aggregateMessage(errs.map(renderFieldError)));
  return { key, operator, values: [...values] };
}

function has(labels: Labels, key: string): boolean {
  return !!labels && Object.prototype.hasOwnProperty.call(labels, key);
}

export function requirementMatches(req: LabelRequirement, labels: Labels): boolean {
  switch (req.operator) {
    case "in":
    case "=":
    case "==":
      return has(labels, req.key) && req.values.includes(labels![req.key]!);
    case "notin":
    case "!=":
      return !has(labels, req.key) || !req.values.includes(labels![req.key]!);
    case "exists":
      return has(labels, req.key);
    case "!":
      return !has(labels, req.key);
    case "gt":
    case "lt": {
      if (!has(labels, req.key) || req.values.length !== 1) return false;
      const actual = parseInt64(labels![req.key]!);
      const bound = parseInt64(req.values[0]!);
      if (actual === undefined || bound === undefined) return false;
      return req.operator === "gt" ? actual > bound : actual < bound;
    }
  }
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Requirement.String(): `k=v`, `k!=v`, `k in (a,b)` (values sorted), `k`, `!k`, `k>1`. */
export function requirementToString(req: LabelRequirement): string {
  const values = [...req.values].sort(byCodeUnit).join(",");
  switch (req.operator) {
    case "exists":
      return req.key;
    case "!":
      return `!${req.key}`;
    case "in":
      return `${req.key} in (${values})`;
    case "notin":
      return `${req.key} notin (${values})`;
    case "gt":
      return `${req.key}>${values}`;
    case "lt":
      return `${req.key}<${values}`;
    default:
      return `${req.key}${req.operator}${values}`;
  }
}
