// Kubernetes resource.Quantity (k8s.io/apimachinery/pkg/api/resource): parsing, exact arithmetic and the
// canonical text the apiserver serializes ("0.5" → "500m", "1024Mi" → "1Gi", "2000" → "2k").
//
// A quantity is held as a bigint count of nano-units: Kubernetes itself keeps nothing finer than 1n (finer
// values round away from zero when parsed), so every quantity is an exact integer number of nanos and no
// floating point is ever involved.

export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_NUMERIC_ERROR = "unable to parse numeric part of quantity";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

/** A malformed quantity; the message is one of Kubernetes' three parse errors. */
export class QuantityParseError extends Error {}

const NANOS_PER_UNIT = 1_000_000_000n;
/** Binary quantities are capped at 2^63-1 when parsed, as Kubernetes does. */
const MAX_BINARY_NANOS = (2n ** 63n - 1n) * NANOS_PER_UNIT;
/** Guard against `1e999999999`: Kubernetes accepts it, but materialising it exactly would be a denial of service. */
const MAX_DECIMAL_DIGITS = 1000;

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SUFFIX_FOR: Record<number, string> = Object.fromEntries(
  Object.entries(DECIMAL_SUFFIXES).map(([suffix, exp]) => [exp, suffix]),
);
const BINARY_SUFFIX_FOR = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

const abs = (n: bigint) => (n < 0n ? -n : n);
const pow10 = (n: number) => 10n ** BigInt(n);

/** Divides rounding away from zero (Kubernetes' RoundUp). */
function divideAwayFromZero(n: bigint, d: bigint): bigint {
  const q = n / d;
  if (q * d === n) return q;
  return n < 0n ? q - 1n : q + 1n;
}

