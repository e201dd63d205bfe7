// One pass over a JSON text before it is parsed: the nesting limit of the apiserver's decoder (Go's encoding/json
// scanner, which sigs.k8s.io/json shares, refuses more than 10000 levels), and the duplicate fields its strict decoder
// reports (`duplicate field "metadata.name"`), which JSON.parse would silently collapse to the last value.
import { badRequest } from "../../api/status";

/** The deepest nesting of objects and arrays the apiserver decodes. */
export const maxJsonDepth = 10_000;

interface Frame {
  /** Keys seen so far in an object; undefined for an array. */
  keys?: Set<string>;
  /** The field path of this container, in the strict decoder's notation. */
  path: string;
  /** Next index of an array. */
  index: number;
  /** The key whose value comes next (objects only). */
  pendingKey?: string;
}

function childPath(frame: Frame | undefined): string {
  if (!frame) return "";
  if (!frame.keys) return `${frame.path}[${frame.index}]`;
  return frame.path ? `${frame.path}.${frame.pendingKey}` : frame.pendingKey ?? "";
}

/**
 * Checks the depth of `text` (a 400 beyond 10000 levels) and returns the paths of fields that appear twice in one
 * object. Malformed JSON is left to JSON.parse: the scan stops quietly when the text stops making sense.
 */
export function scanJson(text: string, wantDuplicates: boolean): string[] {
  const stack: Frame[] = [];
  const duplicates: string[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys && wantDuplicates) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          return duplicates;
        }
        if (top.keys.has(key)) duplicates.push(`duplicate field ${JSON.stringify(top.path ? `${top.path}.${key}` : key)}`);
        top.keys.add(key);
        top.pendingKey = key;
      }
      expectKey = false;
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxJsonDepth) {
        throw badRequest(`json: invalid character '${String.fromCharCode(c)}' exceeded max depth of ${maxJsonDepth}`);
      }
      const path = childPath(stack[stack.length - 1]);
      stack.push(c === 0x7b ? { keys: new Set(), path, index: 0 } : { path, index: 0 });
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top && !top.keys) top.index++;
      expectKey = Boolean(top?.keys);
    }
  }
  return duplicates;
}
