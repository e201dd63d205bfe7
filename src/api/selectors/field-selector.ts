// Field selectors (k8s.io/apimachinery/pkg/fields): `k=v`, `k==v`, `k!=v` joined by ',', with `\,` `\=` `\\`
// escapes in values. A field the object does not have counts as "", so kubectl's `involvedObject.namespace=`
// matches cluster-scoped events.

import { badRequest } from "../status";

export interface FieldRequirement {
  readonly field: string;
  /** `==` is normalised to `=`, as Kubernetes does. */
  readonly operator: "=" | "!=";
  /** The unescaped value. */
  readonly value: string;
}

export type Fields = Readonly<Record<string, string | undefined>>;

export interface FieldSelector {
  /** Terms sorted as Kubernetes sorts them (by their raw text). */
  readonly requirements: readonly FieldRequirement[];
  isEmpty(): boolean;
  matches(fields: Fields): boolean;
  /** The field names the selector mentions, in requirement order. */
  fieldNames(): string[];
  /** Selector.String(), values re-escaped. */
  toString(): string;
}

/** The first requirement on `field`, if any. */
export function requirementFor(selector: FieldSelector, field: string): FieldRequirement | undefined {
  return selector.requirements.find((r) => r.field === field);
}

/** RequiresExactMatch: the value an `=` requirement pins `field` to (e.g. `metadata.name=x` → "x"). */
export function exactMatchFor(selector: FieldSelector, field: string): string | undefined {
  return selector.requirements.find((r) => r.field === field && r.operator === "=")?.value;
}

/** Throws `field label not supported: <name>` (400), as kinds with registered field labels answer. */
export function assertFieldLabelsSupported(selector: FieldSelector, supported: Iterable<string>): void {
  const allowed = new Set(supported);
  for (const r of selector.requirements) {
    if (!allowed.has(r.field)) throw badRequest(`field label not supported: ${r.field}`);
  }
}

/**
 * For kinds without registered field labels (runtime.DefaultMetaV1FieldSelectorConversion): only metadata.name
 * and metadata.namespace, and a different message.
 */
export function assertDefaultFieldLabels(selector: FieldSelector): void {
  for (const r of selector.requirements) {
    if (r.field !== "metadata.name" && r.field !== "metadata.namespace") {
      throw badRequest(
        `${JSON.stringify(r.field)} is not a known field selector: only "metadata.name", "metadata.namespace"`,
      );
    }
  }
}

export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/** UnescapeValue; errors carry Kubernetes' text (the unescaped character is printed as its code, like Go's %v of a rune). */
function unescapeValue(raw: string): string {
  if (!/[\\,=]/.test(raw)) return raw;
  let out = "";
  let inSlash = false;
  for (const c of raw) {
    if (inSlash) {
      if (c !== "\\" && c !== "," && c !== "=") {
        throw badRequest(`invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      inSlash = false;
    } else if (c === "\\") inSlash = true;
    else if (c === "," || c === "=") {
      throw badRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else out += c;
  }
  if (inSlash) throw badRequest("invalid field selector: invalid escape sequence: \\");
  return out;
}

/** Splits on commas that are not backslash-escaped; escapes stay in the terms. */
function splitTerms(selector: string): string[] {
  if (selector === "") return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === "\\") inSlash = true;
    else if (c === ",") {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

/** The first operator occurrence splits the term; `!=` and `==` win over `=` at the same position. */
function splitTerm(term: string): { lhs: string; op: "!=" | "==" | "="; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ["!=", "==", "="] as const) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

class Requirements implements FieldSelector {
  constructor(readonly requirements: readonly FieldRequirement[]) {}
  isEmpty(): boolean {
    return this.requirements.length === 0;
  }
  matches(fields: Fields): boolean {
    return this.requirements.every((r) => {
      const actual = Object.prototype.hasOwnProperty.call(fields, r.field) ? (fields[r.field] ?? "") : "";
      return (actual === r.value) === (r.operator === "=");
    });
  }
  fieldNames(): string[] {
    return this.requirements.map((r) => r.field);
  }
  toString(): string {
    return this.requirements.map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(",");
  }
}

/** Parses a `fieldSelector` query value; malformed input is the apiserver's 400 BadRequest. */
export function parseFieldSelector(selector: string): FieldSelector {
  const terms = splitTerms(selector).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const requirements: FieldRequirement[] = [];
  for (const term of terms) {
    if (term === "") continue;
    const split = splitTerm(term);
    if (!split) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    const value = unescapeValue(split.rhs);
    requirements.push({ field: split.lhs, operator: split.op === "!=" ? "!=" : "=", value });
  }
  return new Requirements(requirements);
}
