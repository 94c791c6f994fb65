import type { ReadProgress } from "../port/workbookPort";
import { cellError, percentText, type CellValue } from "../core/cells";
import type { GridRange, SheetGrid, SheetVisibility, WorkbookGrids } from "../core/grid";
import { escapedBytes } from "./applier";

/**
 * The Office.js shell for reading: the open workbook's sheets → `WorkbookGrids`, the plain values
 * the core reads. The only place the add-in reads cell values through Office.js.
 *
 * Built for a whole country's sheets (400,000 rows) under Excel on the web's 5 MB limit per
 * response, with a fixed, small number of syncs:
 * 1. one sync for the sheet names;
 * 2. one sync for every sheet's used range (address, size), all loaded in the same batch;
 * 3. with ExcelApi 1.13 (`mergedAreas`), one sync for every sheet's merged areas
 *    (`getMergedAreasOrNullObject`); without it the grids carry no merges (the caller knows);
 * 4. then the cells, `values`, `valueTypes` (to tell an error value from text that looks like
 *    one) and `numberFormat` (a number shown as a percentage reaches the core as the text the
 *    clerk sees, "120%", and a date as a date, exactly as the .xlsx reader does), in row chunks,
 *    one sync per chunk. A chunk's size comes from the bytes the previous
 *    chunk of the same sheet actually took, so each response stays under `maxResponseBytes`
 *    (4 MB by default); small sheets share one sync. A response that is still too large (a sheet
 *    whose rows suddenly hold long texts) is read again in halves.
 */

/** The part of a range the reader uses; `Excel.Range` satisfies it (a compile-time test proves it). */
export interface XReadRange {
  readonly isNullObject: boolean;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly values: unknown[][];
  readonly valueTypes: string[][];
  readonly numberFormat: unknown[][];
  load(propertyNames?: string): unknown;
  /** ExcelApi 1.13: call only when the host supports it. */
  getMergedAreasOrNullObject(): {
    readonly isNullObject: boolean;
    readonly address: string;
    load(propertyNames?: string): unknown;
  };
}

export interface XReadWorksheet {
  readonly name: string;
  readonly visibility: string;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XReadRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XReadRange;
}

export interface XReadContext {
  workbook: { worksheets: { readonly items: XReadWorksheet[]; load(propertyNames?: string): unknown } };
  sync(): Promise<unknown>;
}

export interface ExcelReadOptions {
  /** Largest estimated response of one sync; default 4 MB, under Excel on the web's 5 MB. */
  readonly maxResponseBytes?: number;
  /** Which sheets to read (by name); default all. Report sheets need not be read, for instance. */
  readonly include?: (sheetName: string) => boolean;
  /** Label of the workbook in issues; default "" (the open workbook). */
  readonly label?: string;
  /**
   * Read merged areas (`Range.getMergedAreasOrNullObject`, ExcelApi 1.13): pass
   * `isSetSupported("ExcelApi", "1.13")`. Default false: no merges are read.
   */
  readonly mergedAreas?: boolean;
  /** After each chunk: the sheets it read from, with rows read so far of their used range. */
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Checked between chunks: once aborted, no further chunk is requested and `cancelled` is true. */
  readonly signal?: AbortSignal;
}

