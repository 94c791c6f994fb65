import type { CellRange } from "../../report/description";
import { columnLetters, escapeXml, numberText, textElement, xlsxText } from "./xml";

/**
 * One worksheet as the package writer needs it: rows of cells with style indexes, and the sheet's
 * columns, merges, view, conditional formats and print setup. Built by the report and submission
 * writers; turned into xl/worksheets/sheetN.xml by `worksheetXml`. No Node API.
 */

/** A formula (English A1 notation, without "=") with the value the core computed, cached in the file. */
export interface FormulaValue {
  readonly formula: string;
  readonly result?: number | string | null;
}

export type WriteValue =
  | number
  | boolean
  | string
  | FormulaValue
  /** An Excel error value such as "#N/A". */
  | { readonly error: string };

export interface WriteCell {
  /** 1-based column. */
  readonly column: number;
  readonly value: WriteValue | null;
  /** Index from `StyleTable.cellStyle` (0: none). */
  readonly style: number;
}

export interface WriteRow {
  /** 1-based row. */
  readonly row: number;
  /** Points; undefined: the default height. */
  readonly height?: number;
  /** In column order. */
  readonly cells: readonly WriteCell[];
}

export interface WorksheetPrint {
  readonly orientation: "landscape" | "portrait";
  readonly fitToPagesWide: number;
  readonly fitToPagesTall: number;
  readonly centerHorizontally: boolean;
  readonly margins: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
    readonly header: number;
    readonly footer: number;
  };
  readonly centerFooter: string;
  /** Rows that start a new printed page (manual breaks). */
  readonly pageBreaks?: readonly number[];
}

export interface WorksheetSpec {
  readonly name: string;
  readonly rows: Iterable<WriteRow>;
  /** Column widths (characters), from column 1; undefined entries keep the default. */
  readonly columnWidths: readonly (number | undefined)[];
  readonly merges: readonly CellRange[];
  readonly freeze: { readonly rows: number; readonly columns: number };
  readonly showGridlines: boolean;
  readonly conditionalFormats: readonly {
    readonly range: CellRange;
    readonly formula: string;
    readonly dxfId: number;
  }[];
  readonly print: WorksheetPrint | null;
}

/** Strings of the workbook, each stored once (xl/sharedStrings.xml). */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  private uses = 0;

  indexOf(s: string): number {
    this.uses++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  xml(): string {
    const parts = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.items.length}">`,
    ];
    for (const s of this.items) parts.push(`<si>${textElement(s)}</si>`);
    parts.push("</sst>");
    return parts.join("");
  }
}

export const rangeRef = (g: CellRange): string =>
  g.top === g.bottom && g.left === g.right
    ? `${columnLetters(g.left)}${g.top}`
    : `${columnLetters(g.left)}${g.top}:${columnLetters(g.right)}${g.bottom}`;

function cellXml(ref: string, cell: WriteCell, strings: SharedStrings): string {
  const s = cell.style ? ` s="${cell.style}"` : "";
  const v = cell.value;
  if (v === null) return `<c r="${ref}"${s}/>`;
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${numberText(v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string") return `<c r="${ref}"${s} t="s"><v>${strings.indexOf(v)}</v></c>`;
  if ("error" in v) return `<c r="${ref}"${s} t="e"><v>${escapeXml(v.error)}</v></c>`;
  const f = `<f>${escapeXml(v.formula)}</f>`;
  if (v.result === undefined || v.result === null) return `<c r="${ref}"${s}>${f}</c>`;
  if (typeof v.result === "number") return `<c r="${ref}"${s}>${f}<v>${numberText(v.result)}</v></c>`;
  return `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(xlsxText(v.result))}</v></c>`;
}

/** The XML of one worksheet. `selected`: the sheet Excel shows first. */
export function worksheetXml(spec: WorksheetSpec, strings: SharedStrings, selected: boolean): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  ];
  if (spec.print) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  const { rows: fr, columns: fc } = spec.freeze;
  let pane = "";
  if (fr > 0 || fc > 0) {
    const active = fr > 0 && fc > 0 ? "bottomRight" : fr > 0 ? "bottomLeft" : "topRight";
    pane =
      `<pane${fc > 0 ? ` xSplit="${fc}"` : ""}${fr > 0 ? ` ySplit="${fr}"` : ""}` +
      ` topLeftCell="${columnLetters(fc + 1)}${fr + 1}" activePane="${active}" state="frozen"/>` +
      `<selection pane="${active}"/>`;
  }
  out.push(
    `<sheetViews><sheetView${spec.showGridlines ? "" : ' showGridLines="0"'}${selected ? ' tabSelected="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
  );
  const widths = spec.columnWidths;
  const cols: string[] = [];
  widths.forEach((w, i) => {
    if (w !== undefined) cols.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
  });
  if (cols.length) out.push(`<cols>${cols.join("")}</cols>`);
  out.push("<sheetData>");
  const letters: string[] = [];
  const letter = (c: number): string => (letters[c] ??= columnLetters(c));
  for (const row of spec.rows) {
    const parts: string[] = [
      `<row r="${row.row}"${row.height !== undefined ? ` ht="${row.height}" customHeight="1"` : ""}>`,
    ];
    for (const cell of row.cells) parts.push(cellXml(`${letter(cell.column)}${row.row}`, cell, strings));
    parts.push("</row>");
    out.push(parts.join(""));
  }
  out.push("</sheetData>");
  if (spec.merges.length)
    out.push(
      `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join("")}</mergeCells>`,
    );
  spec.conditionalFormats.forEach((f, i) =>
    out.push(
      `<conditionalFormatting sqref="${rangeRef(f.range)}"><cfRule type="expression" dxfId="${f.dxfId}" priority="${i + 1}"><formula>${escapeXml(f.formula)}</formula></cfRule></conditionalFormatting>`,
    ),
  );
  const p = spec.print;
  if (p) {
    const m = p.margins;
    if (p.centerHorizontally) out.push('<printOptions horizontalCentered="1"/>');
    out.push(
      `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
      `<pageSetup paperSize="9" orientation="${p.orientation}" fitToWidth="${p.fitToPagesWide}" fitToHeight="${p.fitToPagesTall}"/>`,
    );
    if (p.centerFooter)
      out.push(`<headerFooter><oddFooter>${escapeXml(`&C${p.centerFooter}`)}</oddFooter></headerFooter>`);
    // A manual break before row r is stored as a break after row r − 1 (`id`).
    const breaks = (p.pageBreaks ?? []).filter((r) => r > 1);
    if (breaks.length > 0)
      out.push(
        `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>`,
      );
  } else {
    out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  }
  out.push("</worksheet>");
  return out.join("");
}
