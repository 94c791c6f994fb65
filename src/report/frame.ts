import type { ReportId, SheetDescription, TablePlace } from "./description";
import { cellRange, text } from "./description";
import type { Labels } from "./labels";
import { placeAndDate, type ReportSettings } from "./settings";
import type { SheetBuilder } from "./sheetBuilder";
import { isWhiteSpaceCode } from "../core/text/whiteSpace";

/**
 * The official document frame around a table (DOMAIN.md, "How summary documents look"; the
 * example in ../shared/examples/report-layout.png): issuing body top left with a "*", the party
 * name or the state name and motto top right, the place-and-date line, the title, the period;
 * after the table the signature block and the recipients.
 */

export const FONT = "Times New Roman";
export const HEADER_FILL = "#DCE6F1";
export const BELOW_TARGET_FILL = "#FFC7CE";
export const BELOW_TARGET_FONT = "#9C0006";

/** Left and right blocks of the header and signature: column spans chosen from the widths. */
export interface Blocks {
  readonly left: { readonly from: number; readonly to: number };
  readonly right: { readonly from: number; readonly to: number };
}

export function blocksFor(widths: readonly number[]): Blocks {
  const n = widths.length;
  if (n === 1) return { left: { from: 1, to: 1 }, right: { from: 1, to: 1 } };
  const total = widths.reduce((a, b) => a + b, 0);
  let acc = 0;
  let leftTo = 1;
  for (let c = 1; c <= n - 1; c++) {
    acc += widths[c - 1];
    leftTo = c;
    if (acc >= total * 0.42) break;
  }
  return { left: { from: 1, to: leftTo }, right: { from: leftTo + 1, to: n } };
}

/** Writes the header block and the title; returns the first row of the table. */
export function writeDocumentHeader(
  b: SheetBuilder,
  settings: ReportSettings,
  labels: Labels,
  reportId: ReportId,
  blocks: Blocks,
): number {
  const { left, right } = blocks;
  const n = b.columnCount;
  const leftRange = (row: number) => cellRange(row, left.from, row, left.to);
  const rightRange = (row: number) => cellRange(row, right.from, row, right.to);
  const center = { horizontal: "center" as const };

  // Left: the parent body, the issuing body (bold) and "*" (party) or a rule (state); then the
  // number and symbol; then the optional secrecy and urgency marks (bold, boxed), as 36-HD/VPTW
  // places them under the number.
  const bodyLines: { text: string; bold: boolean }[] = [];
  if (settings.parentBody.trim()) bodyLines.push({ text: settings.parentBody.trim(), bold: false });
  bodyLines.push({ text: settings.issuingBody.trim(), bold: true });
  bodyLines.push({ text: settings.style === "party" ? "*" : "—————", bold: false });
  bodyLines.forEach((line, i) =>
    b.block(leftRange(i + 1), text(line.text), { ...center, font: { bold: line.bold } }),
  );
  const numberRow = bodyLines.length + 1;
  if (settings.documentNumber.trim())
    b.block(leftRange(numberRow), text(settings.documentNumber.trim()), center);
  let markRow = numberRow;
  for (const mark of [settings.secrecy, settings.urgency]) {
    if (!mark.trim()) continue;
    markRow++;
    const width = Math.max(1, Math.min(left.to - left.from + 1, 2));
    const first = left.from + Math.floor((left.to - left.from + 1 - width) / 2);
    b.block(cellRange(markRow, first, markRow, first + width - 1), text(mark.trim()), {
      ...center,
      font: { bold: true },
      border: "thin",
    });
  }

  if (settings.style === "party") {
    b.block(rightRange(1), text(labels.party), { ...center, font: { bold: true, underline: true } });
  } else {
    b.block(rightRange(1), text(labels.stateName), { ...center, font: { bold: true } });
    b.block(rightRange(2), text(labels.stateMotto), { ...center, font: { bold: true, underline: true } });
  }
  // The place and date on the row of the "*" (right), as the example and 36-HD/VPTW print them.
  const dateRow = Math.max(bodyLines.length, 3);
  b.block(rightRange(dateRow), text(placeAndDate(settings.place, settings.date, settings.language)), {
    ...center,
    font: { italic: true },
  });
  const headerLast = Math.max(dateRow, markRow);

  let row = headerLast + 2;
  b.rowHeight(headerLast + 1, 9);
  for (const line of labels.titles[reportId]) {
    b.block(cellRange(row, 1, row, n), text(line), { ...center, font: { bold: true, size: 13 } });
    row++;
  }
  if (settings.attachedTo.trim()) {
    const line = settings.attachedTo.trim();
    b.block(cellRange(row, 1, row, n), text(line.startsWith("(") ? line : `(${line})`), {
      ...center,
      font: { italic: true },
    });
    row++;
  }
  if (settings.period.trim()) {
    b.block(cellRange(row, 1, row, n), text(settings.period.trim()), { ...center, font: { italic: true } });
    row++;
  }
  b.rowHeight(row, 9);
  return row + 1;
}

