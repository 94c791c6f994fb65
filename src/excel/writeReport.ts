import { a1Range } from "../core/a1";
import {
  REPORT_MARKER_KEY,
  fitCellText,
  isForcedText,
  isFormula,
  needsForcedText,
  type CellContent,
  type CellRange,
  type CellStyle,
  type ReportId,
  type SheetDescription,
} from "../report/description";

/**
 * The Office.js writer: applies report sheet descriptions to the open workbook. The only module
 * that writes to a workbook through Office.js.
 *
 * - Batched: every operation is queued and sent in few `context.sync()` calls: two to learn which
 *   sheets exist and which of them the add-in made, then one per report sheet, plus one more only
 *   for each further 4 MB of payload (Excel on the web rejects a request over 5 MB; a sync sends
 *   all queued operations as one request). Values, formulas and number formats are written as
 *   whole 2-D arrays per block of rows, styles as one operation per rectangle, never cell by cell.
 * - Calculation and screen updating are suspended for each batch.
 * - Safe: a report sheet is marked with a worksheet custom property (`nth-rollup-report` = report
 *   id, ExcelApi 1.12). Only a sheet with that mark and the same report id is replaced; a clerk's
 *   sheet with the report's name is never touched (the report gets "Tổng hợp (2)"); no other sheet
 *   is modified.
 * - Text that Excel would read as a formula, number, date or logical value ("=1+1", "- Ban Tổ
 *   chức…", "01") is written with a leading apostrophe, which Excel keeps as a quote prefix: the
 *   cell holds the text exactly.
 */

// ---- The part of the Excel object model the writer uses (real Excel objects satisfy these types). ----

export type BorderEdge =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

export interface XRangeBorder {
  style: Excel.RangeBorder["style"];
  weight: Excel.RangeBorder["weight"];
}

export interface XRangeFormat {
  font: {
    name: string;
    size: number;
    bold: boolean;
    italic: boolean;
    underline: Excel.RangeFont["underline"];
    color: string;
  };
  fill: { color: string };
  horizontalAlignment: Excel.RangeFormat["horizontalAlignment"];
  verticalAlignment: Excel.RangeFormat["verticalAlignment"];
  wrapText: boolean;
  indentLevel: number;
  columnWidth: number;
  rowHeight: number;
  borders: { getItem(index: BorderEdge): XRangeBorder };
  autofitRows(): void;
}

export interface XConditionalFormat {
  custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string; bold: boolean } };
  };
}

export interface XRange {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  format: XRangeFormat;
  conditionalFormats: { add(type: "Custom"): XConditionalFormat };
  merge(across?: boolean): void;
}

export interface XCustomProperty {
  readonly isNullObject: boolean;
  readonly value: string;
  load(propertyNames?: string): unknown;
}

export interface XWorksheet {
  name: string;
  showGridlines: boolean;
  delete(): void;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XRange;
  freezePanes: { freezeRows(count?: number): void; freezeAt(frozenRange: string): void };
  pageLayout: {
    orientation: Excel.PageLayout["orientation"];
    paperSize: Excel.PageLayout["paperSize"];
    zoom: Excel.PageLayoutZoomOptions;
    leftMargin: number;
    rightMargin: number;
    topMargin: number;
    bottomMargin: number;
    headerMargin: number;
    footerMargin: number;
    centerHorizontally: boolean;
    setPrintTitleRows(rows: string): void;
    setPrintArea(area: string): void;
    headersFooters: { defaultForAllPages: { centerFooter: string } };
  };
  /** ExcelApi 1.9: `add(range)` puts a page break before the range's top-left cell. */
  horizontalPageBreaks: { add(pageBreakRange: string): unknown };
  customProperties: {
    add(key: string, value: string): unknown;
    getItemOrNullObject(key: string): XCustomProperty;
  };
}

export interface XWorksheetCollection {
  readonly items: XWorksheet[];
  load(propertyNames?: string): unknown;
  add(name?: string): XWorksheet;
}

export interface XRequestContext {
  workbook: {
    worksheets: XWorksheetCollection;
    application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };
  };
  sync(): Promise<unknown>;
}

// ---- Options and result. ----

export interface ExcelWriteOptions {
  /** Largest estimated payload of one request (one sync); default 4 MB, under Excel on the web's 5 MB. */
  readonly maxRequestBytes?: number;
  /** Rows of values per block are chosen so a block stays under this estimate; default 500 kB. */
  readonly blockBytes?: number;
}

export interface WrittenSheet {
  readonly reportId: ReportId;
  readonly name: string;
  /** True when an earlier report sheet of the add-in was replaced. */
  readonly replaced: boolean;
  /** Syncs spent on this sheet. */
  readonly syncs: number;
}

