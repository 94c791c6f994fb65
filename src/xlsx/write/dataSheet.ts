import { a1 } from "../../core/a1";
import type { CellValue } from "../../core/cells";
import type { Message } from "../../core/issues";
import type { SheetGrid } from "../../core/grid";
import { MAX_CELL_TEXT } from "../../report/description";
import type { WorksheetSpec, WriteCell, WriteRow, WriteValue } from "./sheet";
import type { StyleTable } from "./styles";

/**
 * A grid of plain values (a standard data sheet as read, the submission manifest) → a worksheet,
 * cell for cell at the same addresses: text through the same escaping as the reports (so
 * "_x0041_BC" stays "_x0041_BC" and control characters survive), numbers, booleans, errors, and
 * dates as Excel serial numbers with a date format. Text longer than a cell can hold is an error
 * naming the cell: nothing is cut silently. No Node API.
 */

/** A text longer than an Excel cell holds (32,767 characters): the file is not written. */
export class CellTooLongError extends Error {
  override readonly name = "CellTooLongError";
  readonly bilingual: Message;

  constructor(
    readonly file: string | null,
    readonly sheet: string,
    readonly cell: string,
    readonly length: number,
  ) {
    const where = (of: string): string => (file ? ` ${of} “${file}”` : "");
    const vi =
      `Ô ${sheet}!${cell}${where("của tệp")} có ${length.toLocaleString("vi-VN")} ký tự, quá giới hạn ` +
      `${MAX_CELL_TEXT.toLocaleString("vi-VN")} ký tự của một ô Excel; hãy rút ngắn rồi chạy lại`;
    const en =
      `Cell ${sheet}!${cell}${where("of")} holds ${length.toLocaleString("en-US")} characters, over Excel's ` +
      `limit of ${MAX_CELL_TEXT.toLocaleString("en-US")} for a cell; shorten it and run again`;
    super(`${vi} / ${en}`);
    this.bilingual = { vi, en };
  }
}

export function isCellTooLongError(error: unknown): error is CellTooLongError {
  return error instanceof CellTooLongError || (error instanceof Error && error.name === "CellTooLongError");
}

const DAY_MS = 86_400_000;
/** Days from Excel's day 0 (30 December 1899, in the 1900 date system) to 1 January 1970. */
const UNIX_EPOCH_SERIAL = 25_569;

/** A calendar date (and time) as an Excel serial number. */
export function dateSerial(iso: string): number {
  const ms = Date.parse(`${iso.length === 10 ? `${iso}T00:00:00` : iso}Z`);
  return ms / DAY_MS + UNIX_EPOCH_SERIAL;
}

export interface GridPlacement {
  /** The file the grid was read from, for messages; null for generated sheets. */
  readonly file: string | null;
  /** The sheet's name in messages (the grid's own name). */
  readonly label: string;
  /** Rows whose cells are bold (the header row). */
  readonly boldRows: ReadonlySet<number>;
}

function* gridRows(grid: SheetGrid, place: GridPlacement, styles: StyleTable): Iterable<WriteRow> {
  const top = grid.firstRow ?? 1;
  const left = grid.firstColumn ?? 1;
  const date = styles.cellStyle({ numberFormat: "yyyy-mm-dd" });
  const dateTime = styles.cellStyle({ numberFormat: "yyyy-mm-dd hh:mm:ss" });
  const bold = styles.cellStyle({ font: { bold: true } });
  const boldDate = styles.cellStyle({ font: { bold: true }, numberFormat: "yyyy-mm-dd" });
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    const rowNumber = top + r;
    const isBold = place.boldRows.has(rowNumber);
    const cells: WriteCell[] = [];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value === null || value === undefined) continue;
      const column = left + c;
      let written: WriteValue;
      let style = isBold ? bold : 0;
      if (typeof value === "string") {
        if (value.length > MAX_CELL_TEXT)
          throw new CellTooLongError(place.file, place.label, a1(rowNumber, column), value.length);
        written = value;
      } else if (typeof value !== "object") {
        written = value;
      } else if (value.kind === "error") {
        written = { error: value.code };
      } else {
        written = dateSerial(value.iso);
        style = value.iso.length === 10 ? (isBold ? boldDate : date) : dateTime;
      }
      cells.push({ column, value: written, style });
    }
    if (cells.length > 0) yield { row: rowNumber, cells };
  }
}

/**
 * The worksheet of a grid. `rows` of the spec is produced while the sheet is written, so a
 * `CellTooLongError` comes from `XlsxPackage.addSheet`.
 */
export function gridWorksheet(
  grid: SheetGrid,
  name: string,
  place: GridPlacement,
  styles: StyleTable,
  options: { readonly columnWidths: readonly (number | undefined)[]; readonly freezeRows: number },
): WorksheetSpec {
  return {
    name,
    rows: gridRows(grid, place, styles),
    columnWidths: options.columnWidths,
    merges: [],
    freeze: { rows: options.freezeRows, columns: 0 },
    showGridlines: true,
    conditionalFormats: [],
    print: null,
  };
}

/** Plain rows from A1 (the manifest) as a grid. */
export function gridOf(name: string, rows: readonly (readonly CellValue[])[]): SheetGrid {
  return { name, rows: rows.map((r) => [...r]), firstRow: 1, firstColumn: 1 };
}
