/**
 * Target arithmetic, exact.
 *
 * A target such as 90% is kept as the exact decimal the clerk typed, a fraction p/q of integers
 * (0.9 → 9/10; 29.5% → 295/1000), never as a binary floating-point number: 7% of 100 villages
 * is exactly 7, although 0.07 × 100 is 7.000000000000001 in floating point.
 *
 * How decimals are compared: a number that comes from Excel (0.9, 0.29) is read through its
 * shortest round-trip decimal form (what Excel shows with enough digits), then compared exactly
 * with the count ratio by cross-multiplication in BigInt. So "≥ 90%" of 143 villages needs
 * 129 (128.7 rounded up), "> 90%" of 143 also 129, and "> 90%" of 100 needs 91.
 */

/** An exact non-negative rational p/q with q > 0. */
export interface ExactFraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export type Comparator = ">=" | ">";

/** A target value as entered: the fraction, and a display form. */
export interface TargetValue {
  readonly fraction: ExactFraction;
  /** The target as a JavaScript number (for display, formats and JSON). */
  readonly value: number;
}

/** Parses a decimal string such as "90", "0.9", "0,9", "1e-3" into an exact fraction; null if not a number. */
export function parseDecimal(text: string): ExactFraction | null {
  const t = text.trim().replace(",", ".");
  const m = /^\+?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) return null;
  const digits = (m[1] || "0") + (m[2] ?? "");
  let scale = (m[2] ?? "").length - Number(m[3] ?? 0);
  let numerator = BigInt(digits);
  if (scale < 0) {
    numerator *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return reduce({ numerator, denominator: 10n ** BigInt(scale) });
}

/** An exact fraction from a JavaScript number via its shortest round-trip decimal. */
export function fractionFromNumber(value: number): ExactFraction | null {
  if (!Number.isFinite(value) || value < 0) return null;
  return parseDecimal(String(value));
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

export function reduce(f: ExactFraction): ExactFraction {
  const g = gcd(f.numerator, f.denominator) || 1n;
  return { numerator: f.numerator / g, denominator: f.denominator / g };
}

export function fractionToNumber(f: ExactFraction): number {
  return Number(f.numerator) / Number(f.denominator);
}

/**
 * Reads a target the way clerks write it: 90%, "90%", "90,5 %", 0.9, "0,9", 90, "90".
 * A number above 1 (or any text without "%" above 1) is a percent; 1 itself means 100%.
 * Returns null when unreadable; the caller reports out-of-range values (> 100%).
 */
export function parseTarget(value: string | number): TargetValue | null {
  let fraction: ExactFraction | null;
  if (typeof value === "number") {
    fraction = fractionFromNumber(value);
    if (fraction && value > 1)
      fraction = reduce({ numerator: fraction.numerator, denominator: fraction.denominator * 100n });
  } else {
    const text = value.trim();
    const percent = /%\s*$/.test(text);
    fraction = parseDecimal(text.replace(/%\s*$/, ""));
    if (fraction && (percent || fraction.numerator > fraction.denominator)) {
      fraction = reduce({ numerator: fraction.numerator, denominator: fraction.denominator * 100n });
    }
  }
  if (!fraction) return null;
  return { fraction, value: fractionToNumber(fraction) };
}

/** Words before a target that say how it is compared, longest first ("đạt trên" before "đạt"). */
const COMPARATOR_PREFIXES: readonly (readonly [string, Comparator])[] = [
  ["đạt trên", ">"],
  ["đạt hơn", ">"],
  ["đạt từ", ">="],
  ["đạt tối thiểu", ">="],
  ["đạt ít nhất", ">="],
  ["không dưới", ">="],
  ["tối thiểu", ">="],
  ["ít nhất", ">="],
  ["at least", ">="],
  ["more than", ">"],
  [">=", ">="],
  ["=>", ">="],
  ["≥", ">="],
  [">", ">"],
  ["trên", ">"],
  ["hơn", ">"],
  ["vượt", ">"],
  ["above", ">"],
  ["over", ">"],
  ["đạt", ">="],
  ["từ", ">="],
];
/** Words after a target that mean "or more". */
const OR_MORE = /\s*(?:trở lên|tro len|or more|\+)$/;

/**
 * Reads a target typed with its comparison, as clerks write it: "trên 90%", "> 90%", "≥ 90%",
 * ">=90%", "đạt 90%", "từ 90% trở lên", "90% trở lên", "phấn đấu đạt trên 90%". `comparator` is
 * null when the text says none (a bare "90%"). Null when no target can be read.
 */
export function parseTargetText(text: string): { target: TargetValue; comparator: Comparator | null } | null {
  let t = text
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .replace(/^phấn đấu\s+/, "");
  let comparator: Comparator | null = null;
  for (const [prefix, c] of COMPARATOR_PREFIXES) {
    if (t.startsWith(prefix) && (/[^a-zà-ỹđ]/.test(prefix) || !/[a-zà-ỹđ]/.test(t.charAt(prefix.length)))) {
      comparator = c;
      t = t.slice(prefix.length).trim();
      break;
    }
  }
  if (OR_MORE.test(t)) {
    comparator ??= ">=";
    t = t.replace(OR_MORE, "").trim();
  }
  const target = parseTarget(t);
  return target ? { target, comparator } : null;
}

/** True when the target is within 0–100%. */
export function isTargetInRange(target: ExactFraction): boolean {
  return target.numerator >= 0n && target.numerator <= target.denominator;
}

/** count/total compared with the target: does it meet the comparator? total 0 never meets. */
export function meetsTarget(
  count: number,
  total: number,
  target: ExactFraction,
  comparator: Comparator,
): boolean {
  if (total <= 0) return false;
  const left = BigInt(count) * target.denominator;
  const right = target.numerator * BigInt(total);
  return comparator === ">" ? left > right : left >= right;
}

/**
 * The smallest whole number of further units that makes (count + n) / total meet the target.
 * 0 when already met; null when no number of units can meet it (e.g. "above 100%"), or when
 * total is 0 (nothing to count).
 */
export function unitsNeeded(
  count: number,
  total: number,
  target: ExactFraction,
  comparator: Comparator,
): number | null {
  if (total <= 0) return null;
  const product = target.numerator * BigInt(total);
  const q = target.denominator;
  // smallest integer m with m*q >= product (>=) or m*q > product (>)
  const required = comparator === ">" ? product / q + 1n : (product + q - 1n) / q;
  if (required > BigInt(total)) return null;
  const needed = required - BigInt(count);
  return needed > 0n ? Number(needed) : 0;
}

/** target − actual rate, as a number (positive: still short). */
export function targetGap(rate: number, target: number): number {
  return target - rate;
}

/** Reads a comparator as clerks write it; null when unrecognised. Blank means "≥". */
export function parseComparator(text: string): Comparator | null {
  const t = text.trim().toLowerCase().normalize("NFC");
  if (
    t === "" ||
    t === "≥" ||
    t === ">=" ||
    t === "=>" ||
    t === "đạt" ||
    t === "dat" ||
    t === "at least" ||
    t === "tối thiểu"
  )
    return ">=";
  if (t === ">" || t === "trên" || t === "tren" || t === "above" || t === "vượt" || t === "hơn") return ">";
  return null;
}
