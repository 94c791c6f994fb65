import ExcelJS from "exceljs";
import { a1Range, quoteSheetName } from "../core/a1";
import { REPORT_NAME_PREFIX } from "../core/grid";
import {
  fitCellText,
  isForcedText,
  isFormula,
  type CellContent,
  type CellStyle,
  type SheetDescription,
  type StyleRun,
} from "../report/description";

/**
 * The ExcelJS writer: report sheet descriptions → an .xlsx workbook. It writes exactly what the
 * description says: values, formulas (with the core's result cached, so viewers that do not
 * recalculate still show the figures), text (a plain ExcelJS string is always stored as text, so
 * a village called "=1+1" stays text), styles, merges, widths, heights, conditional formats,
 * freeze panes and the print setup. No NTH custom function is ever written.
 */

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

function cellValue(c: CellContent): ExcelJS.CellValue {
  if (c === null) return null;
  if (isFormula(c)) {
    const formula = c.formula.slice(1);
    return c.result === undefined || c.result === null
      ? { formula, date1904: false }
      : { formula, result: c.result, date1904: false };
  }
  if (isForcedText(c)) return xlsxText(fitCellText(c.text));
  if (typeof c === "string") return xlsxText(fitCellText(c));
  return c;
}

/**
 * Text as an .xlsx file can hold it, so that Excel (and ExcelJS, and LibreOffice) read back exactly
 * the same string. Written as OOXML escapes `_xHHHH_` (UTF-16 code units), which readers turn back
 * into the characters:
 * - what XML 1.0 cannot hold (most C0 controls, U+FFFE, U+FFFF: ExcelJS would drop the controls and
 *   write the others raw, making the file unreadable), U+007F (which ExcelJS drops) and CR (which
 *   XML parsers turn into LF; Excel writes CR as `_x000D_` too);
 * - characters outside the Basic Multilingual Plane (emoji, rare Han and Nôm characters): the zip
 *   library under ExcelJS encodes text in blocks of 16,384 UTF-16 units and turns a surrogate pair
 *   cut by a block boundary into two U+FFFD; escaped, the XML holds only ASCII for them.
 * Text that already looks like an escape ("_x0041_") gets its underscore escaped (`_x005F_`), or it
 * would be read as "A". An unpaired surrogate is not a character and becomes U+FFFD.
 */
export function xlsxText(s: string): string {
  return s.replace(NOT_AS_IS, (m: string) => {
    if (m.length === 7) return `_x005F${m}`;
    const code = m.charCodeAt(0);
    if (m.length === 2) return `${escape(code)}${escape(m.charCodeAt(1))}`;
    if (code >= 0xd800 && code <= 0xdfff) return "\ufffd";
    return escape(code);
  });
}

const escape = (code: number): string => `_x${code.toString(16).toUpperCase().padStart(4, "0")}_`;

/* eslint-disable no-control-regex -- these are the characters xlsxText escapes */
/** An escape-like _xHHHH_; a surrogate pair; a character XML cannot hold, CR or DEL; an unpaired surrogate. */
const NOT_AS_IS =
  /_x[0-9A-Fa-f]{4}_|[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff\ud800-\udfff]/g;
/* eslint-enable no-control-regex */

/** Merges style runs in order into one ExcelJS style (later runs override what they set). */
function mergedStyle(runs: readonly CellStyle[]): Partial<ExcelJS.Style> {
  const font: Partial<ExcelJS.Font> = {};
  const alignment: Partial<ExcelJS.Alignment> = {};
  const style: Partial<ExcelJS.Style> = {};
  for (const s of runs) {
    if (s.font) {
      if (s.font.name !== undefined) font.name = s.font.name;
      if (s.font.size !== undefined) font.size = s.font.size;
      if (s.font.bold !== undefined) font.bold = s.font.bold;
      if (s.font.italic !== undefined) font.italic = s.font.italic;
      if (s.font.underline !== undefined) font.underline = s.font.underline;
      if (s.font.color !== undefined) font.color = { argb: argb(s.font.color) };
    }
    if (s.fill !== undefined)
      style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
    if (s.numberFormat !== undefined) style.numFmt = s.numberFormat;
    if (s.horizontal !== undefined) alignment.horizontal = s.horizontal;
    if (s.vertical !== undefined) alignment.vertical = s.vertical === "center" ? "middle" : s.vertical;
    if (s.wrap !== undefined) alignment.wrapText = s.wrap;
    if (s.indent !== undefined) alignment.indent = s.indent;
    if (s.border !== undefined) {
      const edge: Partial<ExcelJS.Border> = { style: s.border };
      style.border = { top: edge, left: edge, bottom: edge, right: edge };
    }
  }
  if (Object.keys(font).length) style.font = font;
  if (Object.keys(alignment).length) style.alignment = alignment;
  return style;
}

/**
 * Styles every cell from the runs without a style computation per cell: the runs active on a row
 * form a key, and each distinct key's per-column styles are computed once and shared.
 */
