import type { CellRange } from "../../report/description";
import { columnLetters, escapeXml, xlsxText } from "./xml";
import { asciiBytes, CHUNK_BYTES, writeUint, XmlBytes, type ChunkPool } from "./xmlBytes";

/**
 * One worksheet as the package writer needs it: rows of cells with style indexes, and the sheet's
 * columns, merges, view, conditional formats and print setup. Built by the report and submission
 * writers; turned into xl/worksheets/sheetN.xml by `worksheetChunks`. No Node API.
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
  /**
   * The rows in order: `WriteRow`s (each is written before the next is asked for, so a row and its
   * cells may be reused by the iterator for the next one), or rows that write their XML themselves
   * (`RowsXml`: the report writer's fast path, without a `WriteCell` per cell).
   */
  readonly rows: Iterable<WriteRow> | RowsXml;
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

/**
 * Rows that write their own XML, one `<row>` per call, with `XmlBytes.cellHead` and the cell ends
 * (`blankEnd`, `stringEnd`, `numberEnd`…) exactly as `writeCell` writes a `WriteCell`.
 */
export interface RowsXml {
  /**
   * Writes the next row that has something to write (`<row r="…">…</row>`) at `out`'s end, its
   * strings numbered by `strings`, its cells' openings from `heads` (`heads.setRow` first);
   * false, writing nothing, once there is none left.
   */
  writeNext(out: XmlBytes, heads: CellHeads, strings: SharedStrings): boolean;
}

function isRowsXml(rows: Iterable<WriteRow> | RowsXml): rows is RowsXml {
  return typeof (rows as Partial<RowsXml>).writeNext === "function";
}

/** Strings of the workbook, each stored once (xl/sharedStrings.xml). */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  private uses = 0;
  /** The last string looked up in each slot of `indexAt`, and its index. */
  private readonly lastOf: (string | undefined)[] = [];
  private readonly lastIndexOf: number[] = [];

  /**
   * As `indexOf`, remembering the last string of each `slot` (a column): the same text often
   * follows itself down a column (a gender, an ethnic group, a qualification), and a comparison
   * with the last one costs less than a lookup.
   */
  indexAt(s: string, slot: number): number {
    if (this.lastOf[slot] === s) {
      this.uses++;
      return this.lastIndexOf[slot];
    }
    const i = this.indexOf(s);
    this.lastOf[slot] = s;
    this.lastIndexOf[slot] = i;
    return i;
  }

  /** The index of a string in xl/sharedStrings.xml, numbered in order of first use; counts a use. */
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

  /** xl/sharedStrings.xml, as UTF-8. */
  bytes(): Uint8Array {
    const out = new XmlBytes(1 << 16);
    out.ascii('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
    out.ascii(
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.items.length}">`,
    );
    for (const s of this.items) {
      // A `<t>` keeping its spaces and line breaks where they would be lost.
      const text = xlsxText(s);
      out.ascii(PRESERVE.test(text) ? '<si><t xml:space="preserve">' : "<si><t>");
      out.escaped(text);
      out.ascii("</t></si>");
    }
    out.ascii("</sst>");
    return out.take();
  }
}

/** Text whose spaces or line breaks `<t>` keeps only with xml:space="preserve". */
const PRESERVE = /^\s|\s$|\n|\t/;

export const rangeRef = (g: CellRange): string =>
  g.top === g.bottom && g.left === g.right
    ? `${columnLetters(g.left)}${g.top}`
    : `${columnLetters(g.left)}${g.top}:${columnLetters(g.right)}${g.bottom}`;

/**
 * What the cells of a worksheet repeat, as bytes made once: each column's `<c r="B`, each style's
 * `" s="7`, and the current row's number. A cell's opening is copied from them instead of being
 * written character by character and digit by digit (a million cells at country size).
 */
export class CellHeads {
  private readonly columns: Uint8Array[] = [];
  private readonly styles: Uint8Array[] = [];
  /** The digits of the row being written, and how many. */
  readonly row = new Uint8Array(20);
  rowLength = 0;

  setRow(row: number): void {
    this.rowLength = writeUint(this.row, 0, row);
  }

  column(column: number): Uint8Array {
    return (this.columns[column] ??= asciiBytes(`<c r="${columnLetters(column)}`));
  }

  style(style: number): Uint8Array {
    return (this.styles[style] ??= asciiBytes(`" s="${style}`));
  }
}

/** Writes one cell's XML (`<c …>`) at the writer's end, on the row `heads` holds. */
function writeCell(out: XmlBytes, heads: CellHeads, cell: WriteCell, strings: SharedStrings): void {
  out.cellHead(
    heads.column(cell.column),
    heads.row,
    heads.rowLength,
    cell.style ? heads.style(cell.style) : null,
  );
  const v = cell.value;
  if (v === null) {
    out.blankEnd();
  } else if (typeof v === "number") {
    out.numberEnd(v);
  } else if (typeof v === "boolean") {
    out.ascii(v ? '" t="b"><v>1</v></c>' : '" t="b"><v>0</v></c>');
  } else if (typeof v === "string") {
    out.stringEnd(strings.indexAt(v, cell.column));
  } else if ("error" in v) {
    out.ascii('" t="e"><v>');
    out.escaped(v.error);
    out.ascii("</v></c>");
  } else {
    writeFormulaEnd(out, v.formula, 0, v.result);
  }
}

