import { a1 } from "../a1";
import { cellText, isBlank, isCellDate, isCellError, type CellValue } from "../cells";
import { flagOfText, parseFlag } from "../flags";
import type { SheetGrid } from "../grid";
import { cellAt, excelColumnOf, excelRowOf } from "../grid";
import { issue, type Issue, type SkippedRowKind } from "../issues";
import type { ColumnSpec, SheetSpec } from "../schema/sheets";
import { displayName } from "../text/normalize";
import type { HeaderRow } from "./headers";
import { RowClassifier } from "./rows";

/** A field value after the column's type was applied. `raw` columns keep the cell (errors removed). */
export type FieldValue = string | number | boolean | CellValue | null;

export interface ReadRow {
  /** Excel row number (1-based). */
  readonly row: number;
  readonly values: Readonly<Record<string, FieldValue>>;
}

/**
 * A data row as `forEachRow` hands it over: the field values by slot (`SheetRead.slot`), so that a
 * row is filled by index. (A values object filled by key made its store megamorphic: at country
 * size 4.8 million slow keyed stores.)
 */
export interface RowFields {
  /** Excel row number (1-based). */
  readonly row: number;
  /** The value of each matched column, at its slot; the last slot is null (that of absent columns). */
  readonly fields: readonly FieldValue[];
}

