/**
 * The cell values the core understands. Shells (Office.js, ExcelJS, the demo workbook) convert
 * whatever their library returns into these before calling the core, so the core never sees a
 * library type.
 */

/** An Excel error value such as `#N/A` or `#REF!`. */
export interface CellError {
  readonly kind: "error";
  /** The error as Excel shows it, e.g. `#N/A`. */
  readonly code: string;
}

/** A date typed into a cell (ExcelJS returns these for date-formatted cells). */
export interface CellDate {
  readonly kind: "date";
  /** ISO 8601 date, e.g. `2021-09-19`. */
  readonly iso: string;
}

export type CellValue = string | number | boolean | null | CellError | CellDate;

export const EXCEL_ERROR_CODES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#UNKNOWN!",
  "#PYTHON!",
] as const;

const errorCodes: ReadonlySet<string> = new Set(EXCEL_ERROR_CODES);

export function cellError(code: string): CellError {
  return { kind: "error", code };
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && value.kind === "error";
}

export function isCellDate(value: CellValue): value is CellDate {
  return typeof value === "object" && value !== null && value.kind === "date";
}

/** True for a string that Excel would display as an error value (Office.js returns errors as strings). */
export function isErrorText(text: string): boolean {
  return errorCodes.has(text.trim().toUpperCase());
}

/** Blank: null, or a string of whitespace only (including non-breaking and zero-width spaces). */
export function isBlank(value: CellValue): boolean {
  if (value === null) return true;
  if (typeof value !== "string") return false;
  // A scan that stops at the first visible character: most cells are decided by their first one.
  for (let i = 0; i < value.length; i++) if (!isBlankCode(value.charCodeAt(i))) return false;
  return true;
}

/** The characters `isBlank` ignores: JavaScript's \s (spaces and line breaks) and the zero-width space. */
function isBlankCode(c: number): boolean {
  // Printable ASCII first: the first character of most cells, decided in two comparisons.
  if (c > 32 && c < 0xa0) return false;
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The text a clerk sees in the cell, for messages and for text fields. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value.kind === "error") return value.code;
  return value.iso;
}

/**
 * The text Excel shows for a number formatted as a percentage: 1.2 → "120%", 0.905 → "90.5%".
 * Shells give such cells to the core as this text, so a target typed "120%" reads as 120% (out of
 * range), not as the plain number 1.2. The decimal point is moved in the number's shortest decimal
 * form, so no binary rounding creeps in (0.905 × 100 would be 90.50000000000001).
 */
export function percentText(value: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m) return `${value * 100}%`;
  const digits = m[2] + (m[3] ?? "");
  const point = m[2].length + Number(m[4] ?? 0) + 2;
  const padded =
    point > digits.length ? digits.padEnd(point, "0") : point < 0 ? "0".repeat(-point) + digits : digits;
  const at = Math.max(point, 0);
  const whole = padded.slice(0, at).replace(/^0+(?=\d)/, "") || "0";
  const fraction = padded.slice(at).replace(/0+$/, "");
  return `${m[1]}${whole}${fraction ? `.${fraction}` : ""}%`;
}
