// A word in command position of the form NAME=value is an assignment.

import type { Assignment, Word } from "./ast";
import { NAME } from "./lexer";

export function asAssignment(word: Word): Assignment | undefined {
  const first = word[0];
  if (!first || first.kind !== "lit" || first.quoted) return undefined;
  const eq = first.text.indexOf("=");
  if (eq <= 0 || !NAME.test(first.text.slice(0, eq))) return undefined;
  const rest = first.text.slice(eq + 1);
  const value: Word = rest ? [{ kind: "lit", text: rest, quoted: false }, ...word.slice(1)] : word.slice(1);
  return { name: first.text.slice(0, eq), value };
}
