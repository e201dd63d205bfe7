// Limits on decoded YAML, as sigs.k8s.io/yaml (go-yaml) enforces them: an alias may not refer to the node that holds
// it (go-yaml: "anchor 'a' value contains itself"; the JS parser builds a cyclic value instead), and nesting stops at
// the JSON decoder's 10000 levels. Aliases that multiply the document are refused by the parser's alias budget.
import { parseDocument } from "yaml";
import { badRequest } from "../../api/status";
import { maxJsonDepth } from "./json-scan";

const prefix = "error converting YAML to JSON: yaml: ";

/** Throws a 400 when `value` (a freshly parsed YAML document) is cyclic or nested deeper than the limit. */
export function checkYamlTree(value: unknown): void {
  if (typeof value !== "object" || value === null) return;
  const onPath = new Set<object>();
  // Iterative depth-first walk: [node, depth, leaving]. Shared (aliased) subtrees are walked once per reference,
  // which the parser's alias budget keeps small.
  const stack: [object, number, boolean][] = [[value, 1, false]];
  while (stack.length) {
    const [node, depth, leaving] = stack.pop()!;
    if (leaving) {
      onPath.delete(node);
      continue;
    }
    if (depth > maxJsonDepth) throw badRequest(`${prefix}exceeded max depth of ${maxJsonDepth}`);
    if (onPath.has(node)) throw badRequest(`${prefix}anchor value contains itself`);
    onPath.add(node);
    stack.push([node, depth, true]);
    for (const child of Object.values(node)) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1, false]);
    }
  }
}

/** The 400 for an error the YAML parser threw, in go-yaml's words where they differ. */
export function yamlError(error: Error): never {
  const message = error.message.split("\n")[0];
  if (/call stack|too much recursion/i.test(message)) throw badRequest(`${prefix}exceeded max depth of ${maxJsonDepth}`);
  if (/alias count|resource exhaustion/i.test(message)) throw badRequest(`${prefix}document contains excessive aliasing`);
  throw badRequest(`error converting YAML to JSON: ${message}`);
}

/**
 * Keys a YAML text repeats in one map, as go-yaml's strict decoder reports them: one message,
 * `yaml: unmarshal errors:\n  line 5: key "other" already set in map` (a line per repeat); none when there are none.
 */
export function yamlDuplicates(text: string): string[] {
  let lines: string[];
  try {
    const doc = parseDocument(text, { uniqueKeys: true });
    const source = text.split("\n");
    lines = doc.errors
      .filter((e) => e.code === "DUPLICATE_KEY" && e.linePos)
      .map((e) => {
        const { line, col } = e.linePos![0];
        const key = (source[line - 1] ?? "").slice(col - 1).split(":")[0].trim().replace(/^["']|["']$/g, "");
        return `line ${line}: key ${JSON.stringify(key)} already set in map`;
      });
  } catch {
    return [];
  }
  return lines.length ? [`yaml: unmarshal errors:\n  ${lines.join("\n  ")}`] : [];
}
