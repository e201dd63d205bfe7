// The label selector grammar of k8s.io/apimachinery/pkg/labels (Parse): same tokens, same recovery rules and the
// same error texts, so `kubectl get -l` fails exactly as against a real apiserver.
//
//   selector    ::= requirement | requirement "," selector
//   requirement ::= ["!"] KEY [ ("in"|"notin") "(" VALUES ")" | ("="|"=="|"!="|">"|"<") VALUE ]

import {
  labelKeyError,
  newRequirement,
  renderFieldError,
  SelectorParseError,
  type LabelOperator,
  type LabelRequirement,
} from "./label-requirement";

type Token =
  | "end"
  | "identifier"
  | "in"
  | "notin"
  | "("
  | ")"
  | ","
  | "!"
  | "=="
  | "="
  | "!="
  | ">"
  | "<";

interface Item {
  tok: Token;
  lit: string;
}

const KEYWORDS = new Map<string, Token>(
  [")", ",", "!", "==", "=", ">", "in", "<", "!=", "notin", "("].map((t) => [t, t as Token]),
);

const BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

const isWhitespace = (ch: string) => ch === " " || ch === "\t" || ch === "\r" || ch === "\n";
const isSpecial = (ch: string) => "=!(),><".includes(ch);

/**
 * Splits the selector into tokens as Go's byte lexer does: a NUL where a token starts ends the input; a NUL inside a
 * token ends that token and is skipped (so `a\0=b` reads as `a=b`).
 */
function scan(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  const peek = () => (pos < input.length && input[pos] !== "\0" ? input[pos]! : "");
  for (;;) {
    while (peek() && isWhitespace(peek())) pos++;
    const ch = peek();
    if (!ch) {
      items.push({ tok: "end", lit: "" });
      return items;
    }
    if (isSpecial(ch)) {
      // Longest run of special characters that is still a known operator.
      let buffer = "";
      let last: Item | undefined;
      while (peek() && isSpecial(peek())) {
        const next = buffer + peek();
        const tok = KEYWORDS.get(next);
        if (tok) {
          last = { tok, lit: next };
          buffer = next;
          pos++;
        } else if (last) break;
        else {
          buffer = next;
          pos++;
        }
      }
      if (input[pos] === "\0" && (last || buffer)) pos++;
      items.push(last ?? { tok: "identifier", lit: buffer });
    } else {
      let buffer = "";
      while (peek() && !isSpecial(peek()) && !isWhitespace(peek())) buffer += input[pos++];
      if (input[pos] === "\0") pos++;
      items.push({ tok: KEYWORDS.get(buffer) ?? "identifier", lit: buffer });
    }
  }
}

type Context = "keyAndOperator" | "values";

class Parser {
  private position = 0;
  constructor(private readonly items: Item[]) {}

  /** In a values context the words `in` and `notin` are ordinary identifiers. */
  private view(item: Item, context: Context): Item {
    return context === "values" && (item.tok === "in" || item.tok === "notin") ? { tok: "identifier", lit: item.lit } : item;
  }
  lookahead(context: Context): Item {
    return this.view(this.items[this.position]!, context);
  }
  consume(context: Context): Item {
    return this.view(this.items[this.position++]!, context);
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead("values");
      if (tok === "end") return requirements;
      if (tok !== "identifier" && tok !== "!") {
        throw new SelectorParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
      try {
        requirements.push(this.parseRequirement());
      } catch (e) {
        if (e instanceof SelectorParseError) throw new SelectorParseError(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const after = this.consume("values");
      if (after.tok === "end") return requirements;
      if (after.tok !== ",") throw new SelectorParseError(`found '${after.lit}', expected: ',' or 'end of string'`);
      const next = this.lookahead("values");
      if (next.tok !== "identifier" && next.tok !== "!") {
        throw new SelectorParseError(`found '${next.lit}', expected: identifier after ','`);
      }
    }
  }

  private parseRequirement(): LabelRequirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator === "exists" || operator === "!") return newRequirement(key, operator, []);
    const op = this.parseOperator();
    const values = op === "in" || op === "notin" ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, op, [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  private parseKeyAndInferOperator(): { key: string; operator?: LabelOperator } {
    let operator: LabelOperator | undefined;
    let item = this.consume("values");
    if (item.tok === "!") {
      operator = "!";
      item = this.consume("values");
    }
    if (item.tok !== "identifier") throw new SelectorParseError(`found '${item.lit}', expected: identifier`);
    const keyError = labelKeyError(item.lit, "<nil>");
    if (keyError) throw new SelectorParseError(renderFieldError(keyError));
    const next = this.lookahead("values").tok;
    if ((next === "end" || next === ",") && operator !== "!") operator = "exists";
    return { key: item.lit, operator };
  }

  private parseOperator(): LabelOperator {
    const { tok, lit } = this.consume("keyAndOperator");
    switch (tok) {
      case "in":
        return "in";
      case "notin":
        return "notin";
      case "=":
        return "=";
      case "==":
        return "==";
      case "!=":
        return "!=";
      case ">":
        return "gt";
      case "<":
        return "lt";
      default:
        throw new SelectorParseError(`found '${lit}', expected: ${BINARY_OPERATORS}`);
    }
  }

  /** `(a,b)`; empty members and `()` contribute the empty value. */
  private parseValues(): Set<string> {
    const open = this.consume("values");
    if (open.tok !== "(") throw new SelectorParseError(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead("values");
    if (tok === ")") {
      this.consume("values");
      return new Set([""]);
    }
    if (tok !== "identifier" && tok !== ",") {
      throw new SelectorParseError(`found '${lit}', expected: ',', ')' or identifier`);
    }
    const values = this.parseIdentifiersList();
    this.consume("values"); // the closing parenthesis the list stopped at
    return values;
  }

  private parseIdentifiersList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume("values");
      if (tok === "identifier") {
        values.add(lit);
        const next = this.lookahead("values");
        if (next.tok === ",") continue;
        if (next.tok === ")") return values;
        throw new SelectorParseError(`found '${next.lit}', expected: ',' or ')'`);
      } else if (tok === ",") {
        if (values.size === 0) values.add(""); // "(,"
        const next = this.lookahead("values").tok;
        if (next === ")") {
          values.add(""); // ",)"
          return values;
        }
        if (next === ",") {
          this.consume("values");
          values.add(""); // ",,"
        }
      } else {
        throw new SelectorParseError(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): Set<string> {
    const next = this.lookahead("values").tok;
    if (next === "end" || next === ",") return new Set([""]);
    const { tok, lit } = this.consume("values");
    if (tok === "identifier") return new Set([lit]);
    throw new SelectorParseError(`found '${lit}', expected: identifier`);
  }
}

/** Parses a selector string into requirements sorted by key; throws SelectorParseError with Go's message. */
export function parseLabelRequirements(selector: string): LabelRequirement[] {
  const requirements = new Parser(scan(selector)).parse();
  return requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