export interface ExcelWriteResult {
  readonly sheets: readonly WrittenSheet[];
  readonly syncs: number;
  /** Largest estimated payload of one sync, in bytes. */
  readonly largestRequestBytes: number;
}

export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
const DEFAULT_BLOCK_BYTES = 500_000;
/** Estimated bytes of one queued operation besides its data (object path, ids, property name). */
const OPERATION_BYTES = 300;
const MAX_SHEET_NAME = 31;

// ---- Payload estimates. ----

/** UTF-8 bytes of a string, without allocating. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Estimated JSON bytes of one cell in a request. */
function cellBytes(v: string | number | boolean | null): number {
  if (v === null) return 5;
  if (typeof v === "string") return utf8Bytes(JSON.stringify(v)) + 1;
  return String(v).length + 1;
}

// ---- Description → Office.js values. ----

/** What is written to `formulas` for a cell: the formula, the value, or text with a quote prefix. */
export function excelInput(c: CellContent): string | number | boolean | null {
  if (c === null) return null;
  if (isFormula(c)) return c.formula;
  if (isForcedText(c)) return `'${fitCellText(c.text)}`;
  if (typeof c === "string") return needsForcedText(c) ? `'${fitCellText(c)}` : fitCellText(c);
  return c;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", center: "Center", bottom: "Bottom" } as const;

/** Excel column width unit (characters of the default font) → points, for Calibri 11 (7-pixel digits). */
export function widthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

interface PlannedSheet {
  readonly description: SheetDescription;
  readonly name: string;
  /** The add-in's earlier sheet that this one replaces. */
  readonly replaces: XWorksheet | null;
  /** The name the sheet is written under until the run commits ("(chưa xong) Tổng hợp"). */
  readonly staging: string;
}

/** Prefix of a sheet being written: what a clerk sees if a run is cut short and cannot clean up. */
export const STAGING_PREFIX = "(chưa xong) ";
/** Value prefix of the report mark on a sheet being written (the mark becomes the report id at commit). */
export const INCOMPLETE_MARK = "incomplete:";

/** True for the mark of a sheet left by an interrupted run (deleted by the next run). */
export function isIncompleteMark(mark: string | null): boolean {
  return mark !== null && mark.startsWith(INCOMPLETE_MARK);
}

/** Staging names, one per report: the prefix and the final name, unique among `taken` (no case). */
function stagingNames(finalNames: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(taken.map((n) => n.toLocaleLowerCase()));
  return finalNames.map((name) => {
    for (let k = 1; ; k++) {
      const suffix = k === 1 ? "" : ` ${k}`;
      const candidate =
        STAGING_PREFIX + name.slice(0, MAX_SHEET_NAME - STAGING_PREFIX.length - suffix.length) + suffix;
      if (!used.has(candidate.toLocaleLowerCase())) {
        used.add(candidate.toLocaleLowerCase());
        return candidate;
      }
    }
  });
}

/**
 * Chooses each report's sheet name: the wanted name when it is free or is the add-in's own sheet
 * for the same report; otherwise "Name (2)", "Name (3)"… Names compare without case, as in Excel.
 */
export function planSheetNames(
  existing: readonly { readonly name: string; readonly reportId: string | null }[],
  wanted: readonly { readonly name: string; readonly reportId: ReportId }[],
): { name: string; replaces: number | null }[] {
  const key = (s: string): string => s.toLocaleLowerCase();
  const byName = new Map(existing.map((e, i) => [key(e.name), i]));
  const taken = new Set<string>();
  return wanted.map((w) => {
    for (let k = 1; ; k++) {
      const suffix = k === 1 ? "" : ` (${k})`;
      const name = w.name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
      if (taken.has(key(name))) continue;
      const index = byName.get(key(name));
      if (index === undefined) {
        taken.add(key(name));
        return { name, replaces: null };
      }
      if (existing[index].reportId === w.reportId) {
        taken.add(key(name));
        return { name, replaces: index };
      }
    }
  });
}

/** Queues operations and syncs whenever the next one would push the request over the limit. */
class Batcher {
  syncs = 0;
  largest = 0;
  private bytes = 0;

  constructor(
    private readonly context: XRequestContext,
    private readonly limit: number,
  ) {}

  /** Queues one operation of an estimated size. */
  async add(estimate: number, queue: () => void): Promise<void> {
    if (this.bytes > 0 && this.bytes + estimate > this.limit) await this.flush();
    if (this.bytes === 0) {
      // Both apply until the next sync: once per batch.
      this.context.workbook.application.suspendApiCalculationUntilNextSync();
      this.context.workbook.application.suspendScreenUpdatingUntilNextSync();
      this.bytes = 2 * OPERATION_BYTES;
    }
    queue();
    this.bytes += estimate;
  }

  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.largest = Math.max(this.largest, this.bytes);
    this.bytes = 0;
    this.syncs++;
    await this.context.sync();
  }
}

