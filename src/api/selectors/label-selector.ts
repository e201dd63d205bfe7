// Label selectors: the `labelSelector` query string (labels.Parse) and metav1.LabelSelector objects from specs
// (LabelSelectorAsSelector). The printers' text for them is registry/printing/label-selector.ts.

import { badRequest } from "../status";
import type { LabelSelector } from "../validation/labels";
import {
  newRequirement,
  requirementMatches,
  requirementToString,
  SelectorParseError,
  type LabelOperator,
  type LabelRequirement,
  type Labels,
} from "./label-requirement";
import { parseLabelRequirements } from "./label-selector-parser";

export type { LabelOperator, LabelRequirement, Labels } from "./label-requirement";
export type { LabelSelector, LabelSelectorRequirement } from "../validation/labels";

export interface LabelMatcher {
  /** Requirements sorted by key; all must hold. Empty for both "everything" and "nothing". */
  readonly requirements: readonly LabelRequirement[];
  /** True when the selector does not restrict anything (labels.Selector.Empty). False for "nothing". */
  isEmpty(): boolean;
  matches(labels: Labels): boolean;
  /** The value the selector pins `key` to (`k=v`, `k==v`, `k in (v)`), if any. */
  requiresExactMatch(key: string): string | undefined;
  /** Selector.String(): requirements joined by ','; "" for everything and for nothing. */
  toString(): string;
}

class RequirementsMatcher implements LabelMatcher {
  constructor(readonly requirements: readonly LabelRequirement[]) {}
  isEmpty(): boolean {
    return this.requirements.length === 0;
  }
  matches(labels: Labels): boolean {
    return this.requirements.every((r) => requirementMatches(r, labels));
  }
  requiresExactMatch(key: string): string | undefined {
    const req = this.requirements.find((r) => r.key === key);
    if (!req || !["=", "==", "in"].includes(req.operator) || req.values.length !== 1) return undefined;
    return req.values[0];
  }
  toString(): string {
    return this.requirements.map(requirementToString).join(",");
  }
}

const nothing: LabelMatcher = {
  requirements: [],
  isEmpty: () => false,
  matches: () => false,
  requiresExactMatch: () => undefined,
  toString: () => "",
};

/** Matches every object. */
export const everythingSelector: LabelMatcher = new RequirementsMatcher([]);
/** Matches no object (what a null metav1.LabelSelector selects). */
export const nothingSelector: LabelMatcher = nothing;

/** Parses a `labelSelector` query value; an invalid one is the apiserver's 400 BadRequest. */
export function parseLabelSelector(selector: string): LabelMatcher {
  try {
    return new RequirementsMatcher(parseLabelRequirements(selector));
  } catch (e) {
    if (e instanceof SelectorParseError) throw badRequest(e.message);
    throw e;
  }
}

const OPERATORS: Record<string, LabelOperator> = {
  In: "in",
  NotIn: "notin",
  Exists: "exists",
  DoesNotExist: "!",
};

function requirementsOf(selector: LabelSelector): LabelRequirement[] {
  const requirements: LabelRequirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    requirements.push(newRequirement(key, "=", [value]));
  }
  for (const expr of selector.matchExpressions ?? []) {
    const operator = Object.prototype.hasOwnProperty.call(OPERATORS, expr.operator) ? OPERATORS[expr.operator] : undefined;
    if (!operator) throw new SelectorParseError(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    requirements.push(newRequirement(expr.key, operator, expr.values ?? []));
  }
  return requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * metav1.LabelSelectorAsSelector. A null/absent selector matches NOTHING; an empty one (`{}`) matches EVERYTHING.
 * An invalid selector (bad key, value or operator) throws a 400 BadRequest with Kubernetes' message; specs are
 * validated on write, so this only happens for selectors that skipped validation.
 */
export function labelSelectorFromObject(selector: LabelSelector | null | undefined): LabelMatcher {
  if (!selector) return nothing;
  try {
    return new RequirementsMatcher(requirementsOf(selector));
  } catch (e) {
    if (e instanceof SelectorParseError) throw badRequest(e.message);
    throw e;
  }
}

/** labels.SelectorFromSet: `k=v` for every entry; an empty or absent set matches everything. */
export function selectorFromSet(set: Record<string, string> | null | undefined): LabelMatcher {
  const requirements: LabelRequirement[] = Object.entries(set ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => ({ key, operator: "=", values: [value] }));
  return new RequirementsMatcher(requirements);
}
