// Label selector text as the printers show it (labels.FormatLabels, metav1.FormatLabelSelector,
// LabelSelectorAsSelector(...).String()) over untyped JSON, as the printers get stored objects.
import { isRecord } from "../../../api/object";
import { list, record, stringMap, text } from "./fields";
import { NONE } from "./format";

/** `labels.FormatLabels`: `k=v` pairs sorted by key and joined with commas; `<none>` when empty. */
export function formatLabels(labels: unknown): string {
  const map = stringMap(labels);
  const keys = Object.keys(map).sort(compareStrings);
  return keys.length === 0 ? NONE : keys.map((k) => `${k}=${map[k]}`).join(",");
}

/**
 * The string form of a `metav1.LabelSelector` (`app=web,tier in (a,b),!legacy`): requirements sorted by key, set
 * values sorted. Empty for a missing or empty selector; undefined when the selector is invalid.
 */
export function labelSelectorString(selector: unknown): string | undefined {
  if (!isRecord(selector)) return "";
  const requirements: Array<{ key: string; text: string }> = [];
  for (const [key, value] of Object.entries(stringMap(selector.matchLabels))) {
    requirements.push({ key, text: `${key}=${value}` });
  }
  for (const raw of list(selector.matchExpressions)) {
    const expr = record(raw);
    const key = text(expr.key);
    const values = list(expr.values).map(text);
    const requirement = requirementText(key, text(expr.operator), values);
    if (requirement === undefined) return undefined;
    requirements.push({ key, text: requirement });
  }
  return requirements
    .sort((a, b) => compareStrings(a.key, b.key))
    .map((r) => r.text)
    .join(",");
}

/** `metav1.FormatLabelSelector`: the selector string, `<none>` when it selects by nothing, `<error>` when invalid. */
export function formatLabelSelector(selector: unknown): string {
  const s = labelSelectorString(selector);
  if (s === undefined) return "<error>";
  return s === "" ? NONE : s;
}

function requirementText(key: string, operator: string, values: string[]): string | undefined {
  if (key === "") return undefined;
  const set = () => `(${[...values].sort(compareStrings).join(",")})`;
  switch (operator) {
    case "In":
      return values.length > 0 ? `${key} in ${set()}` : undefined;
    case "NotIn":
      return values.length > 0 ? `${key} notin ${set()}` : undefined;
    case "Exists":
      return values.length === 0 ? key : undefined;
    case "DoesNotExist":
      return values.length === 0 ? `!${key}` : undefined;
    default:
      return undefined;
  }
}

/** Byte-wise ordering like Go's string comparison (for ASCII keys the same as code-unit order). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
