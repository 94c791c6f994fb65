import { cellText, isCellDate, isCellError, type CellValue } from "../core/cells";
import type { OwnSheet, SheetEdit } from "../app/imports/plan";
import { needsForcedText } from "../report/description";
import type { XSessionContext } from "./objectModel";
import { utf8Bytes, widthToPoints } from "./writeReport";

/**
 * Applies an import's writes through the Excel object model (see src/app/imports/plan.ts for what
 * they are): one standard sheet's edit, or one of the add-in's own sheets written whole. Batched:
 * the structural changes of a sheet (new columns, rows written over, rows deleted) in one sync, then
 * the new rows in as few syncs as their size allows (each request under the budget, Excel on the
 * web refusing more than 5 MB). Calculation is suspended for every batch.
 */

/** Default largest estimated request (one sync), under Excel on the web's 5 MB. */
export const DEFAULT_IMPORT_REQUEST_BYTES = 4_000_000;

type Input = string | number | boolean | null;

/**
 * Core values as Office.js takes them, with the number format each cell needs: text that Excel
 * would read as something else (a number, a date, a formula) is written into a text-formatted
 * ("@") cell, so it stays the text it was; other cells keep their format (null).
 */
function inputs(rows: readonly (readonly CellValue[])[]): {
  values: Input[][];
  formats: (string | null)[][];
} {
  const values: Input[][] = [];
  const formats: (string | null)[][] = [];
  for (const row of rows) {
    const v: Input[] = [];
    const f: (string | null)[] = [];
    for (const cell of row) {
      if (cell === null || typeof cell === "number" || typeof cell === "boolean") {
        v.push(cell);
        f.push(null);
        continue;
      }
      const text = typeof cell === "string" ? cell : cellText(cell);
      v.push(text);
      f.push(text !== "" && (needsForcedText(text) || isCellError(cell) || isCellDate(cell)) ? "@" : null);
    }
    values.push(v);
    formats.push(f);
  }
  return { values, formats };
}

/** Rows cut into blocks whose estimated request stays under `budget` bytes (at least one row each). */
function blocks(rows: readonly (readonly CellValue[])[], budget: number): { from: number; count: number }[] {
  const out: { from: number; count: number }[] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    // Values and number formats both travel: about twice the values' JSON.
    const size = 2 * (utf8Bytes(JSON.stringify(row)) + 2);
    if (i > start && bytes + size > budget) {
      out.push({ from: start, count: i - start });
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (start < rows.length) out.push({ from: start, count: rows.length - start });
  return out;
}

function widthOf(rows: readonly (readonly CellValue[])[]): number {
  return Math.max(1, ...rows.map((r) => r.length));
}

type Put = { values: unknown[][]; numberFormat: unknown[][] };

/** Queues rows into a range of their size: the text cells' format first, then the values. */
function put(range: Put, rows: readonly (readonly CellValue[])[], width: number): void {
  const padded = rows.map((r) => Array.from({ length: width }, (_, c) => (c < r.length ? r[c] : null)));
  const { values, formats } = inputs(padded);
  if (formats.some((r) => r.some((f) => f !== null))) range.numberFormat = formats;
  range.values = values;
}

/** Applies one standard sheet's edit. */
export async function applySheetEdit(
  context: XSessionContext,
  edit: SheetEdit,
  budget: number,
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(edit.sheet);
  const table = edit.table ? context.workbook.tables.getItem(edit.table) : null;
  context.workbook.application.suspendApiCalculationUntilNextSync();
  for (const c of edit.addColumns) {
    if (table) table.columns.add(undefined, undefined, c.header);
    else put(ws.getRangeByIndexes(edit.headerRow - 1, c.column - 1, 1, 1), [[c.header]], 1);
  }
  for (const w of edit.writes) {
    const width = widthOf(w.rows);
    put(ws.getRangeByIndexes(w.top - 1, w.left - 1, w.rows.length, width), w.rows, width);
  }
  for (const d of edit.deletes) {
    ws.getRangeByIndexes(d.top - 1, d.left - 1, d.bottom - d.top + 1, d.right - d.left + 1).delete("Up");
  }
  await context.sync();
  const append = edit.append;
  if (!append) return;
  const width = widthOf(append.rows);
  const direct = append.rows.slice(0, append.rows.length - (table ? append.viaTable : 0));
  const rest = append.rows.slice(direct.length);
  // The chunk loops: one sync per request of at most `budget` bytes, whatever the row count.
  for (const b of blocks(direct, budget)) {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    const range = ws.getRangeByIndexes(append.top - 1 + b.from, append.left - 1, b.count, width);
    put(range, direct.slice(b.from, b.from + b.count), width);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  if (!table) return;
  // Rows beyond the table's body are added to the table (so that it grows), empty, then written.
  const first = append.top - 1 + direct.length;
  for (const b of blocks(rest, budget)) {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    table.rows.add(
      undefined,
      Array.from({ length: b.count }, () => Array.from({ length: width }, () => "")),
    );
    put(
      ws.getRangeByIndexes(first + b.from, append.left - 1, b.count, width),
      rest.slice(b.from, b.from + b.count),
      width,
    );
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
}

/**
 * Writes one of the add-in's own sheets whole: adds and marks it, or clears it, then writes its
 * rows (header bold and frozen, column widths).
 */
export async function writeOwnSheet(
  context: XSessionContext,
  own: OwnSheet,
  markKey: string,
  budget: number,
): Promise<void> {
  const ws = own.exists
    ? context.workbook.worksheets.getItem(own.name)
    : context.workbook.worksheets.add(own.name);
  if (own.exists) ws.getRange().clear("All");
  else ws.customProperties.add(markKey, own.mark);
  const width = widthOf(own.rows);
  ws.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
  own.columnWidths.forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthToPoints(w);
  });
  ws.freezePanes.freezeRows(1);
  await context.sync();
  // The chunk loop: one sync per request of at most `budget` bytes.
  for (const b of blocks(own.rows, budget)) {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    put(ws.getRangeByIndexes(b.from, 0, b.count, width), own.rows.slice(b.from, b.from + b.count), width);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
}