export interface ExcelReadResult {
  readonly workbook: WorkbookGrids;
  /** Every `context.sync()` made. */
  readonly syncs: number;
  /** Syncs that read cells (chunks), including any that had to be retried in halves. */
  readonly chunkSyncs: number;
  /** Largest estimated response of one sync, in bytes. */
  readonly largestResponseBytes: number;
  /** The signal was aborted between chunks: the grids are incomplete and must not be used. */
  readonly cancelled: boolean;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 4_000_000;
/** First guess of the JSON bytes of one cell (value and value type), before any chunk was read. */
const FIRST_GUESS_BYTES_PER_CELL = 64;
/** Margin on the bytes per row measured so far: the next rows may be a little longer. */
const ESTIMATE_MARGIN = 1.25;
/** Excel reads at most 5,000,000 cells at once; stay well under it. */
const MAX_CELLS_PER_READ = 1_000_000;

interface SheetPlan {
  readonly worksheet: XReadWorksheet;
  readonly name: string;
  /** 0-based row and column of the used range's top-left cell. */
  readonly top: number;
  readonly left: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly visibility: SheetVisibility;
  merges: GridRange[];
  /** Rows read so far. */
  done: number;
  /** Estimated response bytes per row. */
  bytesPerRow: number;
  readonly rows: CellValue[][];
}

/** One range of one sheet in the next request. */
interface ChunkRead {
  readonly plan: SheetPlan;
  readonly start: number;
  readonly rows: number;
}

/** Reads the open workbook's sheets as grids (inside `Excel.run`). */
export async function readWorkbookFromExcel(
  context: XReadContext,
  options: ExcelReadOptions = {},
): Promise<ExcelReadResult> {
  const budget = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const include = options.include ?? ((): boolean => true);
  let syncs = 0;
  let chunkSyncs = 0;
  let largest = 0;

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  syncs++;
  const chosen = worksheets.items.filter((ws) => include(ws.name));

  const usedRanges = chosen.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return used;
  });
  if (chosen.length > 0) {
    await context.sync();
    syncs++;
  }
  const plans: SheetPlan[] = chosen.map((worksheet, i) => {
    const used = usedRanges[i];
    const empty = used.isNullObject;
    return {
      worksheet,
      name: worksheet.name,
      top: empty ? 0 : used.rowIndex,
      left: empty ? 0 : used.columnIndex,
      rowCount: empty ? 0 : used.rowCount,
      columnCount: empty ? 0 : used.columnCount,
      visibility: visibilityOf(worksheet.visibility),
      merges: [],
      done: 0,
      bytesPerRow: (empty ? 1 : used.columnCount) * FIRST_GUESS_BYTES_PER_CELL,
      rows: [],
    };
  });

  let pending = plans.filter((p) => p.rowCount > 0);
  if (options.mergedAreas && pending.length > 0) {
    const areas = pending.map((p) => {
      const merged = p.worksheet
        .getRangeByIndexes(p.top, p.left, p.rowCount, p.columnCount)
        .getMergedAreasOrNullObject();
      merged.load("address");
      return merged;
    });
    await context.sync();
    syncs++;
    pending.forEach((p, i) => {
      if (!areas[i].isNullObject) p.merges = parseAreas(areas[i].address);
    });
  }
  let cancelled = false;
  while (pending.length > 0) {
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    const chunks = nextRequest(pending, budget);
    const ranges = chunks.map((chunk) => {
      const { plan } = chunk;
      const range = plan.worksheet.getRangeByIndexes(
        plan.top + chunk.start,
        plan.left,
        chunk.rows,
        plan.columnCount,
      );
      range.load("values,valueTypes,numberFormat");
      return range;
    });
    try {
      // The chunk loop: one sync per request of at most `budget` bytes, whatever the row count.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      syncs++;
      chunkSyncs++;
      if (!isPayloadTooLarge(error) || chunks.every((c) => c.rows === 1)) throw error;
      // Read the same rows again in halves: at least double the estimate of every sheet in this request.
      for (const chunk of chunks)
        chunk.plan.bytesPerRow = Math.max(chunk.plan.bytesPerRow * 2, (2 * budget) / chunk.rows);
      continue;
    }
    syncs++;
    chunkSyncs++;
    let responseBytes = 0;
    chunks.forEach((chunk, i) => {
      const bytes = appendRows(chunk.plan, ranges[i].values, ranges[i].valueTypes, ranges[i].numberFormat);
      responseBytes += bytes;
      chunk.plan.done += chunk.rows;
      chunk.plan.bytesPerRow = Math.max(1, (bytes / chunk.rows) * ESTIMATE_MARGIN);
    });
    largest = Math.max(largest, responseBytes);
    for (const { plan } of chunks)
      options.onProgress?.({ sheet: plan.name, rowsRead: plan.done, rowCount: plan.rowCount });
    pending = pending.filter((p) => p.done < p.rowCount);
  }

  const sheets: SheetGrid[] = plans.map((p) => ({
    name: p.name,
    rows: p.rows,
    firstRow: p.top + 1,
    firstColumn: p.left + 1,
    visibility: p.visibility,
    ...(p.merges.length > 0 ? { merges: p.merges } : {}),
  }));
  return {
    workbook: { file: options.label ?? "", sheets },
    syncs,
    chunkSyncs,
    largestResponseBytes: largest,
    cancelled,
  };
}

