/**
 * Target arithmetic, exact.
 *
 * How a rate or target is read from what the clerk typed (0.9, 90%, 90, "trên 90%") is the one
 * rule of `rateInput.ts`; this module does the arithmetic on what it reads.
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
