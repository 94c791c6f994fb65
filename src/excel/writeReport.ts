import { a1Range, quoteSheetName } from "../core/a1";
import { REPORT_NAME_PREFIX } from "../core/grid";
import type { WrittenSheet } from "../port/workbookPort";
import {
  OPERATION_BYTES,
  REQUEST_BUDGET_BYTES,
  RequestBatcher,
  assertWritable,
  cellInputs,
  escapedBytes,
  escapedStringBytes,
  queueInputs,
  recalculate,
  rowBlocks as blocksOf,
  type Input,
  type XCalculationContext,
  type XProtectionContext,
} from "./applier";
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
 * The Office.js report writer: applies report sheet descriptions to the open workbook, under the
 * rules of the applier (src/excel/applier.ts: one request budget counted in escaped bytes, one way
 * of keeping text as text, calculation suspended per request and recalculated at the end).
 *
 * - Batched: two syncs to learn which sheets exist and which are the add-in's, then one per
 *   report sheet, plus one more for each further budget of payload. Values, formulas and number
 *   formats are written as whole 2-D arrays per block of rows, styles one operation per rectangle.
 * - All or nothing: every report is written into a new, staged sheet; the last request commits
 *   the run (the earlier reports deleted, the new ones renamed and marked), its names chosen from
 *   a fresh look at the workbook just before (the clerk may have added, renamed or deleted sheets
 *   meanwhile). A cancel or a failure before the commit removes the staged sheets: the previous
 *   complete set stays; a failure inside the commit is a `CommitError` (the set may be mixed).
 * - Marked twice: a worksheet custom property (`nth-rollup-report` = report id, ExcelApi 1.12) and
 *   a workbook-scoped defined name `_nth_report_<id>` on the sheet's A1 — what the .xlsx reader
 *   (the command line) reads — so a workbook reported on in Excel and saved is read the same by
 *   both. Only a sheet marked with the same report id is replaced; a clerk's sheet with the
 *   report's name is never touched (the report gets "Tổng hợp (2)").
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
  readonly protection: { readonly protected: boolean };
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

/** A defined name: `value` is what its formula gives, for a range its address ("'Tổng hợp'!$A$1"). */
export interface XNamedItem {
  readonly name: string;
  readonly value: unknown;
  delete(): void;
}

export interface XNamedItemCollection {
  readonly items: XNamedItem[];
  load(propertyNames?: string): unknown;
  add(name: string, reference: XRange | string, comment?: string): unknown;
  getItem(name: string): XNamedItem;
}

export interface XRequestContext {
  workbook: {
    worksheets: XWorksheetCollection;
    names: XNamedItemCollection;
    protection: XProtectionContext["workbook"]["protection"];
    application: {
      suspendApiCalculationUntilNextSync(): void;
    } & XCalculationContext["workbook"]["application"];
  };
  sync(): Promise<unknown>;
}

// ---- Options and result. ----

export interface ExcelWriteOptions {
  /** Largest request (one sync), in escaped bytes; default the applier's budget. */
  readonly maxRequestBytes?: number;
  /** Rows of values per block are chosen so a block stays under this size; default 500 kB. */
  readonly blockBytes?: number;
  /** Called before each sheet is written. */
  readonly onProgress?: (progress: { index: number; total: number; name: string }) => void;
  /** Checked before each sheet: when aborted, the run's sheets are removed and nothing changes. */
  readonly signal?: AbortSignal;
}

export type { WrittenSheet };

export interface ExcelWriteResult {
  /** Every sheet of the run when it committed; none when it was cancelled. */
  readonly sheets: readonly WrittenSheet[];
  readonly cancelled: boolean;
  readonly syncs: number;
  /** Largest estimated payload of one sync, in escaped bytes. */
  readonly largestRequestBytes: number;
  /** True when Excel calculates manually (the reports were recalculated once). */
  readonly manualCalculation: boolean;
}

const DEFAULT_BLOCK_BYTES = 500_000;
const MAX_SHEET_NAME = 31;

/** Escaped bytes of one cell in a request. */
function cellBytes(v: Input): number {
  return escapedBytes(v) + 1;
}

// ---- Description → Office.js values. ----

/** What is written to `formulas` for a cell: the formula, the value, or the text (see `mustStayText`). */
export function excelInput(c: CellContent): Input {
  if (c === null) return null;
  if (isFormula(c)) return c.formula;
  if (isForcedText(c)) return fitCellText(c.text);
  if (typeof c === "string") return fitCellText(c);
  return c;
}

