// Hides a set of secret values wherever they appear in an answer: plain text (logs), JSON documents and JSON lines
// (watch events). Pure: built from the values, then used many times.
//
// What counts as an occurrence of a value v (each of these is masked):
// - v itself, v without surrounding whitespace, and each line of a multi-line v (so `tailLines` or a line-by-line
//   stream cannot show one line of a PEM key);
// - the base64 of v and of trimmed v (a Secret's `data`, e.g. inside a last-applied-configuration annotation);
// - the JSON-escaped forms of all of these, escaped up to three times (a multi-line value inside JSON is `a\nb`;
//   inside a JSON document kept in an annotation it is `a\\nb`).
// Forms shorter than `minRedactedLength` are never patterns (see `isShortValue`).

/** What a masked value becomes. */
export const mask = "***";

/**
 * Values (trimmed) shorter than this are not masked in text (their base64 form, four characters, still is): one or
 * two characters cannot be told apart from ordinary text (masking "1" would rewrite every number of every answer,
 * and where the masks fall would spell the value). Callers that can withhold a whole answer instead (pod logs) do so
 * when it may carry such a value.
 */
export const minRedactedLength = 3;

/** True for a value that is not empty but too short to mask (see `minRedactedLength`). */
export function isShortValue(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.length > 0 && trimmed.length < minRedactedLength;
}

/**
 * Server-made fields whose format cannot carry a secret value: left alone so that masking a value that happens to
 * be a substring (a numeric PIN inside a resourceVersion, a year inside a timestamp) does not break clients.
 */
const serverFormats: Array<[(key: string) => boolean, RegExp]> = [
  [(k) => k === "resourceVersion", /^\d+$/],
  [(k) => k === "uid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/],
  [(k) => /(Timestamp|Time|edAt)$/.test(k) || k === "time", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/],
];

function serverMade(key: string, value: string): boolean {
  return serverFormats.some(([keyMatches, format]) => keyMatches(key) && format.test(value));
}

function jsonEscaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

function base64Utf8(text: string): string {
  let binary = "";
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every text form under which `value` may appear (before the length filter). */
export function formsOf(value: string): string[] {
  const trimmed = value.trim();
  const lines = trimmed.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const plain = new Set([value, trimmed, ...(lines.length > 1 ? lines : [])]);
  const forms = new Set<string>();
  for (const p of plain) {
    let form = p;
    for (let level = 0; level <= 3; level++) {
      forms.add(form);
      form = jsonEscaped(form);
    }
  }
  for (const p of new Set([value, trimmed])) forms.add(base64Utf8(p));
  return [...forms];
}

export class Redactor {
  private readonly pattern: RegExp | undefined;

  /** `values` are decoded secret values; `extra` are forms to mask as they are (e.g. a Secret's stored base64). */
  constructor(values: Iterable<string>, extra: Iterable<string> = []) {
    const forms = new Set<string>();
    for (const value of values) for (const form of formsOf(value)) forms.add(form);
    for (const form of extra) forms.add(form);
    const kept = [...forms].filter((f) => f.trim().length >= minRedactedLength);
    // Longest first: at each position the alternation takes the longest value that matches.
    kept.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.pattern = kept.length ? new RegExp(kept.map(escapeRegExp).join("|"), "g") : undefined;
  }

  /** True when there is nothing to hide. */
  get empty(): boolean {
    return !this.pattern;
  }

  /** Whether `text` contains any form of any value. */
  matches(text: string): boolean {
    if (!this.pattern) return false;
    this.pattern.lastIndex = 0;
    return this.pattern.test(text);
  }

  /** Plain text with every form masked. */
  text(text: string): string {
    if (!this.pattern) return text;
    return text.replace(this.pattern, mask);
  }

  /** A parsed JSON value with every string masked (object keys and server-made fields are kept). */
  value<T>(value: T, key = ""): T {
    if (typeof value === "string") return (serverMade(key, value) ? value : this.text(value)) as T;
    if (Array.isArray(value)) return value.map((v) => this.value(v, key)) as T;
    if (value && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.value(v, k);
      return out as T;
    }
    return value;
  }

  /** A JSON document (or one line of a JSON stream), masked; unchanged when no value occurs in it. */
  json(text: string): string {
    if (!this.matches(text)) return text;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON after all: mask the text as it is (every escaped form is a pattern too).
      return this.text(text);
    }
    return JSON.stringify(this.value(parsed));
  }
}