/** Writes the signature block and the recipients from `row`; returns the last row used. */
export function writeSignature(
  b: SheetBuilder,
  row: number,
  settings: ReportSettings,
  labels: Labels,
  blocks: Blocks,
): number {
  const { left, right } = blocks;
  const leftRange = (r: number) => cellRange(r, left.from, r, left.to);
  const rightRange = (r: number) => cellRange(r, right.from, r, right.to);
  const bold = { horizontal: "center" as const, font: { bold: true } };
  let r = row + 1;
  b.block(leftRange(r), text(labels.preparedBy), bold);
  b.block(rightRange(r), text(settings.signingFor), bold);
  r++;
  if (settings.signerTitle.trim())
    b.block(rightRange(r), text(settings.signerTitle.trim()), { horizontal: "center" });
  r += 4;
  if (settings.preparerName.trim()) b.block(leftRange(r), text(settings.preparerName.trim()), bold);
  if (settings.signerName.trim()) b.block(rightRange(r), text(settings.signerName.trim()), bold);
  b.reserve(r);
  if (settings.recipients.length > 0) {
    r += 2;
    b.block(leftRange(r), text(labels.recipients), {
      font: { bold: true, italic: true, underline: true, size: 11 },
    });
    for (const line of settings.recipients) {
      r++;
      b.block(leftRange(r), text(`- ${line}`), { font: { size: 10 } });
    }
  }
  return r;
}

export interface HeaderColumn {
  readonly label: string;
  /** Columns side by side with the same group get one merged header cell above them. */
  readonly group?: string;
}

/**
 * Writes the table header (one row, or two when columns are grouped) and sets its row heights so
 * the wrapped labels fit; returns its last row.
 */
export function writeTableHeader(
  b: SheetBuilder,
  row: number,
  columns: readonly HeaderColumn[],
  widths: readonly number[],
): number {
  const twoRows = columns.some((c) => c.group);
  const last = twoRows ? row + 1 : row;
  const groupLabels: string[] = [];
  const groupWidths: number[] = [];
  let c = 0;
  while (c < columns.length) {
    const col = columns[c];
    if (col.group) {
      let end = c;
      while (end + 1 < columns.length && columns[end + 1].group === col.group) end++;
      b.block(cellRange(row, c + 1, row, end + 1), text(col.group));
      groupLabels.push(col.group);
      groupWidths.push(widths.slice(c, end + 1).reduce((a, w) => a + w, 0));
      for (let k = c; k <= end; k++) b.set(row + 1, k + 1, text(columns[k].label));
      c = end + 1;
    } else {
      b.block(cellRange(row, c + 1, last, c + 1), text(col.label));
      c++;
    }
  }
  b.style(cellRange(row, 1, last, columns.length), {
    font: { bold: true, size: 11 },
    fill: HEADER_FILL,
    horizontal: "center",
    vertical: "center",
    wrap: true,
    border: "thin",
  });
  if (twoRows) {
    b.rowHeight(row, wrappedHeight(groupLabels, groupWidths));
    b.rowHeight(
      last,
      wrappedHeight(
        columns.map((c) => (c.group ? c.label : "")),
        widths,
      ),
    );
  } else {
    b.rowHeight(
      row,
      wrappedHeight(
        columns.map((c) => c.label),
        widths,
      ),
    );
  }
  return last;
}

/**
 * Lines a text takes when wrapped in a column of `width` characters (Excel's width unit, digits of
 * the default font); `charWidth` is the average width of a character of the cell's font in those
 * units (about 0.85 for Times New Roman 11 text).
 */