export interface SheetRead {
  readonly spec: SheetSpec;
  readonly file: string;
  readonly sheet: string;
  /** Excel row number of the header row. */
  readonly headerRow: number;
  /** Excel column number of each matched column, by column key. */
  readonly columns: ReadonlyMap<string, number>;
  /**
   * The data rows, each its own object, read when first iterated (once): each row's problems are
   * reported then. For callers that keep rows; the records are made through `forEachRow`.
   */
  readonly rows: Iterable<ReadRow>;
  /**
   * Reads the data rows (once; `rows` then yields nothing), calling `visit` for each with ONE row
   * object reused for every row: its `row` and `fields` are overwritten before each call, so a
   * visitor copies what it keeps. Each row's problems are reported while it is read. No object per
   * row: at country size that was 300,000 row objects and as many value objects made for a moment.
   */
  forEachRow(visit: (row: RowFields) => void): void;
  /**
   * The slot of a column's value in `RowFields.fields`; for a column the sheet lacks, the last slot,
   * which is always null (as a blank cell reads).
   */
  slot(key: string): number;
  /** False when a required column is missing: the rows are then not usable. */
  readonly usable: boolean;
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;

/** Rows of one kind one sheet skipped (Excel row numbers), for the JSON summary. */
export interface SkippedRows {
  readonly file: string;
  readonly sheet: string;
  readonly kind: SkippedRowKind;
  readonly rows: readonly number[];
}

/**
 * Reads the data rows under a recognised header row. Never throws on data: every problem is pushed
 * to `issues` with its cell. Every row is classified (rows.ts): blank rows are skipped without a
 * word; repeated headers, numbering, headings, subtotals and totals, notes are skipped and listed in
 * one information line per kind; a commune heading supplies the commune of the rows under it whose
 * commune cell is empty. A data row missing a required value is reported and skipped.
 *
 * `displayRows`: the rows the clean pass just found in display form (`displayFormRows`), one bit
 * per row of this grid as it is now; a text or raw cell of such a row is taken as it is. Without
 * them (or with bits for another number of rows) every cell is read through `readField`.
 */
export function readSheet(
  file: string,
  grid: SheetGrid,
  header: HeaderRow,
  issues: Issue[],
  skippedRows?: SkippedRows[],
  displayRows?: Uint8Array,
): SheetRead {
  const { spec } = header;
  const columns = new Map<string, number>();
  const indexes: { column: ColumnSpec; index: number }[] = [];
  const slots = new Map<string, number>();
  for (const [key, match] of header.matches) {
    columns.set(key, excelColumnOf(grid, match.index));
    slots.set(key, indexes.length);
    indexes.push(match);
  }
  const slot = (key: string): number => slots.get(key) ?? indexes.length;
  const headerRow = excelRowOf(grid, header.rowIndex);
  const place = (row: number, index: number) => ({
    file,
    sheet: grid.name,
    cell: a1(row, excelColumnOf(grid, index)),
  });

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
  if (!usable)
    return { spec, file, sheet: grid.name, headerRow, columns, rows: [], forEachRow() {}, slot, usable };

  let read = false;
  function readRows(visit: (row: RowFields) => void): void {
    if (read) return;
    read = true;
    const at = new CellCursor(file, grid);
    const mergedDown = mergedDownValues(grid, header.rowIndex, indexes);
    const classifier = new RowClassifier(grid, header, indexes);
    const skipped = new Map<SkippedRowKind, number[]>();
    // -1 when the sheet has no commune column: always a number, so the compare with each cell's
    // column index stays one of numbers (undefined here deoptimised the loop once per run).
    const communeIndex = header.matches.get("commune")?.index ?? -1;
    // Each column's `required`, read once: columns of different sheets are objects of different
    // shapes, and reading the flag from them cell by cell deoptimised the loop once per run.
    const required = Uint8Array.from(indexes, (i) => (i.column.required ? 1 : 0));
    // Columns whose text reads as itself when it is in display form, does not begin with "#" (an
    // error code's text) and is not empty: "text" (`readText` applies `displayName`) and "raw".
    const asIs = Uint8Array.from(indexes, (i) =>
      i.column.type === "text" || i.column.type === "raw" ? 1 : 0,
    );
    // Each column's grid index, read once: the match objects are loaded only for a cell read the
    // long way.
    const gridIndex = Int32Array.from(indexes, (i) => i.index);
    // The rows the clean pass found in display form (one bit per row), when the caller gave them
    // for this grid as it is now (one bit per row it has); otherwise every row is read the long way.
    const display =
      displayRows !== undefined && displayRows.length === (grid.rows.length + 7) >> 3
        ? displayRows
        : new Uint8Array((grid.rows.length + 7) >> 3);
    let headingCommune: string | null = null;
    let headingStyle = "";
    // One fields array for every row: each row overwrites every slot but the last, always null (the
    // visitor copies what it keeps).
    const fields: FieldValue[] = [];
    for (let k = 0; k <= indexes.length; k++) fields.push(null);
    const current: { row: number; fields: FieldValue[] } = { row: 0, fields };
    // Each column's last text that read without an issue, and its value: a column repeats its
    // province, commune, gender or qualification row after row, and a text equal to the one above
    // reads to the same value (`readField` is a function of the cell and the column, but for the
    // issues it reports, and a text that reported one is not kept).
    const lastText: (string | null)[] = [];
    const lastValue: FieldValue[] = [];
    for (let k = 0; k < indexes.length; k++) {
      lastText.push(null);
      lastValue.push(null);
    }
    for (let r = header.rowIndex + 1; r < grid.rows.length; r++) {
      const kind = classifier.classify(r);
      if (kind === "blank") continue;
      const excelRow = excelRowOf(grid, r);
      if (kind !== "data") {
        // The numbering row right under the header is part of the header: skipped without a word.
        if (kind === "numbering" && r === header.rowIndex + 1) continue;
        if (kind === "heading") {
          // A commune heading supplies its commune until a heading of the same rank or above, or a total.
          const heading = classifier.heading(r);
          if (heading.commune !== null) {
            headingCommune = heading.commune;
            headingStyle = heading.style;
          } else if (heading.above || heading.style === headingStyle) headingCommune = null;
        }
        if (kind === "total") headingCommune = null;
        let rows = skipped.get(kind);
        if (!rows) skipped.set(kind, (rows = []));
        rows.push(excelRow);
        continue;
      }
      let complete = true;
      at.row = excelRow;
      const row = grid.rows[r];
      const inDisplayForm = (display[r >> 3] & (1 << (r & 7))) !== 0;
      for (let k = 0; k < gridIndex.length; k++) {
        const index = gridIndex[k];
        let cell = row[index] ?? null;
        // A text of a row in display form reads as itself (`readField` would scan it to say so): it
        // is no error code, not blank (so nothing is merged or carried into it), and no issue.
        if (
          inDisplayForm &&
          asIs[k] === 1 &&
          typeof cell === "string" &&
          cell.length !== 0 &&
          cell.charCodeAt(0) !== 35
        ) {
          fields[k] = cell;
          continue;
        }
        if (mergedDown && isBlank(cell)) cell = mergedDown.get(index)?.get(r) ?? cell;
        // A commune heading row ("Xã Yên Lỗ") above rows whose commune cell is empty gives them its commune.
        if (index === communeIndex && headingCommune !== null && isBlank(cell)) cell = headingCommune;
        const column = indexes[k].column;
        let value: FieldValue;
        // An empty cell (after the merged and heading values) reads as null whatever the column,
        // with no issue, as `readField` reads it (the empty ID, qualification and note cells of most
        // rows), without the call.
        if (cell === null) value = null;
        else if (typeof cell === "string" && cell === lastText[k]) value = lastValue[k];
        else {
          at.index = index;
          const reported = issues.length;
          value = readField(cell, column, at, issues);
          if (typeof cell === "string") {
            const clean = issues.length === reported;
            lastText[k] = clean ? cell : null;
            lastValue[k] = clean ? value : null;
          }
        }
        fields[k] = value;
        if (required[k] === 1 && (value === null || value === "")) {
          complete = false;
          if (!isCellError(cell)) {
            issues.push(
              issue("missing-value", place(excelRow, index), { column: column.vi, columnEn: column.en }),
            );
          }
        }
      }
      if (complete) {
        current.row = excelRow;
        visit(current);
      }
    }
    for (const [kind, rows] of skipped) {
      issues.push(skippedRowsIssue(file, grid, kind, rows));
      skippedRows?.push({ file, sheet: grid.name, kind, rows });
    }
  }
  const rows: Iterable<ReadRow> = {
    [Symbol.iterator]: () => {
      const out: ReadRow[] = [];
      readRows((r) => {
        const values: Record<string, FieldValue> = {};
        for (let k = 0; k < indexes.length; k++) values[indexes[k].column.key] = r.fields[k];
        out.push({ row: r.row, values });
      });
      return out[Symbol.iterator]();
    },
  };
  return { spec, file, sheet: grid.name, headerRow, columns, rows, forEachRow: readRows, slot, usable };
}

/**
 * Clerks type a commune once in a cell merged down over its villages; Excel keeps the value in the
 * top cell only. Each row under a merged cell of the data area takes that value, in the merged
 * range's first column (grid column index → grid row index → value). Ranges that begin at or above
 * the header row are not data. Null when there is nothing to fill.
 */
function mergedDownValues(
  grid: SheetGrid,
  headerIndex: number,
  indexes: readonly { index: number }[],
): Map<number, Map<number, CellValue>> | null {
  if (!grid.merges || grid.merges.length === 0) return null;
  const read = new Set(indexes.map((i) => i.index));
  const firstRow = grid.firstRow ?? 1;
  const firstColumn = grid.firstColumn ?? 1;
  let filled: Map<number, Map<number, CellValue>> | null = null;
  for (const m of grid.merges) {
    const top = m.top - firstRow;
    const column = m.left - firstColumn;
    if (m.bottom <= m.top || top <= headerIndex || !read.has(column)) continue;
    const value = cellAt(grid, top, column);
    if (isBlank(value)) continue;
    filled ??= new Map();
    let rows = filled.get(column);
    if (!rows) filled.set(column, (rows = new Map()));
    const last = Math.min(m.bottom - firstRow, grid.rows.length - 1);
    for (let r = top + 1; r <= last; r++) rows.set(r, value);
  }
  return filled;
}

/** How many row numbers a skipped-rows line lists before "…". */
const LISTED_ROWS = 20;

/** One information line for the rows of one kind a sheet skipped, at the first of them. */
function skippedRowsIssue(
  file: string,
  grid: SheetGrid,
  kind: SkippedRowKind,
  rows: readonly number[],
): Issue {
  const listed = rows.slice(0, LISTED_ROWS).join(", ") + (rows.length > LISTED_ROWS ? ", …" : "");
  return issue(
    "rows-skipped",
    { file, sheet: grid.name, cell: a1(rows[0], excelColumnOf(grid, 0)) },
    { sheet: grid.name, kind, count: rows.length, rows: listed },
  );
}

type Place = { file: string; sheet: string; cell: string };

/** Where the cell being read is; made into an issue's place only when there is an issue to report. */
export interface CellPlace {
  place(): Place;
}

/** The reader's position in a sheet, moved cell by cell without allocating a place per cell. */
class CellCursor implements CellPlace {
  row = 0;
  index = 0;
  constructor(
    private readonly file: string,
    private readonly grid: SheetGrid,
  ) {}
  place(): Place {
    return {
      file: this.file,
      sheet: this.grid.name,
      cell: a1(this.row, excelColumnOf(this.grid, this.index)),
    };
  }
}

/** Applies a column's type to one cell. Returns null (and records an issue) for unusable values. */
export function readField(cell: CellValue, column: ColumnSpec, at: CellPlace, issues: Issue[]): FieldValue {
  if (isCellError(cell)) {
    issues.push(
      issue("excel-error", at.place(), { code: cell.code, column: column.vi, columnEn: column.en }),
    );
    return null;
  }
  if (
    typeof cell === "string" &&
    mayBeErrorText(cell) &&
    /^#[A-Z0-9/]+[!?A]$/.test(cell.trim()) &&
    cell.trim().length <= 14
  ) {
    // Office.js hands error values over as their text; treat a cell that is exactly an error code as one.
    const code = cell.trim();
    if (/^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/.test(code)) {
      issues.push(issue("excel-error", at.place(), { code, column: column.vi, columnEn: column.en }));
      return null;
    }
  }
  if (isBlank(cell)) return null;
  switch (column.type) {
    case "raw":
      return cell;
    case "text":
      return readText(cell, column, at, issues);
    case "flag": {
      const flag = typeof cell === "string" ? flagOfText(cell) : parseFlag(cell);
      if (flag.kind === "flag") return flag.value;
      if (flag.kind === "invalid") {
        issues.push(
          issue("bad-flag", at.place(), { text: flag.text, column: column.vi, columnEn: column.en }),
        );
      }
      return null;
    }
    case "count":
      return readCount(cell, column, at, issues);
    case "year":
      return readYear(cell, column, at, issues);
  }
}

/** False when the text cannot be an error code once trimmed: it starts with neither "#" nor a space. */
function mayBeErrorText(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 35 || c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c >= 0x2028;
}

function readText(cell: CellValue, column: ColumnSpec, at: CellPlace, issues: Issue[]): string {
  // As displayed (spaces collapsed, NFC): what the records keep, so they need not redo it.
  if (typeof cell === "string") return displayName(cell);
  if (typeof cell === "number") return String(cell);
  const text = cellText(cell);
  issues.push(issue("not-text", at.place(), { text, column: column.vi, columnEn: column.en }));
  return text;
}

function readCount(cell: CellValue, column: ColumnSpec, at: CellPlace, issues: Issue[]): number | null {
  const asText = typeof cell === "string";
  const n = typeof cell === "number" ? cell : asText ? parseVietnameseNumber(cell) : NaN;
  if (!Number.isInteger(n) || n < 0) {
    issues.push(issue("bad-count", at.place(), countParams(cell, column)));
    return null;
  }
  // Counted, so say it was text (only for values that are counted).
  if (asText) issues.push(issue("number-as-text", at.place(), countParams(cell, column)));
  return n;
}

/**
 * The parameters of a count's issue. A function of its own, not a closure made in `readCount`:
 * that closure was made for every count cell read (10 MB at country size), issue or not.
 */
function countParams(
  cell: CellValue,
  column: ColumnSpec,
): { text: string; column: string; columnEn: string } {
  return { text: cellText(cell), column: column.vi, columnEn: column.en };
}

/**
 * A number as Vietnamese type it: a dot or a space groups thousands ("1.000", "1 000", "12.345.678"),
 * a comma is the decimal mark ("2,5"); a dot not followed by groups of three digits is a decimal
 * point ("2.5"). "1,000" could be one (Vietnamese) or a thousand (English): NaN, so the clerk is
 * asked. NaN when the text is not a number.
 */
export function parseVietnameseNumber(text: string): number {
  const t = text.trim().replace(/^\+/, "");
  if (/^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$/.test(t) || /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(t)) {
    return Number(t.replace(/[ .\u00a0\u202f]/g, "").replace(",", "."));
  }
  if (/^\d+,\d{3}$/.test(t)) return NaN;
  if (/^\d+(?:,\d+)?$/.test(t)) return Number(t.replace(",", "."));
  if (/^\d*\.\d+$|^\d+$/.test(t)) return Number(t);
  return NaN;
}

/** Excel's serial number of a date (1900 date system, as Excel counts: 1 = 1900-01-01). */
function excelSerial(iso: string): number {
  const days = Math.round((Date.parse(iso.slice(0, 10) + "T00:00:00Z") - Date.UTC(1899, 11, 30)) / 86400000);
  // Excel counts a 29 February 1900 that never was: serials before 1 March 1900 are one less.
  return days < 61 ? days - 1 : days;
}

function readYear(cell: CellValue, column: ColumnSpec, at: CellPlace, issues: Issue[]): number | null {
  let n = NaN;
  const asText = typeof cell === "string" && NUMBER_TEXT.test(cell.trim());
  if (typeof cell === "number") n = cell;
  else if (asText) n = Number((cell as string).trim());
  else if (isCellDate(cell)) {
    // 1990 typed into a date-formatted cell shows as 12/06/1905: the serial is the year typed.
    const serial = excelSerial(cell.iso);
    if (Number.isInteger(serial) && serial >= 1900 && serial <= 2100) {
      issues.push(issue("year-from-date", at.place(), { text: cell.iso.slice(0, 10), year: serial }));
      return serial;
    }
    n = Number(cell.iso.slice(0, 4));
  }
  if (Number.isInteger(n) && n >= 1900 && n <= 2100) {
    if (asText) {
      issues.push(
        issue("number-as-text", at.place(), { text: cellText(cell), column: column.vi, columnEn: column.en }),
      );
    }
    return n;
  }
  issues.push(issue("bad-year", at.place(), { text: cellText(cell) }));
  return null;
}
