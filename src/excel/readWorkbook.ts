import { cellError, type CellValue } from "../core/cells";
import type { SheetGrid, WorkbookGrids } from "../core/grid";

/**
 * The Office.js shell for reading: the open workbook's sheets → `WorkbookGrids`, the plain values
 * the core reads. The only place the add-in reads cell values through Office.js.
 *
 * Built for a whole country's sheets (400,000 rows) under Excel on the web's 5 MB limit per
 * response, with a fixed, small number of syncs:
 * 1. one sync for the sheet names;
 * 2. one sync for every sheet's used range (address, size), all loaded in the same batch;
 * 3. then the cells, `values` and `valueTypes` (to tell an error value from text that looks like
 *    one), in row chunks, one sync per chunk. A chunk's size comes from the bytes the previous
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
  load(propertyNames?: string): unknown;
}

export interface XReadWorksheet {
  readonly name: string;
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
}

export interface ExcelReadResult {
  readonly workbook: WorkbookGrids;
  /** Every `context.sync()` made. */
  readonly syncs: number;
  /** Syncs that read cells (chunks), including any that had to be retried in halves. */
  readonly chunkSyncs: number;
  /** Largest estimated response of one sync, in bytes. */
  readonly largestResponseBytes: number;
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
  worksheets.load("items/name");
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
      done: 0,
      bytesPerRow: (empty ? 1 : used.columnCount) * FIRST_GUESS_BYTES_PER_CELL,
      rows: [],
    };
  });

  let pending = plans.filter((p) => p.rowCount > 0);
  while (pending.length > 0) {
    const chunks = nextRequest(pending, budget);
    const ranges = chunks.map((chunk) => {
      const { plan } = chunk;
      const range = plan.worksheet.getRangeByIndexes(
        plan.top + chunk.start,
        plan.left,
        chunk.rows,
        plan.columnCount,
      );
      range.load("values,valueTypes");
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
      // Read the same rows again in halves: double the estimate of every sheet in this request.
      for (const chunk of chunks)
        chunk.plan.bytesPerRow = Math.max(chunk.plan.bytesPerRow * 2, budget / chunk.rows);
      continue;
    }
    syncs++;
    chunkSyncs++;
    let responseBytes = 0;
    chunks.forEach((chunk, i) => {
      const bytes = appendRows(chunk.plan, ranges[i].values, ranges[i].valueTypes);
      responseBytes += bytes;
      chunk.plan.done += chunk.rows;
      chunk.plan.bytesPerRow = Math.max(1, (bytes / chunk.rows) * ESTIMATE_MARGIN);
    });
    largest = Math.max(largest, responseBytes);
    pending = pending.filter((p) => p.done < p.rowCount);
  }

  const sheets: SheetGrid[] = plans.map((p) => ({
    name: p.name,
    rows: p.rows,
    firstRow: p.top + 1,
    firstColumn: p.left + 1,
  }));
  return {
    workbook: { file: options.label ?? "", sheets },
    syncs,
    chunkSyncs,
    largestResponseBytes: largest,
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
function appendRows(plan: SheetPlan, values: unknown[][], types: string[][]): number {
  let bytes = 4;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    const rowTypes = types[r];
    const out = new Array<CellValue>(row.length);
    for (let c = 0; c < row.length; c++) {
      const type = rowTypes[c];
      out[c] = cellValue(row[c], type);
      bytes += jsonBytes(row[c]) + type.length + 4;
    }
    plan.rows.push(out);
    bytes += 6; // the row's brackets and comma, in both arrays
  }
  return bytes;
}

/** One cell as the core sees it, from what Office.js returns and the cell's value type. */
export function cellValue(value: unknown, type: string): CellValue {
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

/** Upper estimate of the UTF-8 bytes of a value in JSON (what travels in the response). */
function jsonBytes(value: unknown): number {
  if (typeof value === "string") {
    let n = 2;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c < 0x20) n += 6;
      else if (c === 0x22 || c === 0x5c) n += 2;
      else if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else n += 3;
    }
    return n;
  }
  if (typeof value === "number") return String(value).length;
  if (typeof value === "boolean") return 5;
  return 4;
}