export function wrappedLines(text: string, width: number, charWidth = 0.85): number {
  const room = Math.max(width - 1, 1);
  if (text.length * charWidth <= room) return 1;
  // The words of `text.split(/\s+/)` without the empty ones, read in place (no array, no strings).
  let lines = 1;
  let used = 0;
  const n = text.length;
  let i = 0;
  for (;;) {
    while (i < n && isWhiteSpaceCode(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isWhiteSpaceCode(text.charCodeAt(i))) i++;
    const len = (i - start) * charWidth;
    if (used > 0 && used + charWidth + len > room) {
      lines += 1 + Math.floor(len / room);
      used = len % room;
    } else used += (used > 0 ? charWidth : 0) + len;
  }
  return lines;
}

/** Estimated height (points) of a header row whose longest label wraps in a column of `width` characters. */
export function wrappedHeight(labels: readonly string[], widths: readonly number[], lineHeight = 15): number {
  let lines = 1;
  labels.forEach((label, i) => {
    const width = Math.max(widths[i] - 1, 1);
    const words = label.split(/\s+/);
    let count = 1;
    let used = 0;
    for (const w of words) {
      const len = w.length * 1.1;
      if (used > 0 && used + 1 + len > width) {
        count++;
        used = len;
      } else used += (used > 0 ? 1 : 0) + len;
    }
    lines = Math.max(lines, count);
  });
  return lines * lineHeight + 4;
}

/** Reports up to this many rows are scaled to print on a single page. */
export const SHORT_REPORT_ROWS = 48;

/** Table rows kept on the last page with the total, the signature block and the recipients. */
export const ROWS_KEPT_WITH_SIGNATURE = 3;

/** Printable height of an A4 landscape page with the report margins, in points (595.3 − 0.5″ − 0.6″). */
const PAGE_HEIGHT_PT = 595.3 - (0.5 + 0.6) * 72;
/** Printable width of an A4 landscape page with the report margins, in points (841.9 − 0.5″ − 0.4″). */
const PAGE_WIDTH_PT = 841.9 - (0.5 + 0.4) * 72;
/** Height of a row left at the default height (Times New Roman 12), in points. */
const DEFAULT_ROW_PT = 15.75;

/**
 * Where a long report needs a manual page break so that the signature block is never split, stands
 * on the same page as the total row (with the last few table rows above it, under the repeated
 * header), and "Nơi nhận" never stands alone: one break before the last ROWS_KEPT_WITH_SIGNATURE
 * body rows, when the sheet does not fit on one page. Estimated from the row heights and the
 * fit-to-width scale; the break is safe whatever the estimate, since everything after it (a few
 * rows, the total, the signature, the recipients) is far shorter than a page.
 */
export function signaturePageBreaks(
  heights: (row: number) => number | undefined,
  lastRow: number,
  widths: readonly number[],
  table: TablePlace,
): number[] {
  if (table.bodyBottom < table.bodyTop) return [];
  // Column width in characters → points (Excel: 7 px per character + 5 px padding, 0.75 pt per px).
  const tableWidth = widths.reduce((sum, w) => sum + (Math.trunc(w * 7) + 5) * 0.75, 0);
  const scale = Math.min(1, PAGE_WIDTH_PT / tableWidth);
  let height = 0;
  for (let r = 1; r <= lastRow; r++) height += heights(r) ?? DEFAULT_ROW_PT;
  if (height * scale <= PAGE_HEIGHT_PT * 0.95) return [];
  const tailTop = Math.max(table.bodyTop, table.bodyBottom - ROWS_KEPT_WITH_SIGNATURE + 1);
  return tailTop > table.bodyTop ? [tailTop] : [];
}

/** Completes a description: print setup (A4 landscape, one page wide, header repeated), freeze panes. */
export function finishSheet(
  b: SheetBuilder,
  spec: {
    reportId: ReportId;
    name: string;
    widths: readonly number[];
    labels: Labels;
    table: TablePlace;
    freezeColumns: number;
  },
): SheetDescription {
  const short = b.lastRow <= SHORT_REPORT_ROWS;
  const pageBreaks = short
    ? []
    : signaturePageBreaks((r) => b.heightOf(r), b.lastRow, spec.widths, spec.table);
  return b.build({
    reportId: spec.reportId,
    name: spec.name,
    columnWidths: spec.widths,
    defaultFont: { name: FONT, size: 12 },
    freeze: { rows: spec.table.headerBottom, columns: spec.freezeColumns },
    print: {
      paper: "A4",
      orientation: "landscape",
      fitToPagesWide: 1,
      // A short report prints on one page (signature included); a long one on as many as needed.
      fitToPagesTall: short ? 1 : 0,
      titleRows: { first: spec.table.headerTop, last: spec.table.headerBottom },
      margins: { left: 0.5, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      centerFooter: `&"${FONT},Regular"&10${spec.labels.footer}`,
      centerHorizontally: true,
      pageBreaks,
    },
    table: spec.table,
  });
}