/** Row blocks [first, last] (1-based) of a matrix whose estimated JSON stays under `limit` bytes each. */
function rowBlocks(
  rowBytes: readonly number[],
  firstRow: number,
  limit: number,
): { first: number; last: number; bytes: number }[] {
  const blocks: { first: number; last: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  rowBytes.forEach((b, i) => {
    if (i > start && bytes + b > limit) {
      blocks.push({ first: firstRow + start, last: firstRow + i - 1, bytes });
      start = i;
      bytes = 0;
    }
    bytes += b;
  });
  if (rowBytes.length > start)
    blocks.push({ first: firstRow + start, last: firstRow + rowBytes.length - 1, bytes });
  return blocks;
}

function rangeOf(ws: XWorksheet, g: CellRange): XRange {
  return ws.getRangeByIndexes(g.top - 1, g.left - 1, g.bottom - g.top + 1, g.right - g.left + 1);
}

function applyFormat(range: XRange, g: CellRange, s: CellStyle): void {
  const f = range.format;
  if (s.font) {
    if (s.font.name !== undefined) f.font.name = s.font.name;
    if (s.font.size !== undefined) f.font.size = s.font.size;
    if (s.font.bold !== undefined) f.font.bold = s.font.bold;
    if (s.font.italic !== undefined) f.font.italic = s.font.italic;
    if (s.font.underline !== undefined) f.font.underline = s.font.underline ? "Single" : "None";
    if (s.font.color !== undefined) f.font.color = s.font.color;
  }
  if (s.fill !== undefined) f.fill.color = s.fill;
  if (s.horizontal !== undefined) f.horizontalAlignment = HORIZONTAL[s.horizontal];
  if (s.vertical !== undefined) f.verticalAlignment = VERTICAL[s.vertical];
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.indent !== undefined) f.indentLevel = s.indent;
  if (s.border !== undefined) {
    const edges: BorderEdge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (g.right > g.left) edges.push("InsideVertical");
    if (g.bottom > g.top) edges.push("InsideHorizontal");
    for (const edge of edges) {
      const border = f.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = s.border === "medium" ? "Medium" : "Thin";
    }
  }
}

/** Number of property writes a style run makes (for the payload estimate). */
function styleOperations(s: CellStyle): number {
  let n = 0;
  if (s.font) n += Object.keys(s.font).length;
  if (s.fill !== undefined) n++;
  if (s.horizontal !== undefined) n++;
  if (s.vertical !== undefined) n++;
  if (s.wrap !== undefined) n++;
  if (s.indent !== undefined) n++;
  if (s.border !== undefined) n += 12;
  return n;
}

/**
 * Writes one report into a new sheet under its staging name, marked incomplete; the run's commit
 * gives it its name and its mark. Flushes at the end unless `flush` is false (the last sheet: the
 * commit goes into the same request). `before` runs in the first batch, after the sheet is added.
 */
