// The error the parser throws for a script it cannot parse, and how each shell words it.

import type { Dialect } from "./ast";

export class ShellSyntaxError extends Error {
  /** `unexpected`: the token the parser did not expect (each shell words that differently); `badSubstitution`: a `${...}` form the shell lacks. */
  constructor(message: string, readonly detail: { unexpected?: string; badSubstitution?: boolean } = {}) {
    super(message);
  }
}

/** A token where the grammar does not allow it (busybox ash's wording in `message`). */
export function unexpected(token: string): ShellSyntaxError {
  return new ShellSyntaxError(`syntax error: unexpected "${token}"`, { unexpected: token });
}

/** What the shell prints on stderr for a syntax error (`inline`: the script came from `-c`). */
export function syntaxErrorText(e: ShellSyntaxError, dialect: Dialect, shellName: string, inline: boolean): string {
  const { unexpected: token, badSubstitution } = e.detail;
  if (dialect === "dash") {
    if (badSubstitution) return `${shellName}: 1: Bad substitution\n`;
    return `${shellName}: 1: Syntax error: ${token !== undefined ? `"${token}" unexpected` : e.message.replace(/^syntax error: /, "")}\n`;
  }
  if (dialect === "ash") return `${shellName}: ${e.message}\n`;
  if (badSubstitution) return `${shellName}: ${inline ? "-c: line 1: " : ""}bad substitution\n`;
  if (token !== undefined) return `${shellName}: ${inline ? "-c: line 1: " : ""}syntax error near unexpected token \`${token}'\n`;
  return `${shellName}: ${inline ? "-c: line 1: " : ""}${e.message}\n`;
}