/**
 * The ranges of the next request: rows from the pending sheets, in order, until the estimated
 * response reaches the budget. At least one row is always read, so the loop always advances.
 */
function nextRequest(pending: readonly SheetPlan[], budget: number): ChunkRead[] {
  const chunks: ChunkRead[] = [];
  let left = budget;
  for (const plan of pending) {
    const remaining = plan.rowCount - plan.done;
    const maxRows = Math.max(1, Math.floor(MAX_CELLS_PER_READ / Math.max(1, plan.columnCount)));
    let rows = Math.min(remaining, maxRows, Math.floor(left / plan.bytesPerRow));
    if (rows < 1) {
      if (chunks.length > 0) break;
      rows = 1;
    }
    chunks.push({ plan, start: plan.done, rows });
    left -= rows * plan.bytesPerRow;
    if (left <= 0) break;
  }
  return chunks;
}

function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/** Converts a chunk to core values and appends it; returns the chunk's estimated JSON bytes. */
function appendRows(plan: SheetPlan, values: unknown[][], types: string[][], formats: unknown[][]): number {
  let bytes = 4;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    const rowTypes = types[r];
    const rowFormats = formats[r];
    const out = new Array<CellValue>(row.length);
    for (let c = 0; c < row.length; c++) {
      const type = rowTypes[c];
      out[c] = cellValue(row[c], type, rowFormats?.[c]);
      bytes += jsonBytes(row[c]) + type.length + jsonBytes(rowFormats?.[c]) + 6;
    }
    plan.rows.push(out);
    bytes += 6; // the row's brackets and comma, in both arrays
  }
  return bytes;
}

/** A sheet's visibility as the core names it. */
function visibilityOf(v: string | undefined): SheetVisibility {
  return v === "Hidden" ? "hidden" : v === "VeryHidden" ? "veryHidden" : "visible";
}

/** "Thôn!A2:A5, 'Cán bộ'!B7:C7" → the rectangles (1-based); the sheet part is dropped. */
export function parseAreas(address: string): GridRange[] {
  const out: GridRange[] = [];
  const area = /(?:'(?:[^']|'')*'|[^,!']+)!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g;
  for (let m = area.exec(address); m; m = area.exec(address)) {
    const left = columnNumber(m[1]);
    const top = Number(m[2]);
    out.push({ top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? columnNumber(m[3]) : left });
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The number format without its quoted text, escaped characters and [..] sections. */
function formatCore(format: string): string {
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

/** True for a number format that shows a percentage (a "%" outside quoted text), as the .xlsx reader judges it. */
export function isPercentFormat(format: unknown): boolean {
  return typeof format === "string" && format.replace(/"[^"]*"/g, "").includes("%");
}

/** True for a number format that shows a date or a time. */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "" || /^general$/i.test(format)) return false;
  return /[dmyhs]/i.test(formatCore(format).replace(/general/gi, ""));
}

/** A date serial (1900 system) as the core's date: the calendar date, and the time when there is one. */
function serialDate(serial: number): CellValue {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return cellError("#VALUE!");
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  return { kind: "date", iso: time === "00:00:00" ? iso.slice(0, 10) : iso.slice(0, 19) };
}

/**
 * One cell as the core sees it, from what Office.js returns, the cell's value type and its number
 * format: a number shown as a percentage is its text ("120%"), a number shown as a date a date.
 */
export function cellValue(value: unknown, type: string, format?: unknown): CellValue {
  if ((type === "Double" || type === "Integer") && typeof value === "number") {
    if (isPercentFormat(format)) return percentText(value);
    if (isDateFormat(format)) return serialDate(value);
  }
  return plainValue(value, type);
}

function plainValue(value: unknown, type: string): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return cellError(String(value));
    case "Boolean":
      return typeof value === "boolean" ? value : String(value).toUpperCase() === "TRUE";
    case "Double":
    case "Integer":
      return typeof value === "number" ? value : Number(value);
    default:
      // "String", and "RichValue" / "Unknown" (linked data types, images): their text, if any.
      if (typeof value === "string") return value === "" ? null : value;
      if (typeof value === "number" || typeof value === "boolean") return value;
      return null;
  }
}

/** Bytes of a value in the response, counted as the applier counts requests (escaped JSON). */
function jsonBytes(value: unknown): number {
  return escapedBytes(value);
}
