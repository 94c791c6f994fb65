import { isBlank, isCellDate, isCellError, type CellValue } from "./cells";
import { foldKey } from "./text/normalize";

/**
 * Yes/no flags as clerks type them. Documented in the README; anything else is an issue at the cell.
 * Compared after `foldKey`, so case and diacritics do not matter ("CÓ", "có", "Co").
 */
export const FLAG_WORDS: { readonly yes: readonly string[]; readonly no: readonly string[] } = {
  yes: ["true", "1", "x", "có", "c", "yes", "y", "đúng", "rồi", "đã"],
  no: ["false", "0", "không", "k", "no", "n", "sai", "chưa"],
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
  const folded = foldKey(value as string);
  if (YES.has(folded)) return YES_FLAG;
  if (NO.has(folded)) return NO_FLAG;
  return { kind: "invalid", text: (value as string).trim() };
}

// Shared results: a sheet has hundreds of thousands of flags and only these three answers.
const BLANK: FlagResult = Object.freeze({ kind: "blank" });
const YES_FLAG: FlagResult = Object.freeze({ kind: "flag", value: true });
const NO_FLAG: FlagResult = Object.freeze({ kind: "flag", value: false });
