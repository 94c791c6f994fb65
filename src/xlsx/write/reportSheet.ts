import { a1Range } from "../../core/a1";
import { REPORT_NAME_PREFIX } from "../../core/grid";
import {
  fitCellText,
  isForcedText,
  isFormula,
  type CellContent,
  type CellStyle,
  type SheetDescription,
  type StyleRun,
} from "../../report/description";
import {
  openRow,
  writeFormulaEnd,
  type CellHeads,
  type RowsXml,
  type SharedStrings,
  type WorksheetSpec,
  type WriteCell,
  type WriteRow,
  type WriteValue,
} from "./sheet";
import type { XmlBytes } from "./xmlBytes";
import type { StyleTable } from "./styles";
import type { StreamingZip } from "./zip";
import type { XlsxPackage } from "./workbook";

/**
 * Report sheet descriptions (src/report/description.ts) → worksheets of an .xlsx package: values,
 * formulas with the core's results cached (viewers that do not recalculate still show the
 * figures), text always as text (a village called "=1+1" stays text; `xlsxText` escapes what XML
 * cannot hold), styles, merges, widths, heights, conditional formats, freeze panes, the print
 * setup (A4, orientation, fit to pages, margins, footer, print area and titles as defined names),
 * and a `_nth_report_<id>` defined name marking the sheet as a report. No NTH custom function is
 * ever written. No Node API.
 */

function writeValue(c: CellContent): WriteValue | null {
  if (c === null) return null;
  if (isFormula(c)) return { formula: c.formula.slice(1), result: c.result };
  if (isForcedText(c)) return fitCellText(c.text);
  if (typeof c === "string") return fitCellText(c);
  return c;
}

/** Merges style runs in order into one style (later runs override what they set). */
function mergedStyle(runs: readonly CellStyle[]): CellStyle {
  let font: Record<string, unknown> | undefined;
  const style: Record<string, unknown> = {};
  for (const s of runs) {
    if (s.font) font = { ...font, ...definedOnly(s.font) };
    Object.assign(style, definedOnly({ ...s, font: undefined }));
  }
  if (font && Object.keys(font).length) style.font = font;
  return style as CellStyle;
}