/**
 * The end of a formula's cell: `"><f>` the formula (from its `from`th character) `</f>`, then its
 * cached result, if any (a number, or text with `t="str"`), and `</c>`.
 */
export function writeFormulaEnd(
  out: XmlBytes,
  formula: string,
  from: number,
  result: number | string | null | undefined,
): void {
  out.ascii(
    result === undefined || result === null || typeof result === "number" ? '"><f>' : '" t="str"><f>',
  );
  out.escaped(formula, from);
  if (result === undefined || result === null) {
    out.ascii("</f></c>");
  } else if (typeof result === "number") {
    out.ascii("</f><v>");
    out.number(result);
    out.valueEnd();
  } else {
    out.ascii("</f><v>");
    out.escaped(xlsxText(result));
    out.ascii("</v></c>");
  }
}

/**
 * The XML of one worksheet as UTF-8, in chunks of about `chunkBytes` (each handed on as soon as it
 * is full, so the zip writer can deflate one while the next is written). `selected`: the sheet
 * Excel shows first. Shared strings are numbered as the rows are written. `pool`: where the chunks'
 * buffers come from (the caller gives each back once it no longer reads it).
 */
export function* worksheetChunks(
  spec: WorksheetSpec,
  strings: SharedStrings,
  selected: boolean,
  chunkBytes = CHUNK_BYTES,
  pool: ChunkPool | null = null,
): Generator<Uint8Array, void, undefined> {
  const out = new XmlBytes(chunkBytes, pool);
  const head: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  ];
  if (spec.print) head.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  const { rows: fr, columns: fc } = spec.freeze;
  let pane = "";
  if (fr > 0 || fc > 0) {
    const active = fr > 0 && fc > 0 ? "bottomRight" : fr > 0 ? "bottomLeft" : "topRight";
    pane =
      `<pane${fc > 0 ? ` xSplit="${fc}"` : ""}${fr > 0 ? ` ySplit="${fr}"` : ""}` +
      ` topLeftCell="${columnLetters(fc + 1)}${fr + 1}" activePane="${active}" state="frozen"/>` +
      `<selection pane="${active}"/>`;
  }
  head.push(
    `<sheetViews><sheetView${spec.showGridlines ? "" : ' showGridLines="0"'}${selected ? ' tabSelected="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
  );
  const widths = spec.columnWidths;
  const cols: string[] = [];
  widths.forEach((w, i) => {
    if (w !== undefined) cols.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
  });
  if (cols.length) head.push(`<cols>${cols.join("")}</cols>`);
  head.push("<sheetData>");
  out.text(head.join(""));
  const heads = new CellHeads();
  const rows = spec.rows;
  if (isRowsXml(rows)) {
    while (rows.writeNext(out, heads, strings)) if (out.full) yield out.take();
  } else {
    yield* rowChunks(out, heads, rows, strings);
  }
  const tail: string[] = ["</sheetData>"];
  if (spec.merges.length)
    tail.push(
      `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join("")}</mergeCells>`,
    );
  spec.conditionalFormats.forEach((f, i) =>
    tail.push(
      `<conditionalFormatting sqref="${rangeRef(f.range)}"><cfRule type="expression" dxfId="${f.dxfId}" priority="${i + 1}"><formula>${escapeXml(f.formula)}</formula></cfRule></conditionalFormatting>`,
    ),
  );
  const p = spec.print;
  if (p) {
    const m = p.margins;
    if (p.centerHorizontally) tail.push('<printOptions horizontalCentered="1"/>');
    tail.push(
      `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
      `<pageSetup paperSize="9" orientation="${p.orientation}" fitToWidth="${p.fitToPagesWide}" fitToHeight="${p.fitToPagesTall}"/>`,
    );
    if (p.centerFooter)
      tail.push(`<headerFooter><oddFooter>${escapeXml(`&C${p.centerFooter}`)}</oddFooter></headerFooter>`);
    // A manual break before row r is stored as a break after row r − 1 (`id`).
    const breaks = (p.pageBreaks ?? []).filter((r) => r > 1);
    if (breaks.length > 0)
      tail.push(
        `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>`,
      );
  } else {
    tail.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  }
  tail.push("</worksheet>");
  out.text(tail.join(""));
  yield out.take();
}

/** The `<row>`s of `WriteRow`s, handing on each chunk as it fills. */
function* rowChunks(
  out: XmlBytes,
  heads: CellHeads,
  rows: Iterable<WriteRow>,
  strings: SharedStrings,
): Generator<Uint8Array, void, undefined> {
  for (const row of rows) {
    openRow(out, row.row, row.height);
    heads.setRow(row.row);
    for (const cell of row.cells) writeCell(out, heads, cell, strings);
    out.ascii("</row>");
    if (out.full) yield out.take();
  }
}

/** A row's opening, `<row r="12">` (with its height in points, when it has one of its own). */
export function openRow(out: XmlBytes, row: number, height: number | undefined): void {
  out.ascii('<row r="');
  out.uint(row);
  if (height !== undefined) {
    out.ascii('" ht="');
    out.ascii(String(height));
    out.ascii('" customHeight="1">');
  } else {
    out.ascii('">');
  }
}
