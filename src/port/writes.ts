import { a1Range, columnLetters } from "../core/a1";
import type { CellValue } from "../core/cells";
import type { Message } from "../core/issues";

/**
 * The writes the workflows (src/app) ask of a workbook, as plain descriptions: new standard sheets
 * with their drop-downs, the edits of an import, the add-in's own sheets, the summary chart. Pure
 * data (no Office.js): the one Office.js applier (src/excel/applier.ts and the writers beside it)
 * applies them; tests look at them directly. Report sheets are described in src/report.
 */

/** The kinds of sheet the add-in can create blank. */
export type StandardSheetKind = "villages" | "officeHolders" | "targets" | "settings" | "instructions";

/** Excel's last row. */
const LAST_ROW = 1048576;

/** A drop-down or a bound on whole numbers, for one column of a table below its header (lists ≤ 255 characters). */
export type ValidationRule =
  | { readonly kind: "list"; readonly values: readonly string[] }
  /** A list read from cells of the workbook, e.g. ='Hướng dẫn'!$A$20:$A$35. */
  | { readonly kind: "listFormula"; readonly formula: string }
  | { readonly kind: "wholeNumber"; readonly min: number; readonly max: number };

export interface ColumnValidation {
  /** 1-based column. */
  readonly column: number;
  /** None: any value, with the prompt only. */
  readonly rule?: ValidationRule;
  /** Shown when the clerk selects a cell of the column. */
  readonly prompt: Message;
  /** Only this row (1-based); by default every row below the header. */
  readonly row?: number;
}

export interface NewSheet {
  readonly kind: StandardSheetKind;
  /** A free sheet name (≤ 31 characters). */
  readonly name: string;
  /** Rows of text from A1 (text only: every value is written as text). */
  readonly rows: readonly (readonly string[])[];
  /** An Excel table over the header row (row 1) and the rows below, or null. */
  readonly table: { readonly name: string; readonly style: string } | null;
  /** Rows set in bold (1-based), beyond a table's own header style. */
  readonly boldRows: readonly number[];
  /** Largest text rows (1-based) set as a title. */
  readonly titleRows: readonly number[];
  /** Column widths in characters. */
  readonly columnWidths: readonly number[];
  /** Number formats of whole columns below the header ("@" text, "0%"…), 1-based columns. */
  readonly columnFormats: readonly { readonly column: number; readonly format: string }[];
  readonly validations: readonly ColumnValidation[];
  /** Rows frozen at the top. */
  readonly freezeRows: number;
  /** Wrap text in these columns (1-based). */
  readonly wrapColumns: readonly number[];
}

/** The range a column validation covers: the whole column below the header, or its one row. */
export function validationRange(v: ColumnValidation): string {
  const col = columnLetters(v.column);
  return v.row ? `${col}${v.row}` : `${col}2:${col}${LAST_ROW}`;
}

/** "A1:M1": the header row of a sheet's table. */
export function headerAddress(sheet: NewSheet): string {
  return a1Range(1, 1, 1, sheet.rows[0].length);
}

/** Rows written at a place: `rows[i][j]` goes to (top + i, left + j); null leaves a cell as it is. */
export interface RowBlock {
  readonly top: number;
  readonly left: number;
  readonly rows: readonly (readonly CellValue[])[];
}

/** Changes to one existing (or just created) standard sheet, in the order the applier applies them. */
export interface SheetEdit {
  readonly sheet: string;
  /** Excel row of the header (new columns' headers go there). */
  readonly headerRow: number;
  /** The Excel table holding the header row, if any: columns and rows are added through it. */
  readonly table: string | null;
  /** New columns right of the data region (Excel columns, consecutive), with their headers. */
  readonly addColumns: readonly { readonly column: number; readonly header: string }[];
  /** Rows written over rows of the replaced units (the same places). */
  readonly writes: readonly RowBlock[];
  /** Rows of replaced units left over, deleted (cells shift up within the data region), bottom first. */
  readonly deletes: readonly {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
  }[];
  /**
   * Rows added below the data, after the deletes: the first `rows.length - viaTable` written at
   * `top`, the last `viaTable` added to the end of the table (so that the table grows).
   */
  readonly append: (RowBlock & { readonly viaTable: number }) | null;
}

/** An add-in's own sheet (a combined copy, the import log), written whole. */
export interface OwnSheet {
  readonly name: string;
  readonly mark: string;
  /** True when the sheet is there (it is cleared and rewritten), false when it is to be added. */
  readonly exists: boolean;
  readonly rows: readonly (readonly CellValue[])[];
  readonly columnWidths: readonly number[];
  /** Drop-downs of whole columns below the header (the import log's review column). */
  readonly validations?: readonly ColumnValidation[];
}

/** What an import writes, in order: standard sheets to create, edits of standard sheets, own sheets. */
export interface ImportApply {
  /** Standard sheets to create first (with the provenance columns), as the create button would. */
  readonly create: readonly NewSheet[];
  readonly edits: readonly SheetEdit[];
  readonly ownSheets: readonly OwnSheet[];
}

/**
 * The native chart added to the summary sheet: the consolidation rate of each unit one level down
 * (columns) with its target (a line). Its data is a small block of formulas to the right of the
 * table (=B8, =E8, the target or #N/A), outside the print area.
 */
export interface ChartPlan {
  /** Cells of the data block from `blockTopLeft`: text and formulas (strings starting with "="). */
  readonly block: readonly (readonly string[])[];
  readonly blockAddress: string;
  readonly categories: string;
  readonly rates: string;
  readonly targets: string;
  /** Number formats of the block (same shape as `block`). */
  readonly formats: readonly (readonly string[])[];
  readonly title: string;
  readonly rateName: string;
  readonly targetName: string;
  /** Top-left and bottom-right cells of the chart. */
  readonly position: { readonly start: string; readonly end: string };
}

/** An Excel table on a sheet (1-based, inclusive; `top` is the header row). */
export interface TableInfo {
  readonly name: string;
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A text cell of an existing sheet to write (as text), or null to clear it. */
export interface CellWrite {
  readonly address: string;
  readonly value: string | null;
}
