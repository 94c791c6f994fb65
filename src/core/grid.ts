import type { CellValue } from "./cells";

/**
 * A worksheet's used range as plain values: what every reader in the core takes as input.
 * `rows[r][c]` is the cell at Excel row `firstRow + r`, column `firstColumn + c` (both 1-based).
 * Rows may have different lengths; a missing cell is blank.
 */
export interface SheetGrid {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  /** Excel row number of rows[0]; 1 when omitted. */
  readonly firstRow?: number;
  /** Excel column number of rows[r][0]; 1 when omitted. */
  readonly firstColumn?: number;
  /**
   * Merged ranges, when the shell knows them (Excel row and column numbers, inclusive). The value of
   * a merged range is in its top-left cell; the other cells of `rows` are blank.
   */
  readonly merges?: readonly GridRange[];
  /**
   * True for a report sheet the add-in made (marked by a worksheet custom property in Excel, by a
   * `_nth_report_*` defined name in files): never read as data, whatever its headers look like.
   */
  readonly report?: boolean;
  /**
   * Whether the clerk can see the sheet: "hidden" (Format > Hide) or "veryHidden" (only through
   * VBA). Undefined when the shell does not know, which counts as visible.
   */
  readonly visibility?: SheetVisibility;
}

/** A sheet's visibility, as Excel stores it (`state` in the workbook part, `visibility` in Office.js). */
export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** Prefix of the defined names that mark report sheets in .xlsx files (ExcelJS cannot write sheet properties). */
export const REPORT_NAME_PREFIX = "_nth_report_";

/** A rectangle of cells in Excel row and column numbers (1-based, inclusive). */
export interface GridRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A workbook as the core sees it: its sheets, and a label (usually the file name) for messages. */
export interface WorkbookGrids {
  /** File name or workbook label, used in issues; empty for the open workbook in Excel. */
  readonly file: string;
  readonly sheets: readonly SheetGrid[];
}

export function cellAt(grid: SheetGrid, r: number, c: number): CellValue {
  const row = grid.rows[r];
  if (!row) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

export function excelRowOf(grid: SheetGrid, r: number): number {
  return (grid.firstRow ?? 1) + r;
}

export function excelColumnOf(grid: SheetGrid, c: number): number {
  return (grid.firstColumn ?? 1) + c;
}
