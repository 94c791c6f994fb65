import { isBlank, isCellDate, isCellError, type CellValue } from "./cells";
import { collapseSpaces, foldKey, memoize } from "./text/normalize";

/**
 * The one yes/no vocabulary, used by the reader's flag columns (`read/readSheet.ts`) and by the
 * NTH functions (`formulas.ts`). Documented in the README and docs/custom-functions.md; anything
 * else is an issue (reader) or a `#VALUE!` (functions) naming its cell.
 *
 * Words are compared after `foldKey`, so case and diacritics do not matter ("CÓ", "có", "Co").
 */
export const FLAG_WORDS: { readonly yes: readonly string[]; readonly no: readonly string[] } = {
  yes: ["true", "1", "x", "có", "c", "yes", "y", "đúng", "rồi", "đã"],
  no: ["false", "0", "không", "k", "no", "n", "sai", "chưa"],
};

/**
 * Marks (not letters) taken as flags, compared exactly after trimming: a dash, common for "no" in
 * Vietnamese tables (the en and em dashes that Word's autocorrect makes of it too), check marks
 * for yes and ballot crosses for no. The emoji forms (with U+FE0F) count as the plain marks.
 *
 * Not taken: "×" (the multiplication sign). Clerks mark "yes" with an "x", and a "×" typed or
 * pasted for it reads as the same mark, yet it is also a cross for "no": it stays an error that
 * names its cell, so the clerk says which.
 */
export const FLAG_MARKS: { readonly yes: readonly string[]; readonly no: readonly string[] } = {
  yes: ["✓", "✔"],
  no: ["-", "–", "—", "✗", "✘"],
};

const YES = new Set(FLAG_WORDS.yes.map(foldKey));
const NO = new Set(FLAG_WORDS.no.map(foldKey));

export type FlagResult =
  | { readonly kind: "blank" }
  | { readonly kind: "flag"; readonly value: boolean }
  | { readonly kind: "invalid"; readonly text: string };

/** Reads a flag cell: blank, yes, no, or invalid (with the text to quote back to the clerk). */
export function parseFlag(value: CellValue): FlagResult {
  if (isBlank(value)) return BLANK;
  if (typeof value === "boolean") return value ? YES_FLAG : NO_FLAG;
  if (typeof value === "number") {
    if (value === 1) return YES_FLAG;
    if (value === 0) return NO_FLAG;
    return { kind: "invalid", text: String(value) };
  }
  if (isCellError(value)) return { kind: "invalid", text: value.code };
  if (isCellDate(value)) return { kind: "invalid", text: value.iso };
  const text = value as string;
  const folded = foldKey(text);
  // Spaces of every kind trimmed, the zero-width ones pasted from the web or Word included.
  const trimmed = collapseSpaces(text);
  // The digits are flags only alone: foldKey drops signs and "%", and "-1", "1%" or "+1" are
  // numbers that are no yes/no answer (the number -1 is refused too).
  if (folded === "1" || folded === "0") {
    if (trimmed === folded) return folded === "1" ? YES_FLAG : NO_FLAG;
    return { kind: "invalid", text: trimmed };
  }
  if (YES.has(folded)) return YES_FLAG;
  if (NO.has(folded)) return NO_FLAG;
  // Marks fold to "" (foldKey keeps letters and digits only): look them up as typed.
  if (folded === "") {
    const mark = MARKS.get(trimmed.replace(/\ufe0f/g, ""));
    if (mark) return mark;
  }
  return { kind: "invalid", text: trimmed };
}

/** How many distinct texts `flagOfText` keeps (exported for its test). */
export const FLAG_TEXTS_LIMIT = 4096;

/**
 * `parseFlag` of a text, each distinct text parsed once: a flag column holds a handful of texts
 * ("x", "Có", "Không") on hundreds of thousands of rows, and parsing one folds it (a new string).
 * Bounded: a full cache is emptied, so a column of distinct junk cannot grow it without limit.
 */
export const flagOfText: (text: string) => FlagResult = memoize((text) => parseFlag(text), FLAG_TEXTS_LIMIT);

// Shared results: a sheet has hundreds of thousands of flags and only these three answers.
const BLANK: FlagResult = Object.freeze({ kind: "blank" });
const YES_FLAG: FlagResult = Object.freeze({ kind: "flag", value: true });
const NO_FLAG: FlagResult = Object.freeze({ kind: "flag", value: false });

const MARKS: ReadonlyMap<string, FlagResult> = new Map<string, FlagResult>([
  ...FLAG_MARKS.yes.map((m) => [m, YES_FLAG] as const),
  ...FLAG_MARKS.no.map((m) => [m, NO_FLAG] as const),
]);
