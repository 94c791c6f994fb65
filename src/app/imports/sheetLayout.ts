import { isBlank, type CellValue } from "../../core/cells";
import { cellAt, excelColumnOf, excelRowOf, type SheetGrid, type WorkbookGrids } from "../../core/grid";
import type { Issue } from "../../core/issues";
import { findHeaderRow, type HeaderRow } from "../../core/read/headers";
import { readSheet } from "../../core/read/readSheet";
import { SHEET_SPECS } from "../../core/schema/sheets";
import type { TableInfo } from "../../port/writes";

/**
 * Where the data of a standard sheet is, in Excel coordinates: its header row, the columns of the
 * data region, which column holds which field, and which rows hold data. The import uses it to
 * find the rows of a unit (by their provenance cells), to place new rows and columns, and to copy
 * rows from one sheet into another by field.
 */

/** The kinds of standard sheet whose rows an import combines. */
export type DataKind = "villages" | "officeHolders" | "targets";
export const DATA_KINDS: readonly DataKind[] = ["villages", "officeHolders", "targets"];

export type { TableInfo } from "../../port/writes";

export interface SheetLayout {
  readonly grid: SheetGrid;
  readonly kind: DataKind;
  readonly header: HeaderRow;
  /** Excel row of the header. */
  readonly headerRow: number;
  /** Excel columns of the data region (the header's filled cells, or the table holding the header). */
  readonly left: number;
  readonly right: number;
  /** Excel column of each matched field (provenance fields included), by field key. */
  readonly columns: ReadonlyMap<string, number>;
  /** Excel rows below the header with something in the data region, in order. */
  readonly dataRows: readonly number[];
  /** The last of them, or the header row when there is none. */
  readonly lastRow: number;
  /** The right-most filled column of any data row (cells a new column must not claim). */
  readonly usedRight: number;
  /** The table holding the header row, if any. */
  readonly table: TableInfo | null;
}

/** The value at an Excel row and column of a grid. */
export function cellAtExcel(grid: SheetGrid, row: number, column: number): CellValue {
  return cellAt(grid, row - (grid.firstRow ?? 1), column - (grid.firstColumn ?? 1));
}

/** The layout of a sheet whose header row was recognised. */
export function layoutOf(grid: SheetGrid, header: HeaderRow, tables: readonly TableInfo[] = []): SheetLayout {
  const headerRow = excelRowOf(grid, header.rowIndex);
  const columns = new Map<string, number>();
  for (const [key, match] of header.matches) columns.set(key, excelColumnOf(grid, match.index));
  const table =
    tables.find(
      (t) =>
        t.sheet === grid.name &&
        t.top === headerRow &&
        [...columns.values()].every((c) => c >= t.left && c <= t.right),
    ) ?? null;
  let left = Infinity;
  let right = 0;
  const headerCells = grid.rows[header.rowIndex] ?? [];
  headerCells.forEach((v, i) => {
    if (isBlank(v)) return;
    left = Math.min(left, excelColumnOf(grid, i));
    right = Math.max(right, excelColumnOf(grid, i));
  });
  if (table) {
    left = table.left;
    right = table.right;
  }
  const dataRows: number[] = [];
  let usedRight = right;
  for (let r = header.rowIndex + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    let filled = false;
    for (let i = 0; i < row.length; i++) {
      if (isBlank(row[i])) continue;
      const c = excelColumnOf(grid, i);
      if (c >= left && c <= right) filled = true;
      if (c > usedRight) usedRight = c;
    }
    if (filled) dataRows.push(excelRowOf(grid, r));
  }
  return {
    grid,
    kind: header.spec.kind as DataKind,
    header,
    headerRow,
    left,
    right,
    columns,
    dataRows,
    lastRow: dataRows.length > 0 ? dataRows[dataRows.length - 1] : headerRow,
    usedRight,
    table,
  };
}

/** The standard data sheets of a workbook (report sheets left out), with their layouts. */
export function dataLayouts(workbook: WorkbookGrids, tables: readonly TableInfo[] = []): SheetLayout[] {
  const out: SheetLayout[] = [];
  for (const grid of workbook.sheets) {
    if (grid.report) continue;
    const header = findHeaderRow(grid, SHEET_SPECS);
    if (!header || header.spec.kind === "units") continue;
    out.push(layoutOf(grid, header, tables));
  }
  return out;
}

/** A field's cell in a row of a laid-out sheet (blank when the sheet has no such column). */
export function fieldCell(layout: SheetLayout, row: number, key: string): CellValue {
  const column = layout.columns.get(key);
  return column === undefined ? null : cellAtExcel(layout.grid, row, column);
}

/**
 * The rows the reader takes as data (totals rows, captions, the column-number row and rows missing
 * a required value left out), each with the values a merged cell gives it: by field, as the grid
 * holds them, blanks filled from a cell merged down over the row.
 */
export function readerRows(
  file: string,
  layout: SheetLayout,
): { row: number; cells: ReadonlyMap<string, CellValue> }[] {
  const scratch: Issue[] = [];
  const read = readSheet(file, layout.grid, layout.header, scratch);
  const out: { row: number; cells: Map<string, CellValue> }[] = [];
  for (const r of read.rows) {
    const cells = new Map<string, CellValue>();
    for (const key of layout.columns.keys()) {
      let v = fieldCell(layout, r.row, key);
      const filled = r.values[key];
      if (isBlank(v) && (typeof filled === "string" || typeof filled === "number")) v = filled;
      cells.set(key, v);
    }
    out.push({ row: r.row, cells });
  }
  return out;
}