async function writeSheet(
  batch: Batcher,
  context: XRequestContext,
  plan: PlannedSheet,
  options: Required<ExcelWriteOptions>,
  flush: boolean,
  before: () => void = () => undefined,
): Promise<XWorksheet> {
  const d = plan.description;
  const sheets = context.workbook.worksheets;
  let ws!: XWorksheet;
  await batch.add(4 * OPERATION_BYTES, () => {
    ws = sheets.add(plan.staging);
    ws.customProperties.add(REPORT_MARKER_KEY, INCOMPLETE_MARK + d.reportId);
    ws.showGridlines = d.showGridlines;
    before();
  });

  // Values and formulas: whole blocks of rows, each under the block size.
  const matrix = d.cells.map((row) => row.map(excelInput));
  const rowBytes = matrix.map((row) => row.reduce((sum: number, v) => sum + cellBytes(v), 2));
  for (const block of rowBlocks(rowBytes, 1, options.blockBytes)) {
    const rows = matrix.slice(block.first - 1, block.last);
    await batch.add(block.bytes + OPERATION_BYTES, () => {
      rangeOf(ws, { top: block.first, left: 1, bottom: block.last, right: d.columnCount }).formulas = rows;
    });
  }

  // Number formats: one 2-D array per style run that sets one, in row blocks.
  for (const run of d.styles) {
    const format = run.style.numberFormat;
    if (format === undefined) continue;
    const width = run.range.right - run.range.left + 1;
    const perRow = width * (utf8Bytes(JSON.stringify(format)) + 1) + 2;
    const rowCount = run.range.bottom - run.range.top + 1;
    for (const block of rowBlocks(
      new Array<number>(rowCount).fill(perRow),
      run.range.top,
      options.blockBytes,
    )) {
      const rows = Array.from({ length: block.last - block.first + 1 }, () =>
        new Array<string>(width).fill(format),
      );
      await batch.add(block.bytes + OPERATION_BYTES, () => {
        rangeOf(ws, { ...run.range, top: block.first, bottom: block.last }).numberFormat = rows;
      });
    }
  }

  // Fonts, fills, alignment, borders: one operation per rectangle and property.
  for (const run of d.styles) {
    const ops = styleOperations(run.style);
    if (ops === 0) continue;
    await batch.add(ops * OPERATION_BYTES, () => applyFormat(rangeOf(ws, run.range), run.range, run.style));
  }

  for (const m of d.merges) await batch.add(OPERATION_BYTES, () => rangeOf(ws, m).merge(false));

  // Column widths, grouped by equal neighbours.
  for (let c = 1; c <= d.columnCount;) {
    let end = c;
    while (end < d.columnCount && d.columnWidths[end] === d.columnWidths[c - 1]) end++;
    const points = widthToPoints(d.columnWidths[c - 1]);
    const from = c;
    await batch.add(OPERATION_BYTES, () => {
      rangeOf(ws, { top: 1, left: from, bottom: 1, right: end }).format.columnWidth = points;
    });
    c = end + 1;
  }

  // Row heights: fixed ones, except where Excel fits wrapped rows itself.
  const fit = d.autoFitRows;
  for (const h of d.rowHeights) {
    if (fit && h.first >= fit.first && h.last <= fit.last) continue;
    await batch.add(OPERATION_BYTES, () => {
      rangeOf(ws, { top: h.first, left: 1, bottom: h.last, right: 1 }).format.rowHeight = h.height;
    });
  }
  if (fit) {
    await batch.add(OPERATION_BYTES, () =>
      rangeOf(ws, { top: fit.first, left: 1, bottom: fit.last, right: d.columnCount }).format.autofitRows(),
    );
  }

  for (const cf of d.conditionalFills) {
    await batch.add(5 * OPERATION_BYTES + utf8Bytes(cf.formula), () => {
      const rule = rangeOf(ws, cf.range).conditionalFormats.add("Custom");
      rule.custom.rule.formula = cf.formula;
      if (cf.fill) rule.custom.format.fill.color = cf.fill;
      if (cf.fontColor) rule.custom.format.font.color = cf.fontColor;
      if (cf.bold) rule.custom.format.font.bold = true;
    });
  }

  const p = d.print;
  await batch.add(16 * OPERATION_BYTES + utf8Bytes(p.centerFooter), () => {
    if (d.freeze.rows > 0 && d.freeze.columns > 0) {
      ws.freezePanes.freezeAt(a1Range(1, 1, d.freeze.rows, d.freeze.columns));
    } else if (d.freeze.rows > 0) ws.freezePanes.freezeRows(d.freeze.rows);
    const layout = ws.pageLayout;
    layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    layout.zoom = { horizontalFitToPages: p.fitToPagesWide, verticalFitToPages: p.fitToPagesTall };
    const points = (inches: number): number => Math.round(inches * 72 * 100) / 100;
    layout.leftMargin = points(p.margins.left);
    layout.rightMargin = points(p.margins.right);
    layout.topMargin = points(p.margins.top);
    layout.bottomMargin = points(p.margins.bottom);
    layout.headerMargin = points(p.margins.header);
    layout.footerMargin = points(p.margins.footer);
    layout.centerHorizontally = p.centerHorizontally;
    layout.setPrintArea(a1Range(p.printArea.top, p.printArea.left, p.printArea.bottom, p.printArea.right));
    if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows.first}:$${p.titleRows.last}`);
    for (const r of p.pageBreaks ?? []) ws.horizontalPageBreaks.add(`A${r}`);
    layout.headersFooters.defaultForAllPages.centerFooter = p.centerFooter;
  });
  if (flush) await batch.flush();
  return ws;
}

/**
 * Writes report sheets into the workbook of `context` (inside `Excel.run`). Returns the names used
 * (a clerk's sheet may have pushed a report to "Name (2)") and the sync count and largest request.
 *
 * All or nothing: each report is written into a new sheet under a staging name ("(chưa xong)
 * Tổng hợp", marked incomplete); the last request also commits the run: the add-in's earlier
 * sheets are deleted and the new ones take their names and marks. If any request fails, the sheets
 * of the run are deleted again (best effort) and the error is thrown: the workbook is as it was.
 * Should even that fail (Excel gone), what is left is only clearly named, incomplete-marked sheets,
 * which the next run deletes; never a half-written sheet under a report's name.
 */
export async function writeReportsToExcel(
  context: XRequestContext,
  descriptions: readonly SheetDescription[],
  options: ExcelWriteOptions = {},
): Promise<ExcelWriteResult> {
  const settings: Required<ExcelWriteOptions> = {
    maxRequestBytes: options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
    blockBytes: Math.min(
      options.blockBytes ?? DEFAULT_BLOCK_BYTES,
      (options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES) / 2,
    ),
  };
  let syncs = 0;
  // 1: which sheets exist; 2: which of them are the add-in's reports.
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  syncs++;
  const existing = sheets.items;
  let marks: (string | null)[] = [];
  if (existing.length > 0) {
    const props = existing.map((ws) => {
      const prop = ws.customProperties.getItemOrNullObject(REPORT_MARKER_KEY);
      prop.load("value");
      return prop;
    });
    await context.sync();
    syncs++;
    marks = props.map((p) => (p.isNullObject ? null : p.value));
  }
  // Sheets an interrupted run left behind are deleted in the first batch; their names are free.
  const leftovers = existing.filter((_, i) => isIncompleteMark(marks[i] ?? null));
  const kept = existing
    .map((ws, i) => ({ ws, name: ws.name, reportId: marks[i] ?? null }))
    .filter((e) => !isIncompleteMark(e.reportId));
  const names = planSheetNames(
    kept,
    descriptions.map((d) => ({ name: d.name, reportId: d.reportId })),
  );
  // Leftovers are deleted after the first sheet is added (a workbook keeps one sheet): avoid their names too.
  const staging = stagingNames(
    names.map((n) => n.name),
    existing.map((ws) => ws.name),
  );
  const plans: PlannedSheet[] = descriptions.map((description, i) => ({
    description,
    name: names[i].name,
    replaces: names[i].replaces === null ? null : kept[names[i].replaces!].ws,
    staging: staging[i],
  }));
  const batch = new Batcher(context, settings.maxRequestBytes);
  const written: WrittenSheet[] = [];
  try {
    const staged: XWorksheet[] = [];
    for (let i = 0; i < plans.length; i++) {
      const before = batch.syncs;
      const last = i === plans.length - 1;
      const deleteLeftovers = (): void => leftovers.forEach((ws) => ws.delete());
      staged.push(
        await writeSheet(batch, context, plans[i], settings, !last, i === 0 ? deleteLeftovers : undefined),
      );
      if (last) {
        // The commit, in the same request as the last sheet's last operations.
        await batch.add((4 * plans.length + 2) * OPERATION_BYTES, () => {
          plans.forEach((plan, k) => {
            plan.replaces?.delete();
            staged[k].name = plan.name;
            staged[k].customProperties.add(REPORT_MARKER_KEY, plan.description.reportId);
          });
        });
        await batch.flush();
      }
      written.push({
        reportId: plans[i].description.reportId,
        name: plans[i].name,
        replaced: plans[i].replaces !== null,
        syncs: batch.syncs - before,
      });
    }
    if (plans.length === 0 && leftovers.length > 0) {
      await batch.add(OPERATION_BYTES * leftovers.length, () => leftovers.forEach((ws) => ws.delete()));
      await batch.flush();
    }
  } catch (error) {
    await deleteIncompleteSheets(context).catch(() => undefined);
    throw error;
  }
  return { sheets: written, syncs: syncs + batch.syncs, largestRequestBytes: batch.largest };
}

/**
 * Deletes the sheets of an unfinished run (marked incomplete), unless they are all the workbook
 * has. Three syncs: names, marks, deletion.
 */
async function deleteIncompleteSheets(context: XRequestContext): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const props = sheets.items.map((ws) => {
    const prop = ws.customProperties.getItemOrNullObject(REPORT_MARKER_KEY);
    prop.load("value");
    return prop;
  });
  await context.sync();
  const incomplete = sheets.items.filter(
    (_, i) => !props[i].isNullObject && isIncompleteMark(props[i].value),
  );
  if (incomplete.length === 0 || incomplete.length === sheets.items.length) return;
  incomplete.forEach((ws) => ws.delete());
  await context.sync();
}