function applyStyles(ws: ExcelJS.Worksheet, d: SheetDescription): void {
  const runs: readonly StyleRun[] = d.styles;
  // The first run usually covers the whole sheet (its font): blank cells under it alone are left untouched.
  const base = runs.length > 0 && runs[0].range.top === 1 && runs[0].range.bottom >= d.cells.length ? 0 : -1;
  const baseStyle = base >= 0 ? mergedStyle([runs[base].style]) : null;
  const cache = new Map<string, (Partial<ExcelJS.Style> | null)[]>();
  for (let r = 1; r <= d.cells.length; r++) {
    const active: number[] = [];
    for (let i = 0; i < runs.length; i++)
      if (runs[i].range.top <= r && r <= runs[i].range.bottom) active.push(i);
    const key = active.join(",");
    let styles = cache.get(key);
    if (!styles) {
      styles = [];
      for (let c = 1; c <= d.columnCount; c++) {
        const covering = active.filter((i) => runs[i].range.left <= c && c <= runs[i].range.right);
        const onlyBase = covering.length === 0 || (covering.length === 1 && covering[0] === base);
        styles.push(onlyBase ? null : mergedStyle(covering.map((i) => runs[i].style)));
      }
      cache.set(key, styles);
    }
    const row = d.cells[r - 1];
    for (let c = 1; c <= d.columnCount; c++) {
      const style = styles[c - 1];
      if (style) ws.getCell(r, c).style = style;
      else if (row[c - 1] !== null && baseStyle) ws.getCell(r, c).style = baseStyle;
    }
  }
}

/** Adds one report sheet to an ExcelJS workbook. */
export function addReportSheet(
  workbook: ExcelJS.Workbook,
  d: SheetDescription,
  name = d.name,
): ExcelJS.Worksheet {
  const p = d.print;
  const ws = workbook.addWorksheet(name, {
    views: [
      {
        state: d.freeze.rows > 0 || d.freeze.columns > 0 ? "frozen" : "normal",
        xSplit: d.freeze.columns,
        ySplit: d.freeze.rows,
        showGridLines: d.showGridlines,
      },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: p.fitToPagesWide,
      fitToHeight: p.fitToPagesTall, // 0: automatic, as many pages as needed
      horizontalCentered: p.centerHorizontally,
      margins: { ...p.margins },
      printArea: a1Range(p.printArea.top, p.printArea.left, p.printArea.bottom, p.printArea.right),
      ...(p.titleRows ? { printTitlesRow: `${p.titleRows.first}:${p.titleRows.last}` } : {}),
    },
    headerFooter: { oddFooter: `&C${p.centerFooter}`, evenFooter: `&C${p.centerFooter}` },
  });
  d.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  d.cells.forEach((row, r) => {
    const excelRow = ws.getRow(r + 1);
    row.forEach((c, k) => {
      if (c !== null) excelRow.getCell(k + 1).value = cellValue(c);
    });
  });
  for (const h of d.rowHeights) for (let r = h.first; r <= h.last; r++) ws.getRow(r).height = h.height;
  // A break before row r is ExcelJS's break after row r − 1.
  for (const r of p.pageBreaks ?? []) if (r > 1) ws.getRow(r - 1).addPageBreak();
  applyStyles(ws, d);
  for (const m of d.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  d.conditionalFills.forEach((f, i) => {
    const style: Partial<ExcelJS.Style> = {};
    if (f.fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(f.fill) } };
    if (f.fontColor || f.bold) {
      style.font = {
        ...(f.fontColor ? { color: { argb: argb(f.fontColor) } } : {}),
        ...(f.bold ? { bold: true } : {}),
      };
    }
    ws.addConditionalFormatting({
      ref: a1Range(f.range.top, f.range.left, f.range.bottom, f.range.right),
      rules: [{ type: "expression", priority: i + 1, formulae: [f.formula.slice(1)], style }],
    });
  });
  return ws;
}

/** A new workbook holding the report sheets, in order. */
export function reportWorkbook(descriptions: readonly SheetDescription[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "nth-rollup";
  workbook.calcProperties.fullCalcOnLoad = true;
  const used = new Set<string>();
  for (const d of descriptions) {
    let name = d.name;
    for (let k = 2; used.has(name.toLocaleLowerCase()); k++) name = `${d.name.slice(0, 26)} (${k})`;
    used.add(name.toLocaleLowerCase());
    addReportSheet(workbook, d, name);
    // Marks the sheet as a report, so reading this file again never takes it for data.
    workbook.definedNames.add(`${quoteSheetName(name)}!$A$1`, `${REPORT_NAME_PREFIX}${d.reportId}`);
  }
  return workbook;
}

/** The bytes of an .xlsx file holding the report sheets. */
export async function reportXlsxBytes(descriptions: readonly SheetDescription[]): Promise<Uint8Array> {
  const buffer = await reportWorkbook(descriptions).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