/** True for a cell whose text Excel would read as something else: written into a text-formatted cell. */
export function mustStayText(c: CellContent): boolean {
  return isForcedText(c) || (typeof c === "string" && c !== "" && needsForcedText(c));
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

/** Row blocks [first, last] (1-based) whose bytes stay under `limit` each. */
function rowBlocks(
  rowBytes: readonly number[],
  firstRow: number,
  limit: number,
): { first: number; last: number; bytes: number }[] {
  return blocksOf(rowBytes, limit).map((b) => ({
    first: firstRow + b.from,
    last: firstRow + b.from + b.count - 1,
    bytes: b.bytes,
  }));
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
 * gives it its name and its mark. Flushes at the end. `before` runs in the first batch, after the
 * sheet is added.
 */
async function writeSheet(
  batch: RequestBatcher,
  context: XRequestContext,
  plan: PlannedSheet,
  options: { readonly blockBytes: number },
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
  const textOnly = new Set<string>();
  d.cells.forEach((row, r) => row.forEach((c, k) => mustStayText(c) && textOnly.add(`${r}:${k}`)));
  // A forced cell costs its "@" too: count it in the row's bytes.
  const rowBytes = matrix.map((row, r) =>
    row.reduce((sum: number, v, k) => sum + cellBytes(v) + (textOnly.has(`${r}:${k}`) ? 9 : 5), 2),
  );
  for (const block of rowBlocks(rowBytes, 1, options.blockBytes)) {
    const first = block.first - 1;
    const inputs = cellInputs(matrix.slice(first, block.last), (_s) => false);
    // The text cells of the block, by position (a string that merely looks like a formula is a formula here).
    const formats = inputs.values.map((row, r) =>
      row.map((_v, k) => (textOnly.has(`${first + r}:${k}`) ? "@" : null)),
    );
    const forced = formats.some((row) => row.some((f) => f !== null));
    await batch.add(block.bytes + 2 * OPERATION_BYTES, () => {
      const range = rangeOf(ws, { top: block.first, left: 1, bottom: block.last, right: d.columnCount });
      queueInputs(range, { values: inputs.values, formats: forced ? formats : null }, "formulas");
    });
  }

  // Number formats: one 2-D array per style run that sets one, in row blocks.
  for (const run of d.styles) {
    const format = run.style.numberFormat;
    if (format === undefined) continue;
    const width = run.range.right - run.range.left + 1;
    const perRow = width * (escapedStringBytes(format) + 1) + 2;
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
    await batch.add(5 * OPERATION_BYTES + escapedStringBytes(cf.formula), () => {
      const rule = rangeOf(ws, cf.range).conditionalFormats.add("Custom");
      rule.custom.rule.formula = cf.formula;
      if (cf.fill) rule.custom.format.fill.color = cf.fill;
      if (cf.fontColor) rule.custom.format.font.color = cf.fontColor;
      if (cf.bold) rule.custom.format.font.bold = true;
    });
  }

  const p = d.print;
  await batch.add(16 * OPERATION_BYTES + escapedStringBytes(p.centerFooter), () => {
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
  await batch.flush();
  return ws;
}

/** The defined name marking a report sheet in files and in Excel: `_nth_report_<id>`. */
export function reportName(reportId: ReportId): string {
  return `${REPORT_NAME_PREFIX}${reportId}`;
}

/** The sheet a defined name's value refers to ("'Tổng hợp'!$A$1" → "Tổng hợp"); null for #REF! and the like. */
export function sheetOfReference(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const v = value.startsWith("=") ? value.slice(1) : value;
  const quoted = /^'((?:[^']|'')+)'!/.exec(v);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^'!#][^!]*)!/.exec(v);
  return plain ? plain[1] : null;
}

/**
 * The report marks of the sheets: the custom property, else a `_nth_report_*` name on the sheet. A
 * property whose report's name marks another sheet is a copy's (duplicated by the clerk): not a mark.
 */
export async function loadReportMarks(
  context: XRequestContext,
  sheets: readonly XWorksheet[],
): Promise<{ marks: (string | null)[]; names: XNamedItem[] }> {
  const names = context.workbook.names;
  names.load("items/name,items/value");
  const props = sheets.map((ws) => {
    const prop = ws.customProperties.getItemOrNullObject(REPORT_MARKER_KEY);
    prop.load("value");
    return prop;
  });
  await context.sync();
  const byName = new Map<string, string>();
  const sheetOfId = new Map<string, string>();
  for (const item of names.items) {
    if (!item.name.startsWith(REPORT_NAME_PREFIX)) continue;
    const sheet = sheetOfReference(item.value);
    if (!sheet) continue;
    const id = item.name.slice(REPORT_NAME_PREFIX.length);
    byName.set(sheet.toLocaleLowerCase(), id);
    sheetOfId.set(id, sheet.toLocaleLowerCase());
  }
  const marks = sheets.map((ws, i) => {
    const key = ws.name.toLocaleLowerCase();
    if (props[i].isNullObject) return byName.get(key) ?? null;
    const id = props[i].value;
    // A copy of a report sheet (Excel's Move or Copy keeps the property, not the workbook's name):
    // the name marks another sheet as that report. The copy is the clerk's, and is read as data,
    // as the command line (which sees only the names) reads it.
    const named = sheetOfId.get(id);
    return named !== undefined && named !== key ? (byName.get(key) ?? null) : id;
  });
  return { marks, names: names.items.filter((n) => n.name.startsWith(REPORT_NAME_PREFIX)) };
}

/**
 * Writes report sheets into the workbook of `context` (inside `Excel.run`). Returns the names used
 * (a clerk's sheet may have pushed a report to "Name (2)"), the sync count and largest request.
 *
 * All or nothing: each report is written into a new sheet under a staging name ("(chưa xong)
 * Tổng hợp", marked incomplete); then a fresh look (two syncs) and one request commit the run: the
 * add-in's earlier sheets and their names are deleted and the new ones take their names and marks.
 * A cancel (checked before each sheet and before the commit) or a failed request deletes the
 * sheets of the run again: the workbook is as it was (a failure is thrown; one inside the commit
 * request, which Excel may have applied in part, as a `CommitError`). Should even that fail (Excel gone), what is left is
 * only clearly named, incomplete-marked sheets, which the next run deletes.
 */
export async function writeReportsToExcel(
  context: XRequestContext,
  descriptions: readonly SheetDescription[],
  options: ExcelWriteOptions = {},
): Promise<ExcelWriteResult> {
  const budget = options.maxRequestBytes ?? REQUEST_BUDGET_BYTES;
  const blockBytes = Math.min(options.blockBytes ?? DEFAULT_BLOCK_BYTES, budget / 2);
  let syncs = 0;
  // 1: whether sheets can be added (structure protection), and which sheets exist.
  await assertWritable(context as unknown as XProtectionContext, { structure: true, sheets: [] });
  syncs++;
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  syncs++;
  const existing = sheets.items;
  // 2: which of them are the add-in's reports (custom property or defined name).
  const { marks } = await loadReportMarks(context, existing);
  syncs++;
  // Sheets an interrupted run left behind are deleted in the first batch; their names are free.
  const leftovers = existing.filter((_, i) => isIncompleteMark(marks[i] ?? null));
  const kept = existing
    .map((ws, i) => ({ ws, name: ws.name, reportId: marks[i] ?? null }))
    .filter((e) => !isIncompleteMark(e.reportId));
  const planned = planSheetNames(
    kept,
    descriptions.map((d) => ({ name: d.name, reportId: d.reportId })),
  );
  // Leftovers are deleted after the first sheet is added (a workbook keeps one sheet): avoid their names too.
  const staging = stagingNames(
    planned.map((n) => n.name),
    existing.map((ws) => ws.name),
  );
  const plans: PlannedSheet[] = descriptions.map((description, i) => ({
    description,
    name: planned[i].name,
    replaces: planned[i].replaces === null ? null : kept[planned[i].replaces!].ws,
    staging: staging[i],
  }));
  const batch = new RequestBatcher(context, budget);
  const written: WrittenSheet[] = [];
  const cancelled = async (): Promise<ExcelWriteResult> => {
    await deleteIncompleteSheets(context);
    return {
      sheets: [],
      cancelled: true,
      syncs: syncs + batch.syncs + 3,
      largestRequestBytes: batch.largest,
      manualCalculation: false,
    };
  };
  const commit = { started: false };
  try {
    const staged: XWorksheet[] = [];
    for (let i = 0; i < plans.length; i++) {
      if (options.signal?.aborted) return await cancelled();
      options.onProgress?.({ index: i, total: plans.length, name: plans[i].description.name });
      const before = batch.syncs;
      const deleteLeftovers = (): void => leftovers.forEach((ws) => ws.delete());
      staged.push(
        await writeSheet(batch, context, plans[i], { blockBytes }, i === 0 ? deleteLeftovers : undefined),
      );
      written.push({
        reportId: plans[i].description.reportId,
        name: plans[i].name,
        replaced: plans[i].replaces !== null,
        syncs: batch.syncs - before,
      });
    }
    if (plans.length > 0) {
      if (options.signal?.aborted) return await cancelled();
      // The clerk may have added, renamed or deleted sheets while the run wrote (minutes at country
      // size): the names and the sheets to replace are chosen again from a fresh look, just before
      // the commit, so that it neither fails on a taken name nor deletes a sheet that is gone.
      const final = await commitReports(context, batch, descriptions, staged, commit);
      syncs += 2;
      written.forEach((w, i) => {
        written[i] = { ...w, name: final[i].name, replaced: final[i].replaced };
      });
    }
    if (plans.length === 0 && leftovers.length > 0) {
      await batch.add(OPERATION_BYTES * leftovers.length, () => leftovers.forEach((ws) => ws.delete()));
      await batch.flush();
    }
  } catch (error) {
    const cleaned = await deleteIncompleteSheets(context).then(
      () => true,
      () => false,
    );
    if (commit.started) throw new CommitError(error, cleaned);
    if (!cleaned) throw new CommitError(error, false, false);
    throw error;
  }
  // The run is committed: a failed recalculation does not undo it (Excel recalculates on its own).
  const manualCalculation = plans.length > 0 ? await recalculate(context).catch(() => false) : false;
  return {
    sheets: written,
    cancelled: false,
    syncs: syncs + batch.syncs + (plans.length > 0 ? 1 : 0),
    largestRequestBytes: batch.largest,
    manualCalculation,
  };
}

/**
 * A report run failed while it replaced the earlier reports (its last request): Excel applies the
 * operations of a request before the one that failed, so some reports may be the new ones and
 * others the earlier ones (or missing); a new run puts a complete set back. Also thrown, with
 * `committing` false, when a run failed earlier and its staged sheets could not be removed.
 */
export class CommitError extends Error {
  constructor(
    readonly original: unknown,
    /** False when the run's staged sheets could not be removed (they stay, marked; the next run deletes them). */
    readonly cleaned: boolean,
    /** False when the failure came before the commit (the earlier reports are as they were). */
    readonly committing: boolean = true,
  ) {
    super(original instanceof Error ? original.message : String(original));
    this.name = "CommitError";
  }
}

/**
 * The commit of a run: looks at the workbook afresh (two syncs), chooses each report's name and the
 * earlier sheet it replaces again, then in one request deletes the earlier reports and their names,
 * gives the staged sheets their names and marks, and names them. Returns the names used;
 * `commit.started` turns true when the commit request is queued (a failure after it may be partial).
 */
async function commitReports(
  context: XRequestContext,
  batch: RequestBatcher,
  descriptions: readonly SheetDescription[],
  staged: readonly XWorksheet[],
  commit: { started: boolean },
): Promise<{ name: string; replaced: boolean }[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const { marks, names } = await loadReportMarks(context, sheets.items);
  const kept = sheets.items
    .map((ws, i) => ({ ws, name: ws.name, reportId: marks[i] ?? null }))
    .filter((e) => !isIncompleteMark(e.reportId));
  const planned = planSheetNames(
    kept,
    descriptions.map((d) => ({ name: d.name, reportId: d.reportId })),
  );
  const ids = new Set(descriptions.map((d) => reportName(d.reportId)));
  commit.started = true;
  await batch.add((6 * descriptions.length + 2) * OPERATION_BYTES, () => {
    names.filter((n) => ids.has(n.name)).forEach((n) => n.delete());
    descriptions.forEach((d, k) => {
      const replaces = planned[k].replaces;
      if (replaces !== null) kept[replaces].ws.delete();
      staged[k].name = planned[k].name;
      staged[k].customProperties.add(REPORT_MARKER_KEY, d.reportId);
      context.workbook.names.add(
        reportName(d.reportId),
        `=${quoteSheetName(planned[k].name)}!$A$1`,
        "nth-rollup report sheet",
      );
    });
  });
  await batch.flush();
  return planned.map((p) => ({ name: p.name, replaced: p.replaces !== null }));
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
