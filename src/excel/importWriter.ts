import { cellText, isCellDate, isCellError, type CellValue } from "../core/cells";
import { validationRange, type OwnSheet, type SheetEdit } from "../port/writes";
import { needsForcedText } from "../report/description";
import { OPERATION_BYTES, RequestBatcher, escapedBytes, queueInputs, rowBlocks, type Input } from "./applier";
import type { XSessionContext, XSessionRange } from "./objectModel";
import { widthToPoints } from "./writeReport";

/**
 * Applies an import's writes (src/port/writes.ts) through the Excel object model, under the
 * applier's rules (src/excel/applier.ts): every block of rows — rows written over a replaced
 * unit's rows, rows appended, an own sheet's rows — is cut by its escaped bytes so that no request
 * passes the budget, whatever the row count (re-importing 100,000 villages included); text that
 * Excel would read as something else goes into a text-formatted cell.
 */

/**
 * Core values as Office.js takes them, with the number format each cell needs: text that Excel
 * would read as something else (a number, a date, a formula), an error's text and a date's text
 * go into a text-formatted ("@") cell, so they stay the text they were; other cells keep theirs.
 */
function inputs(
  rows: readonly (readonly CellValue[])[],
  width: number,
): {
  values: Input[][];
  formats: (string | null)[][] | null;
} {
  const values: Input[][] = [];
  const formats: (string | null)[][] = [];
  let forced = false;
  for (const row of rows) {
    const v: Input[] = [];
    const f: (string | null)[] = [];
    for (let c = 0; c < width; c++) {
      const cell = c < row.length ? row[c] : null;
      if (cell === null || cell === undefined || typeof cell === "number" || typeof cell === "boolean") {
        v.push(cell ?? null);
        f.push(null);
        continue;
      }
      const text = typeof cell === "string" ? cell : cellText(cell);
      v.push(text);
      const stay = text !== "" && (needsForcedText(text) || isCellError(cell) || isCellDate(cell));
      forced ||= stay;
      f.push(stay ? "@" : null);
    }
    values.push(v);
    formats.push(f);
  }
  return { values, formats: forced ? formats : null };
}

function widthOf(rows: readonly (readonly CellValue[])[]): number {
  return Math.max(1, ...rows.map((r) => r.length));
}

/** Escaped bytes of each row as written (values, and its "@" formats when any). */
function rowBytesOf(rows: readonly (readonly CellValue[])[], width: number): number[] {
  return rows.map((row) => {
    const { values, formats } = inputs([row], width);
    return escapedBytes(values[0]) + (formats ? escapedBytes(formats[0]) : 0) + 2;
  });
}

/**
 * Queues rows at (top, left), 1-based, in blocks under the budget: one request per block when the
 * rows are many, all in the current request when they fit.
 */
async function putRows(
  batch: RequestBatcher,
  rangeAt: (top: number, left: number, rows: number, width: number) => XSessionRange,
  top: number,
  left: number,
  rows: readonly (readonly CellValue[])[],
  budget: number,
  before?: (from: number, count: number, width: number) => void,
): Promise<void> {
  if (rows.length === 0) return;
  const width = widthOf(rows);
  for (const b of rowBlocks(rowBytesOf(rows, width), budget / 2)) {
    const block = inputs(rows.slice(b.from, b.from + b.count), width);
    await batch.add(b.bytes + 2 * OPERATION_BYTES, () => {
      before?.(b.from, b.count, width);
      queueInputs(rangeAt(top + b.from, left, b.count, width), block);
    });
  }
}

/** Applies one standard sheet's edit. */
export async function applySheetEdit(
  context: XSessionContext,
  edit: SheetEdit,
  budget: number,
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(edit.sheet);
  const table = edit.table ? context.workbook.tables.getItem(edit.table) : null;
  const at = (top: number, left: number, rows: number, width: number): XSessionRange =>
    ws.getRangeByIndexes(top - 1, left - 1, rows, width);
  const batch = new RequestBatcher(context, budget);
  for (const c of edit.addColumns) {
    if (table)
      await batch.add(OPERATION_BYTES + escapedBytes(c.header), () =>
        table.columns.add(undefined, undefined, c.header),
      );
    else await putRows(batch, at, edit.headerRow, c.column, [[c.header]], budget);
  }
  // Rows written over the replaced units' rows: chunked like any other rows.
  for (const w of edit.writes) await putRows(batch, at, w.top, w.left, w.rows, budget);
  for (const d of edit.deletes) {
    await batch.add(OPERATION_BYTES, () =>
      ws.getRangeByIndexes(d.top - 1, d.left - 1, d.bottom - d.top + 1, d.right - d.left + 1).delete("Up"),
    );
  }
  const append = edit.append;
  if (append) {
    const direct = append.rows.slice(0, append.rows.length - (table ? append.viaTable : 0));
    const rest = append.rows.slice(direct.length);
    await putRows(batch, at, append.top, append.left, direct, budget);
    if (table && rest.length > 0) {
      // Rows beyond the table's body are added to the table (so that it grows), empty, then written.
      const first = append.top + direct.length;
      await putRows(batch, at, first, append.left, rest, budget, (_from, count, width) =>
        table.rows.add(
          undefined,
          Array.from({ length: count }, () => Array.from({ length: width }, () => "")),
        ),
      );
    }
  }
  await batch.flush();
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
  const batch = new RequestBatcher(context, budget);
  const width = widthOf(own.rows);
  let ws!: ReturnType<XSessionContext["workbook"]["worksheets"]["add"]>;
  await batch.add((4 + own.columnWidths.length) * OPERATION_BYTES, () => {
    ws = own.exists
      ? context.workbook.worksheets.getItem(own.name)
      : context.workbook.worksheets.add(own.name);
    if (own.exists) ws.getRange().clear("All");
    else ws.customProperties.add(markKey, own.mark);
    ws.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
    own.columnWidths.forEach((w, c) => {
      ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthToPoints(w);
    });
    ws.freezePanes.freezeRows(1);
  });
  // Drop-downs (the import log's review column): a list, with a warning rather than a stop, since
  // the reader takes both languages and other spellings.
  const lists = (own.validations ?? []).flatMap((v) =>
    v.rule?.kind === "list" ? [{ v, values: v.rule.values }] : [],
  );
  await batch.add(3 * lists.length * OPERATION_BYTES + escapedBytes(lists.map((l) => l.values)), () => {
    for (const { v, values } of lists) {
      const validation = ws.getRange(validationRange(v)).dataValidation;
      validation.rule = { list: { inCellDropDown: true, source: values.join(",") } };
      validation.errorAlert = {
        showAlert: true,
        style: "Warning" as Excel.DataValidationAlertStyle,
        title: "Nhất thể hóa",
        message:
          "Giá trị không có trong danh sách; vẫn giữ nếu chọn Yes. / Not in the list; kept if you choose Yes.",
      };
      if (v.prompt.vi) {
        const text = `${v.prompt.vi}\n${v.prompt.en}`;
        validation.prompt = {
          showPrompt: true,
          title: "",
          message: text.length <= 255 ? text : text.slice(0, 254) + "…",
        };
      }
    }
  });
  await putRows(
    batch,
    (top, left, rows, w) => ws.getRangeByIndexes(top - 1, left - 1, rows, w),
    1,
    1,
    own.rows,
    budget,
  );
  await batch.flush();
}