function definedOnly(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/**
 * The style index of every cell, without a style computation per cell: the runs active on a row
 * form a key, and each distinct key's per-column styles are computed once and shared. A cell
 * covered only by the sheet-wide first run gets that run's style only when it holds something
 * (as the ExcelJS writer did: blank cells under the base font alone stay unstyled).
 */
function styleRows(d: SheetDescription, styles: StyleTable): (r: number) => readonly (number | null)[] {
  const runs: readonly StyleRun[] = d.styles;
  const base = runs.length > 0 && runs[0].range.top === 1 && runs[0].range.bottom >= d.cells.length ? 0 : -1;
  const cache = new Map<string, (number | null)[]>();
  // Runs by first row; the runs active on a row are kept from one row to the next (rows are asked
  // for in ascending order), so a sheet with one run per row (the annex: 5,500 runs, 75,000 rows)
  // costs a few runs per row instead of every run on every row.
  const byTop = runs.map((_, i) => i).sort((a, b) => runs[a].range.top - runs[b].range.top || a - b);
  // A run's key: its style's content (as JSON, numbered) and its columns; the sheet-wide base run
  // has a key of its own (a cell under it alone stays unstyled when blank).
  const styleIds = new Map<string, number>();
  const runKeys = runs.map((run, i) => {
    if (i === base) return "base";
    const json = JSON.stringify(run.style);
    let id = styleIds.get(json);
    if (id === undefined) styleIds.set(json, (id = styleIds.size));
    return `${id}:${run.range.left}-${run.range.right}`;
  });
  let next = 0;
  let active: number[] = [];
  let lastRow = -Infinity;
  // The previous row's styles, while the same runs stay active (most rows of a long sheet).
  let previous: (number | null)[] | null = null;
  return (r) => {
    if (r < lastRow) {
      next = 0;
      active = [];
      previous = null;
    }
    lastRow = r;
    let changed = false;
    while (next < byTop.length && runs[byTop[next]].range.top <= r) {
      active.push(byTop[next++]);
      changed = true;
    }
    if (changed) active.sort((a, b) => a - b);
    if (active.some((i) => runs[i].range.bottom < r)) {
      active = active.filter((i) => r <= runs[i].range.bottom);
      changed = true;
    }
    if (!changed && previous) return previous;
    // Keyed by what the runs are (style and columns), not by which runs: the annex's 3,300 bold
    // commune rows each have a run of their own, all alike, and share one computed row.
    const key = active.map((i) => runKeys[i]).join(",");
    let row = cache.get(key);
    if (!row) {
      row = [];
      for (let c = 1; c <= d.columnCount; c++) {
        const covering = active.filter((i) => runs[i].range.left <= c && c <= runs[i].range.right);
        const onlyBase = covering.length === 0 || (covering.length === 1 && covering[0] === base);
        // null: no style of its own (the base style applies if the cell holds something).
        row.push(onlyBase ? null : styles.cellStyle(mergedStyle(covering.map((i) => runs[i].style))));
      }
      cache.set(key, row);
    }
    previous = row;
    return row;
  };
}

/** The style of a cell under the sheet-wide first run alone, when it holds something (0: none). */
function baseStyleOf(d: SheetDescription, styles: StyleTable): number {
  return d.styles.length > 0 && d.styles[0].range.top === 1 && d.styles[0].range.bottom >= d.cells.length
    ? styles.cellStyle(mergedStyle([d.styles[0].style]))
    : 0;
}

/** Each row's own height (points), by row. */
function rowHeights(d: SheetDescription): Map<number, number> {
  const heights = new Map<number, number>();
  for (const h of d.rowHeights) for (let r = h.first; r <= h.last; r++) heights.set(r, h.height);
  return heights;
}

/**
 * The rows of a description as `WriteRow`s: the plain definition of what `ReportRowsXml` writes
 * (the tests compare the two).
 */
export function* reportRows(d: SheetDescription, styles: StyleTable): Iterable<WriteRow> {
  const stylesOf = styleRows(d, styles);
  const baseStyle = baseStyleOf(d, styles);
  const heights = rowHeights(d);
  // One cell per column and one list of cells, reused from row to row (a row is written before
  // the next is asked for: see `WorksheetSpec.rows`): a million cells without a million objects.
  const pool = Array.from({ length: d.columnCount }, (_, i) => ({
    column: i + 1,
    value: null as WriteValue | null,
    style: 0,
  }));
  const cells: WriteCell[] = [];
  for (let r = 1; r <= d.cells.length; r++) {
    const row = d.cells[r - 1];
    const rowStyles = stylesOf(r);
    cells.length = 0;
    for (let c = 1; c <= d.columnCount; c++) {
      const content = row[c - 1];
      const own = rowStyles[c - 1];
      if (content === null && own === null) continue;
      const cell = pool[c - 1];
      cell.value = writeValue(content);
      cell.style = own ?? (content !== null ? baseStyle : 0);
      cells.push(cell);
    }
    const height = heights.get(r);
    if (cells.length > 0 || height !== undefined) yield { row: r, height, cells };
  }
}

/**
 * The rows of a description written straight from its cells as XML: what `reportRows` gives,
 * written as `worksheetChunks` writes `WriteRow`s, without a `WriteCell` (nor, for a formula, a
 * value object and a copy of its text without "=") per cell.
 */
export class ReportRowsXml implements RowsXml {
  private readonly stylesOf: (r: number) => readonly (number | null)[];
  private readonly baseStyle: number;
  private readonly heights: Map<number, number>;
  private r = 1;

  constructor(
    private readonly d: SheetDescription,
    styles: StyleTable,
  ) {
    this.stylesOf = styleRows(d, styles);
    this.baseStyle = baseStyleOf(d, styles);
    this.heights = rowHeights(d);
  }

  writeNext(out: XmlBytes, heads: CellHeads, strings: SharedStrings): boolean {
    const { d, baseStyle } = this;
    const columns = d.columnCount;
    for (; this.r <= d.cells.length; this.r++) {
      const r = this.r;
      const row = d.cells[r - 1];
      const rowStyles = this.stylesOf(r);
      const height = this.heights.get(r);
      let open = false;
      for (let c = 0; c < columns; c++) {
        const content = row[c];
        const own = rowStyles[c];
        if (content === null && own === null) continue;
        if (!open) {
          openRow(out, r, height);
          heads.setRow(r);
          open = true;
        }
        const style = own ?? (content !== null ? baseStyle : 0);
        out.cellHead(heads.column(c + 1), heads.row, heads.rowLength, style ? heads.style(style) : null);
        if (content === null) {
          out.blankEnd();
        } else if (typeof content === "string") {
          out.stringEnd(strings.indexAt(fitCellText(content), c + 1));
        } else if (typeof content === "number") {
          out.numberEnd(content);
        } else if (typeof content === "boolean") {
          out.ascii(content ? '" t="b"><v>1</v></c>' : '" t="b"><v>0</v></c>');
        } else if (isFormula(content)) {
          writeFormulaEnd(out, content.formula, 1, content.result);
        } else {
          out.stringEnd(strings.indexAt(fitCellText(content.text), c + 1));
        }
      }
      if (!open && height === undefined) continue;
      if (!open) openRow(out, r, height);
      out.ascii("</row>");
      this.r++;
      return true;
    }
    return false;
  }
}

/** The worksheet of one report description, named `name` (unique in the workbook). */
export function reportWorksheet(d: SheetDescription, name: string, styles: StyleTable): WorksheetSpec {
  return {
    name,
    rows: new ReportRowsXml(d, styles),
    columnWidths: d.columnWidths,
    merges: d.merges,
    freeze: d.freeze,
    showGridlines: d.showGridlines,
    conditionalFormats: d.conditionalFills.map((f) => ({
      range: f.range,
      formula: f.formula.slice(1),
      dxfId: styles.differentialStyle({ fill: f.fill, fontColor: f.fontColor, bold: f.bold }),
    })),
    print: d.print,
  };
}

const absolute = (ref: string): string => ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

/**
 * Adds the report sheets in order, each with its print area and titles and its report mark; a
 * name taken (without regard to case) gets " (2)", " (3)"…. Returns the names used.
 */
export function addReportSheets(pkg: XlsxPackage, descriptions: readonly SheetDescription[]): string[] {
  const used = new Set(pkg.sheetNames().map((n) => n.toLocaleLowerCase()));
  return descriptions.map((d) => {
    const name = uniqueName(d, used);
    markReportSheet(pkg, pkg.addSheet(reportWorksheet(d, name, pkg.styles)), d);
    return name;
  });
}

/**
 * As `addReportSheets`, each sheet deflated by `zipper` chunk by chunk as its XML is written
 * (`XlsxPackage.addSheetStreamed`); the package's parts are the same.
 */
export async function addReportSheetsStreamed(
  pkg: XlsxPackage,
  descriptions: readonly SheetDescription[],
  zipper: StreamingZip,
): Promise<string[]> {
  const used = new Set(pkg.sheetNames().map((n) => n.toLocaleLowerCase()));
  const names: string[] = [];
  for (const d of descriptions) {
    const name = uniqueName(d, used);
    names.push(name);
    markReportSheet(pkg, await pkg.addSheetStreamed(reportWorksheet(d, name, pkg.styles), zipper), d);
  }
  return names;
}

/** The sheet's name, or with " (2)", " (3)"… when taken (`used`: lower-case names taken, updated). */
function uniqueName(d: SheetDescription, used: Set<string>): string {
  let name = d.name;
  for (let k = 2; used.has(name.toLocaleLowerCase()); k++) name = `${d.name.slice(0, 26)} (${k})`;
  used.add(name.toLocaleLowerCase());
  return name;
}

/** The sheet's print area and titles (defined names local to it) and its report mark. */
function markReportSheet(pkg: XlsxPackage, at: number, d: SheetDescription): void {
  const p = d.print;
  pkg.addName(
    "_xlnm.Print_Area",
    at,
    absolute(a1Range(p.printArea.top, p.printArea.left, p.printArea.bottom, p.printArea.right)),
    true,
  );
  if (p.titleRows) pkg.addName("_xlnm.Print_Titles", at, `$${p.titleRows.first}:$${p.titleRows.last}`, true);
  // Marks the sheet as a report, so reading this file again never takes it for data.
  pkg.addName(`${REPORT_NAME_PREFIX}${d.reportId}`, at, "$A$1", false);
}
