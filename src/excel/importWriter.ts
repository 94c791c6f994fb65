import { cellText, isCellDate, isCellError, type CellValue } from "../core/cells";
import type { OwnSheet, RowBlock, SheetEdit } from "../app/imports/plan";
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
const OPERATION_BYTES = 200;

type Input = string | number | boolean | null;

/** A core value as Office.js takes it: text Excel would read as something else keeps a leading apostrophe. */
function input(v: CellValue): Input {
  if (v === null || typeof v === "number" || typeof v === "boolean") return v;
  const text = isCellError(v) || isCellDate(v) ? cellText(v) : v;
  return text !== "" && (needsForcedText(text) || isCellError(v)) ? `'${text}` : text;
}

function inputs(rows: readonly (readonly CellValue[])[]): Input[][] {
  return rows.map((r) => r.map(input));
}

/** Rows cut into blocks whose estimated request stays under `budget` bytes (at least one row each). */
function blocks(rows: Input[][], budget: number): { from: number; rows: Input[][] }[] {
  const out: { from: number; rows: Input[][] }[] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const size = utf8Bytes(JSON.stringify(row)) + 2;
    if (i > start && bytes + size > budget) {
      out.push({ from: start, rows: rows.slice(start, i) });
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (start < rows.length) out.push({ from: start, rows: rows.slice(start) });
  return out;
}

function widthOf(block: RowBlock): number {
  return Math.max(1, ...block.rows.map((r) => r.length));
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
    else ws.getRangeByIndexes(edit.headerRow - 1, c.column - 1, 1, 1).values = [[input(c.header)]];
  }
  for (const w of edit.writes) {
    ws.getRangeByIndexes(w.top - 1, w.left - 1, w.rows.length, widthOf(w)).values = inputs(w.rows);
  }
  for (const d of edit.deletes) {
    ws.getRangeByIndexes(d.top - 1, d.left - 1, d.bottom - d.top + 1, d.right - d.left + 1).delete("Up");
  }
  await context.sync();
  const append = edit.append;
  if (!append) return;
  const all = inputs(append.rows);
  const direct = all.slice(0, all.length - append.viaTable);
  const width = widthOf(append);
  // The chunk loops: one sync per request of at most `budget` bytes, whatever the row count.
  for (const b of blocks(direct, budget)) {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    ws.getRangeByIndexes(append.top - 1 + b.from, append.left - 1, b.rows.length, width).values = b.rows;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  if (table && append.viaTable > 0) {
    // Rows added to a table are new: an empty cell is "" there (null is "leave as it is" elsewhere).
    const rest = all.slice(direct.length).map((r) => r.map((v) => (v === null ? "" : v)));
    for (const b of blocks(rest, budget)) {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      table.rows.add(undefined, b.rows as (string | number | boolean)[][]);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
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
  const width = Math.max(1, ...own.rows.map((r) => r.length));
  ws.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
  own.columnWidths.forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthToPoints(w);
  });
  ws.freezePanes.freezeRows(1);
  const rows = inputs(own.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? "")));
  const chunks = blocks(rows, Math.max(1, budget - OPERATION_BYTES * 4));
  for (let i = 0; i < chunks.length; i++) {
    const b = chunks[i];
    context.workbook.application.suspendApiCalculationUntilNextSync();
    ws.getRangeByIndexes(b.from, 0, b.rows.length, width).values = b.rows;
    // The chunk loop: one sync per request of at most `budget` bytes.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  if (chunks.length === 0) await context.sync();
}
