import { a1 } from "../a1";
import { cellText, isBlank, isCellDate, isCellError, type CellValue } from "../cells";
import { parseFlag } from "../flags";
import type { SheetGrid } from "../grid";
import { cellAt, excelColumnOf, excelRowOf } from "../grid";
import { issue, type Issue } from "../issues";
import type { ColumnSpec, SheetSpec } from "../schema/sheets";
import { collapseSpaces, foldKey } from "../text/normalize";
import type { HeaderRow } from "./headers";

/** A field value after the column's type was applied. `raw` columns keep the cell (errors removed). */
export type FieldValue = string | number | boolean | CellValue | null;

export interface ReadRow {
  /** Excel row number (1-based). */
  readonly row: number;
  readonly values: Readonly<Record<string, FieldValue>>;
}

export interface SheetRead {
  readonly spec: SheetSpec;
  readonly file: string;
  readonly sheet: string;
  /** Excel row number of the header row. */
  readonly headerRow: number;
  /** Excel column number of each matched column, by column key. */
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: readonly ReadRow[];
  /** False when a required column is missing: the rows are then not usable. */
  readonly usable: boolean;
}

/** Words that mark a totals row in a clerk's sheet; such rows are skipped, not counted as a village. */
const TOTAL_ROW_WORDS = new Set(["tongcong", "tong", "cong", "total", "grandtotal", "tongso"]);

const INTEGER_TEXT = /^[+-]?\d+(?:[.,]0+)?$/;
const NUMBER_TEXT = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;

/**
 * Reads the data rows under a recognised header row. Never throws on data: every problem is pushed
 * to `issues` with its cell. Blank rows and totals rows are skipped; a row missing a required value
 * is reported and skipped.
 */
export function readSheet(file: string, grid: SheetGrid, header: HeaderRow, issues: Issue[]): SheetRead {
  const { spec } = header;
  const columns = new Map<string, number>();
  const indexes: { column: ColumnSpec; index: number }[] = [];
  for (const [key, match] of header.matches) {
    columns.set(key, excelColumnOf(grid, match.index));
    indexes.push(match);
  }
  const headerRow = excelRowOf(grid, header.rowIndex);
  const place = (row: number, index: number) => ({ file, sheet: grid.name, cell: a1(row, excelColumnOf(grid, index)) });

  for (const dup of header.duplicates) {
    const first = header.matches.get(dup.column.key)!;
    issues.push(
      issue("duplicate-column", place(headerRow, dup.index), {
        column: dup.column.vi,
        columnEn: dup.column.en,
        first: a1(headerRow, excelColumnOf(grid, first.index)),
      }),
    );
  }
  let usable = true;
  for (const column of spec.columns) {
    if (column.required && !header.matches.has(column.key)) {
      usable = false;
      issues.push(
        issue(
          "missing-column",
          { file, sheet: grid.name, cell: a1(headerRow, excelColumnOf(grid, 0)) },
          { column: column.vi, columnEn: column.en, sheet: grid.name },
        ),
      );
    }
  }
  if (!usable) return { spec, file, sheet: grid.name, headerRow, columns, rows: [], usable };

  const rows: ReadRow[] = [];
  for (let r = header.rowIndex + 1; r < grid.rows.length; r++) {
    const excelRow = excelRowOf(grid, r);
    if (isBlankRow(grid, r, indexes) || isTotalsRow(grid, r, indexes)) continue;
    const values: Record<string, FieldValue> = {};
    let complete = true;
    for (const { column, index } of indexes) {
      const cell = cellAt(grid, r, index);
      const value = readField(cell, column, place(excelRow, index), issues);
      values[column.key] = value;
      if (column.required && (value === null || value === "")) {
        complete = false;
        if (!isCellError(cell)) {
          issues.push(issue("missing-value", place(excelRow, index), { column: column.vi, columnEn: column.en }));
        }
      }
    }
    if (complete) rows.push({ row: excelRow, values });
  }
  return { spec, file, sheet: grid.name, headerRow, columns, rows, usable };
}

function isBlankRow(grid: SheetGrid, r: number, indexes: readonly { index: number }[]): boolean {
  return indexes.every(({ index }) => isBlank(cellAt(grid, r, index)));
}

function isTotalsRow(grid: SheetGrid, r: number, indexes: readonly { column: ColumnSpec; index: number }[]): boolean {
  return indexes.some(({ column, index }) => {
    if (column.type !== "text") return false;
    const v = cellAt(grid, r, index);
    return typeof v === "string" && TOTAL_ROW_WORDS.has(foldKey(v));
  });
}

type Place = { file: string; sheet: string; cell: string };

/** Applies a column's type to one cell. Returns null (and records an issue) for unusable values. */
export function readField(cell: CellValue, column: ColumnSpec, place: Place, issues: Issue[]): FieldValue {
  if (isCellError(cell)) {
    issues.push(issue("excel-error", place, { code: cell.code, column: column.vi, columnEn: column.en }));
    return null;
  }
  if (typeof cell === "string" && /^#[A-Z0-9/]+[!?A]$/.test(cell.trim()) && cell.trim().length <= 14) {
    // Office.js hands error values over as their text; treat a cell that is exactly an error code as one.
    const code = cell.trim();
    if (/^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/.test(code)) {
      issues.push(issue("excel-error", place, { code, column: column.vi, columnEn: column.en }));
      return null;
    }
  }
  if (isBlank(cell)) return null;
  switch (column.type) {
    case "raw":
      return cell;
    case "text":
      return readText(cell, column, place, issues);
    case "flag": {
      const flag = parseFlag(cell);
      if (flag.kind === "flag") return flag.value;
      if (flag.kind === "invalid") {
        issues.push(issue("bad-flag", place, { text: flag.text, column: column.vi, columnEn: column.en }));
      }
      return null;
    }
    case "count":
      return readCount(cell, column, place, issues);
    case "year":
      return readYear(cell, place, issues);
  }
}

function readText(cell: CellValue, column: ColumnSpec, place: Place, issues: Issue[]): string {
  if (typeof cell === "string") return collapseSpaces(cell);
  if (typeof cell === "number") return String(cell);
  const text = cellText(cell);
  issues.push(issue("not-text", place, { text, column: column.vi, columnEn: column.en }));
  return text;
}

function readCount(cell: CellValue, column: ColumnSpec, place: Place, issues: Issue[]): number | null {
  const params = { text: cellText(cell), column: column.vi, columnEn: column.en };
  let n: number;
  if (typeof cell === "number") {
    n = cell;
  } else if (typeof cell === "string" && INTEGER_TEXT.test(cell.trim())) {
    n = Number(cell.trim().replace(/[.,]0+$/, ""));
    issues.push(issue("number-as-text", place, params));
  } else {
    issues.push(issue("bad-count", place, params));
    return null;
  }
  if (!Number.isInteger(n) || n < 0) {
    issues.push(issue("bad-count", place, params));
    return null;
  }
  return n;
}

function readYear(cell: CellValue, place: Place, issues: Issue[]): number | null {
  let n = NaN;
  if (typeof cell === "number") n = cell;
  else if (typeof cell === "string" && NUMBER_TEXT.test(cell.trim())) n = Number(cell.trim());
  else if (isCellDate(cell)) n = Number(cell.iso.slice(0, 4));
  if (Number.isInteger(n) && n >= 1900 && n <= 2100) return n;
  issues.push(issue("bad-year", place, { text: cellText(cell) }));
  return null;
}
