/**
 * The one rule for rates and targets as clerks write them, used by every NTH function that
 * takes one (TARGET_GAP's actual rate and target, UNITS_NEEDED's target) and by the reader's
 * Targets sheet (`read/records.ts`):
 *
 * - A number from 0 to 1 is a fraction, the way Excel stores a cell formatted as %: 0.9 is 90 %,
 *   1 is 100 %, 0.4755 is 47.55 %.
 * - A number from 2 to 100 is a count of percent: 90 is 90 %, 47.55 is 47.55 %.
 * - A number between 1 and 2 (1.2) is refused: it could be 120 % (a fraction) or 1.2 %; the
 *   message says to write "1,2%" (or 0,012).
 * - A text is read the same way, with "," or "." as the decimal mark; a "%" after the number
 *   makes it a percent whatever its size ("0,5%" is half a percent).
 * - A target's text may carry its comparator: "trên", ">", "hơn" or "đạt trên" before the number
 *   mean strictly above; "đạt", "≥", ">=", "từ", "tối thiểu", "ít nhất", "không dưới" before it,
 *   or "trở lên" after it, mean at least ("phấn đấu đạt trên 90%" is read too). Without one, a
 *   target is "at least" (or what the Targets sheet's So sánh column says).
 * - Below 0 or above 100 % is refused.
 * - Spaces of any kind around the number and the "%" are ignored, zero-width ones included;
 *   full-width digits and "％" read as the ASCII ones (`plainNumberText`).
 *
 * Values are kept exact (fractions of integers), never binary floating point.
 */
import { parseDecimal, reduce, type Comparator, type ExactFraction } from "./targets";

/**
 * A number written as text, with what looks the same to the clerk made the same: zero-width
 * characters (pasted from the web or Word) dropped, and the full-width digits, "％", "，", "．",
 * "＞", "＝" of East Asian input methods made ASCII. A message quoting “90%” as unreadable when it
 * shows as 90% on screen helps no one.
 */
export function plainNumberText(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/[\uff05\uff0b\uff0c\uff0e\uff10-\uff19\uff1d\uff1e]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    );
}

/** A rate or target read from a cell: the exact fraction, and the comparator the text gave. */
export interface RateInput {
  readonly fraction: ExactFraction;
  /** The comparator written in the text ("trên 90%"); null when none was written. */
  readonly comparator: Comparator | null;
}

/** Why a value is not a rate or target. */
export type RateProblem =
  | { readonly problem: "unreadable" }
  | { readonly problem: "outOfRange" }
  /** 1 < x < 2: 120 % or x %? `value` is the number as read. */
  | { readonly problem: "ambiguous"; readonly value: number }
  /** A comparator in a value that takes none (an actual rate). */
  | { readonly problem: "comparatorNotAllowed" };

export function isRateProblem(value: RateInput | RateProblem): value is RateProblem {
  return "problem" in value;
}

// Words before a target that say how it is compared (clerks' and the Targets sheet's: one list).
const ABOVE = [
  "đạt trên",
  "dat tren",
  "đạt hơn",
  "dat hon",
  "trên",
  "tren",
  ">",
  "hơn",
  "hon",
  "vượt",
  "vuot",
  "above",
  "over",
  "more than",
];
const AT_LEAST = [
  "≥",
  ">=",
  "=>",
  "đạt từ",
  "dat tu",
  "đạt tối thiểu",
  "đạt ít nhất",
  "không dưới",
  "khong duoi",
  "đạt",
  "dat",
  "tối thiểu",
  "toi thieu",
  "ít nhất",
  "it nhat",
  "từ",
  "tu",
  "at least",
];
// Longest first, so that ">=" is not read as ">" followed by "=", nor "đạt trên" as "đạt".
const PREFIXES: readonly (readonly [string, Comparator])[] = [
  ...ABOVE.map((w) => [w, ">"] as const),
  ...AT_LEAST.map((w) => [w, ">="] as const),
].sort((a, b) => b[0].length - a[0].length);
/** "phấn đấu đạt trên 90%": the resolution's wording before the comparator. */
const STRIVE = /^(?:phấn đấu|phan dau)\s+/;
/** Words after a target that mean "or more": "90% trở lên", "từ 90% trở lên". */
const OR_MORE = /\s*(?:trở lên|tro len|or more|\+)$/;

