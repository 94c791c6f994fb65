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
  if (isBlank(value)) return { kind: "blank" };
  if (typeof value === "boolean") return { kind: "flag", value };
  if (typeof value === "number") {
    if (value === 1) return { kind: "flag", value: true };
    if (value === 0) return { kind: "flag", value: false };
    return { kind: "invalid", text: String(value) };
  }
  if (isCellError(value)) return { kind: "invalid", text: value.code };
  if (isCellDate(value)) return { kind: "invalid", text: value.iso };
  const folded = foldKey(value as string);
  if (YES.has(folded)) return { kind: "flag", value: true };
  if (NO.has(folded)) return { kind: "flag", value: false };
  return { kind: "invalid", text: (value as string).trim() };
}