interface ScannedQuantity {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

/** parseQuantityString: sign, integer digits (leading zeros dropped), fraction digits, suffix. */
function scanQuantity(str: string): ScannedQuantity {
  let pos = 0;
  let positive = true;
  if (str[0] === "-" || str[0] === "+") {
    positive = str[0] === "+";
    pos++;
  }
  while (str[pos] === "0") pos++;
  if (pos >= str.length) return { positive, num: "0", denom: "", suffix: "" };
  const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
  let start = pos;
  while (isDigit(str[pos])) pos++;
  const num = str.slice(start, pos) || "0";
  let denom = "";
  if (str[pos] === ".") {
    start = ++pos;
    while (isDigit(str[pos])) pos++;
    denom = str.slice(start, pos);
  }
  const suffixStart = pos;
  while (pos < str.length && "eEinumkKMGTP".includes(str[pos]!)) pos++;
  if (str[pos] === "-" || str[pos] === "+") pos++;
  while (isDigit(str[pos])) pos++;
  if (pos < str.length) throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

/** quantitySuffixer.interpret: which base, exponent and format a suffix stands for. */
function interpretSuffix(suffix: string): { base: 10 | 2; exponent: number; format: QuantityFormat } {
  if (Object.prototype.hasOwnProperty.call(DECIMAL_SUFFIXES, suffix)) {
    return { base: 10, exponent: DECIMAL_SUFFIXES[suffix]!, format: "DecimalSI" };
  }
  if (Object.prototype.hasOwnProperty.call(BINARY_SUFFIXES, suffix)) {
    return { base: 2, exponent: BINARY_SUFFIXES[suffix]!, format: "BinarySI" };
  }
  if (suffix.length > 1 && (suffix[0] === "e" || suffix[0] === "E") && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    const exponent = Number(suffix.slice(1));
    // strconv.ParseInt(…, 64) then int32(): an exponent outside int32 is not meaningful input anyway.
    if (Number.isSafeInteger(exponent) && Math.abs(exponent) <= 2 ** 31 - 1) {
      return { base: 10, exponent, format: "DecimalExponent" };
    }
  }
  throw new QuantityParseError(QUANTITY_SUFFIX_ERROR);
}

/**
 * Whether Kubernetes' fast path keeps the input text as the serialized form (it does so for inputs it deems
 * canonical, quirks included: `1.500k` and `+1` are echoed back verbatim).
 */
function keepsOriginalText(scanned: ScannedQuantity, base: 10 | 2, exponent: number): boolean {
  const { num, denom } = scanned;
  const shifted = num + denom;
  if (base === 2) {
    if (denom.length > 0) return false;
    const precision = 14 - num.length - Math.trunc((exponent * 3) / 10);
    if (precision < 0) return false;
    const value = BigInt(shifted);
    if (value * 2n ** BigInt(exponent) > 2n ** 63n - 1n) return false;
    return (value & 7n) !== 0n;
  }
  const precision = 18 - (num.length + denom.length);
  const scale = exponent - denom.length;
  if (precision < 0 || scale < -9) return false;
  return scale % 3 === 0 && !shifted.endsWith("000") && shifted[0] !== "0";
}

/** An exact, immutable Kubernetes quantity. */
export class Quantity {
  private constructor(
    /** The value in nano-units (10^-9). */
    readonly nanos: bigint,
    readonly format: QuantityFormat,
    /** The input text, when Kubernetes would serialize the quantity as it was written. */
    private readonly text?: string,
  ) {}

  /** resource.ParseQuantity: strict (no surrounding whitespace). Throws QuantityParseError. */
  static parse(input: string): Quantity {
    if (input.length === 0) throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
    if (input === "0") return new Quantity(0n, "DecimalSI", "0");
    const scanned = scanQuantity(input);
    const { base, exponent, format } = interpretSuffix(scanned.suffix);
    const digits = BigInt(scanned.num + scanned.denom);
    const sign = scanned.positive ? 1n : -1n;
    // value = digits × 10^-len(denom) × base^exponent; in nanos that is digits × 10^shift (× 2^exponent).
    const shift = 9 - scanned.denom.length + (base === 10 ? exponent : 0);
    const multiplier = base === 2 ? 2n ** BigInt(exponent) : 1n;
    let nanos: bigint;
    if (shift >= 0) {
      if (shift + scanned.num.length > MAX_DECIMAL_DIGITS) throw new QuantityParseError(QUANTITY_NUMERIC_ERROR);
      nanos = digits * multiplier * pow10(shift);
    } else if (digits === 0n) {
      nanos = 0n;
    } else if (-shift > scanned.num.length + scanned.denom.length + 20) {
      nanos = 1n; // far below one nano: Kubernetes rounds any non-zero value up to 1n
    } else {
      nanos = divideAwayFromZero(digits * multiplier, pow10(-shift));
    }
    let finalFormat = format;
    if (format === "BinarySI") {
      if (nanos > MAX_BINARY_NANOS) nanos = MAX_BINARY_NANOS;
      if (nanos > 0n && nanos < NANOS_PER_UNIT) finalFormat = "DecimalSI";
    }
    const text = keepsOriginalText(scanned, base, exponent) ? input : undefined;
    return new Quantity(sign * nanos, finalFormat, text);
  }

  /** resource.NewQuantity: an integer count (bytes, cores, …). */
  static fromValue(value: bigint | number, format: QuantityFormat = "DecimalSI"): Quantity {
    return new Quantity(BigInt(value) * NANOS_PER_UNIT, format);
  }

  /** resource.NewMilliQuantity. */
  static fromMilli(milli: bigint | number, format: QuantityFormat = "DecimalSI"): Quantity {
    return new Quantity(BigInt(milli) * 1_000_000n, format);
  }

  static fromNanos(nanos: bigint, format: QuantityFormat = "DecimalSI"): Quantity {
    return new Quantity(nanos, format);
  }

  isZero(): boolean {
    return this.nanos === 0n;
  }

  sign(): -1 | 0 | 1 {
    return this.nanos < 0n ? -1 : this.nanos > 0n ? 1 : 0;
  }

  cmp(other: Quantity): -1 | 0 | 1 {
    return this.nanos < other.nanos ? -1 : this.nanos > other.nanos ? 1 : 0;
  }

  equals(other: Quantity): boolean {
    return this.nanos === other.nanos;
  }

  /** Sum; a zero receiver takes the other's format, as Quantity.Add does. */
  add(other: Quantity): Quantity {
    return new Quantity(this.nanos + other.nanos, this.isZero() ? other.format : this.format);
  }

  sub(other: Quantity): Quantity {
    return new Quantity(this.nanos - other.nanos, this.isZero() ? other.format : this.format);
  }

  neg(): Quantity {
    return new Quantity(-this.nanos, this.format);
  }

  /** Quantity.Value(): whole units, rounded away from zero (bytes for memory, cores for cpu). */
  value(): bigint {
    return divideAwayFromZero(this.nanos, NANOS_PER_UNIT);
  }

  /** Quantity.MilliValue(): thousandths, rounded away from zero (millicores). */
  milliValue(): bigint {
    return divideAwayFromZero(this.nanos, 1_000_000n);
  }

  /** An approximate float, for display and ratios only. */
  toNumber(): number {
    const whole = this.nanos / NANOS_PER_UNIT;
    return Number(whole) + Number(this.nanos - whole * NANOS_PER_UNIT) / 1e9;
  }

  /** The serialized form the apiserver writes. */
  toString(): string {
    return this.text ?? canonicalize(this.nanos, this.format);
  }

  toJSON(): string {
    return this.toString();
  }
}

/** CanonicalizeBytes: the largest exact suffix, no fractional digits. */
function canonicalize(nanos: bigint, format: QuantityFormat): string {
  if (nanos === 0n) return "0";
  if (format === "BinarySI") {
    const small = abs(nanos) < 1024n * NANOS_PER_UNIT;
    if (!small && nanos % NANOS_PER_UNIT === 0n) {
      let amount = nanos / NANOS_PER_UNIT;
      let times = 0;
      while (times < BINARY_SUFFIX_FOR.length - 1 && abs(amount) >= 1024n && amount % 1024n === 0n) {
        amount /= 1024n;
        times++;
      }
      return `${amount}${BINARY_SUFFIX_FOR[times]}`;
    }
    format = "DecimalSI"; // below 1024, or not a whole number: show exactly in decimal
  }
  let mantissa = nanos;
  let exponent = -9;
  while (abs(mantissa) >= 10n && mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  while (exponent % 3 !== 0) {
    mantissa *= 10n;
    exponent--;
  }
  if (format === "DecimalSI" && Object.prototype.hasOwnProperty.call(DECIMAL_SUFFIX_FOR, exponent)) {
    return `${mantissa}${DECIMAL_SUFFIX_FOR[exponent]}`;
  }
  return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
}

/** resource.ParseQuantity. Throws QuantityParseError with Kubernetes' message. */
export function parseQuantity(input: string): Quantity {
  return Quantity.parse(input);
}

/**
 * Quantity.UnmarshalJSON: accepts a JSON string (surrounding whitespace trimmed) or a JSON number, as the
 * apiserver does for `cpu: 0.5` in a manifest.
 */
export function quantityFromJSON(value: string | number): Quantity {
  return Quantity.parse(typeof value === "number" ? String(value) : value.trim());
}

export function isValidQuantity(input: string): boolean {
  try {
    Quantity.parse(input);
    return true;
  } catch (e) {
    if (e instanceof QuantityParseError) return false;
    throw e;
  }
}

/** The canonical serialized text of a quantity given as in a manifest ("0.5" → "500m"). */
export function canonicalQuantity(value: string | number): string {
  return quantityFromJSON(value).toString();
}
