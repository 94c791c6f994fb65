/**
 * Excel addresses. Rows and columns here are 1-based, as Excel shows them; grids in the core are
 * 0-based arrays, and `SheetGrid` carries the offset between the two.
 */

/** A 1-based Excel row number (row 1 is the first row of the sheet). */
export type ExcelRow = number & { readonly __brand: "ExcelRow" };
/** A 1-based Excel column number (column 1 is A). */
export type ExcelColumn = number & { readonly __brand: "ExcelColumn" };

export function excelRow(n: number): ExcelRow {
  return n as ExcelRow;
}
export function excelColumn(n: number): ExcelColumn {
  return n as ExcelColumn;
}

/** 1 → A, 27 → AA, 16384 → XFD. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A → 1, AA → 27. Returns NaN for anything that is not column letters. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return NaN;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** (3, 2) → "B3". */
export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** "B3:D10" from two corners. */
export function a1Range(top: number, left: number, bottom: number, right: number): string {
  const start = a1(top, left);
  const end = a1(bottom, right);
  return start === end ? start : `${start}:${end}`;
}

/** Parses "B3" into 1-based row and column; null when it is not a single-cell address. */
export function parseA1(address: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

/** Quotes a sheet name for use in a formula or hyperlink: 'Thôn xóm'!A1. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
