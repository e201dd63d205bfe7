// A word in command position of the form NAME=value is an assignment; bash also has NAME+=value, NAME[i]=value and
// NAME=(elements) (read by the parser after the word, from `elementsAfter`).

import type { Assignment, Dialect, Word, WordPart } from "./ast";
import { NAME } from "./lexer";

export function asAssignment(word: Word, dialect: Dialect): Assignment | undefined {
  const first = word[0];
  if (!first || first.kind !== "lit" || first.quoted) return undefined;
  const bash = dialect === "bash";
  const scalar = (bash ? /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/ : /^([A-Za-z_][A-Za-z0-9_]*)()=/).exec(first.text);
  if (scalar) {
    const rest = first.text.slice(scalar[0].length);
    const value: Word = rest ? [{ kind: "lit", text: rest, quoted: false }, ...word.slice(1)] : word.slice(1);
    return { name: scalar[1], value, ...(scalar[2] ? { append: true } : {}) };
  }
  const indexed = bash ? /^([A-Za-z_][A-Za-z0-9_]*)\[/.exec(first.text) : null;
  if (!indexed) return undefined;
  // The subscript runs to the `]=` (or `]+=`) in an unquoted literal part; expansions may come before it.
  const index: WordPart[] = [];
  const parts: WordPart[] = [{ ...first, text: first.text.slice(indexed[0].length) }, ...word.slice(1)];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const close = part.kind === "lit" && !part.quoted ? /\](\+?)=/.exec(part.text) : null;
    if (!close || part.kind !== "lit") {
      index.push(part);
      continue;
    }
    if (close.index > 0) index.push({ kind: "lit", text: part.text.slice(0, close.index), quoted: true });
    const rest = part.text.slice(close.index + close[0].length);
    const value: Word = rest ? [{ kind: "lit", text: rest, quoted: false }, ...parts.slice(i + 1)] : parts.slice(i + 1);
    return { name: indexed[1], index: index.map((p) => (p.kind === "lit" ? { ...p, quoted: true } : p)), value, ...(close[1] ? { append: true } : {}) };
  }
  return undefined;
}

/** One element of `(a b [k]=v)`: `[k]=v` carries its key. */
export function arrayElement(word: Word): { key?: Word; value: Word } {
  const first = word[0];
  if (first?.kind === "lit" && !first.quoted && first.text.startsWith("[")) {
    const assignment = asAssignment([{ ...first, text: `x${first.text}` }, ...word.slice(1)], "bash");
    if (assignment?.index) return { key: assignment.index, value: assignment.value };
  }
  return { value: word };
}

export const isName = (text: string | undefined): text is string => text !== undefined && NAME.test(text);