const HUNDRED = 100n;

function percentOf(f: ExactFraction): ExactFraction {
  return reduce({ numerator: f.numerator, denominator: f.denominator * HUNDRED });
}

/** The number rule: 0–1 a fraction, 2–100 a percent, between 1 and 2 ambiguous. */
function fromNumberRule(f: ExactFraction): ExactFraction | RateProblem {
  if (f.numerator <= f.denominator) return f;
  if (f.numerator < 2n * f.denominator)
    return { problem: "ambiguous", value: Number(f.numerator) / Number(f.denominator) };
  const percent = percentOf(f);
  return percent.numerator <= percent.denominator ? percent : { problem: "outOfRange" };
}

function splitComparator(text: string): { comparator: Comparator | null; rest: string } {
  // NFC first: the slices below are by the NFC length of the words.
  let t = text.normalize("NFC").trim();
  const strive = STRIVE.exec(t.toLowerCase());
  if (strive) t = t.slice(strive[0].length);
  let comparator: Comparator | null = null;
  const lower = t.toLowerCase();
  for (const [word, c] of PREFIXES) {
    if (!lower.startsWith(word)) continue;
    // A word must end at a space or a digit ("trên90%" is fine, "trênx" is not a comparator).
    if (/\p{L}$/u.test(word) && /^\p{L}/u.test(t.slice(word.length))) continue;
    comparator = c;
    t = t.slice(word.length).trim();
    break;
  }
  if (OR_MORE.test(t.toLowerCase())) {
    comparator ??= ">=";
    t = t.replace(/\s*(?:trở lên|tro len|or more|\+)$/i, "").trim();
  }
  return { comparator, rest: t };
}

/**
 * Reads a rate or target by the one rule. `allowComparator` is true for targets ("trên 90%"),
 * false for actual rates. Numbers come from Excel as they are stored (a 90% cell is 0.9).
 */
export function readRateInput(value: string | number, allowComparator: boolean): RateInput | RateProblem {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { problem: "unreadable" };
    if (value < 0) return { problem: "outOfRange" };
    const f = parseDecimal(String(value));
    if (!f) return { problem: "unreadable" };
    const read = fromNumberRule(f);
    return "problem" in read ? read : { fraction: read, comparator: null };
  }
  const { comparator, rest } = splitComparator(plainNumberText(value));
  if (comparator !== null && !allowComparator) return { problem: "comparatorNotAllowed" };
  if (/^[-−–]/.test(rest)) return { problem: "outOfRange" };
  const percent = /%$/.test(rest);
  const digits = rest.replace(/%$/, "").trim();
  // One decimal mark only; "1.000" style thousands separators make no sense for a rate.
  if (!/^\+?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(digits)) return { problem: "unreadable" };
  const f = parseDecimal(digits);
  if (!f) return { problem: "unreadable" };
  if (percent) {
    const p = percentOf(f);
    return p.numerator <= p.denominator ? { fraction: p, comparator } : { problem: "outOfRange" };
  }
  const read = fromNumberRule(f);
  return "problem" in read ? read : { fraction: read, comparator };
}

/**
 * Reads a comparator on its own (the Targets sheet's So sánh column, UNITS_NEEDED's `strict` as
 * text), with the same words a target's text may start with: "trên", ">" above; "đạt", "≥" at
 * least. Blank means "≥". Null when unrecognised.
 */
export function parseComparator(text: string): Comparator | null {
  const t = text.normalize("NFC").trim().toLowerCase();
  if (t === "") return ">=";
  for (const [word, comparator] of PREFIXES) if (word === t) return comparator;
  return null;
}
