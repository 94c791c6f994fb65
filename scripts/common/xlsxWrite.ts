import ExcelJS from "exceljs";
import JSZip from "jszip";

/**
 * Writes clerk-style workbooks for the samples and the test cases: title rows above a bold header,
 * data as a plain range or an Excel table, and byte-stable output (fixed document dates and zip
 * entry times) so that regenerating a file that did not change leaves git clean.
 */

/** What a cell may hold: an ExcelJS value, or a value with a number format. */
export type CellInput = ExcelJS.CellValue | StyledCell;
export interface StyledCell {
  readonly value: ExcelJS.CellValue;
  readonly numFmt: string;
}

export interface SheetDef {
  readonly name: string;
  /** Rows above the header (report title, "Kèm theo báo cáo số…"), merged across the header width. */
  readonly titles?: readonly string[];
  /** Blank rows between the titles and the header; default 1 when there are titles. */
  readonly gap?: number;
  readonly headers: readonly CellInput[];
  readonly rows: readonly (readonly CellInput[])[];
  /** An Excel table (ListObject) instead of a plain range. */
  readonly table?: boolean;
  /** Bold header; default true. */
  readonly boldHeader?: boolean;
  /** Column widths in characters, by column. */
  readonly widths?: readonly number[];
  /** Excel column number where the header starts; default 1. */
  readonly firstColumn?: number;
  /** Cells to merge, as A1 ranges, applied after the rows are written. */
  readonly merges?: readonly string[];
  readonly hiddenRows?: readonly number[];
  readonly hiddenColumns?: readonly number[];
  readonly state?: "visible" | "hidden" | "veryHidden";
  /** Further cells by A1 address, written last (e.g. a value on row 1,048,576). */
  readonly cells?: Readonly<Record<string, CellInput>>;
}

export interface WorkbookDef {
  readonly sheets: readonly SheetDef[];
  readonly title?: string;
  readonly creator?: string;
}

/** The date written into every generated file (document properties and zip entries). */
export const FIXED_DATE = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

function isStyled(cell: CellInput): cell is StyledCell {
  return typeof cell === "object" && cell !== null && !(cell instanceof Date) && "numFmt" in cell;
}

const valueOf = (cell: CellInput): ExcelJS.CellValue =>
  isStyled(cell) ? cell.value : (cell as ExcelJS.CellValue);

/** Excel row number of the header row of a sheet definition. */
export function headerRowOf(sheet: SheetDef): number {
  const titles = sheet.titles?.length ?? 0;
  return titles === 0 ? 1 : titles + (sheet.gap ?? 1) + 1;
}

let tableCounter = 0;

function addSheet(workbook: ExcelJS.Workbook, def: SheetDef): void {
  const ws = workbook.addWorksheet(
    def.name,
    def.state === "hidden" || def.state === "veryHidden" ? { state: def.state } : undefined,
  );
  const first = def.firstColumn ?? 1;
  const width = Math.max(def.headers.length, 1);
  (def.titles ?? []).forEach((title, i) => {
    const cell = ws.getCell(i + 1, first);
    cell.value = title;
    cell.font = { bold: i === 0, italic: i > 0, size: i === 0 ? 13 : 11 };
    cell.alignment = { horizontal: "center" };
    if (width > 1) ws.mergeCells(i + 1, first, i + 1, first + width - 1);
  });
  const headerRow = headerRowOf(def);
  if (def.table && def.rows.length > 0) {
    tableCounter++;
    ws.addTable({
      name: `Bang${tableCounter}`,
      ref: ws.getCell(headerRow, first).address,
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: def.headers.map((h) => ({ name: String(valueOf(h)), filterButton: true })),
      rows: def.rows.map((row) => def.headers.map((_, c) => valueOf(row[c] ?? null))),
    });
  } else {
    def.headers.forEach((h, c) => (ws.getCell(headerRow, first + c).value = valueOf(h)));
    def.rows.forEach((row, r) =>
      row.forEach((v, c) => (ws.getCell(headerRow + 1 + r, first + c).value = valueOf(v))),
    );
  }
  // Number formats are applied after the values, for tables too.
  def.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (isStyled(v)) ws.getCell(headerRow + 1 + r, first + c).numFmt = v.numFmt;
    }),
  );
  if (def.boldHeader ?? true) {
    def.headers.forEach((_, c) => {
      const cell = ws.getCell(headerRow, first + c);
      cell.font = { bold: true };
      cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    });
  }
  (def.widths ?? def.headers.map(() => 16)).forEach((w, c) => (ws.getColumn(first + c).width = w));
  for (const range of def.merges ?? []) ws.mergeCells(range);
  for (const r of def.hiddenRows ?? []) ws.getRow(r).hidden = true;
  for (const c of def.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
  for (const [address, v] of Object.entries(def.cells ?? {})) {
    const cell = ws.getCell(address);
    cell.value = valueOf(v);
    if (isStyled(v)) cell.numFmt = v.numFmt;
  }
}

/** Builds the workbook and returns its bytes, stable from run to run. */
export async function workbookBytes(def: WorkbookDef): Promise<Buffer> {
  tableCounter = 0;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = def.creator ?? "nth-rollup";
  workbook.lastModifiedBy = def.creator ?? "nth-rollup";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  if (def.title) workbook.title = def.title;
  for (const sheet of def.sheets) addSheet(workbook, sheet);
  const raw = Buffer.from(await workbook.xlsx.writeBuffer());
  return stableZip(raw);
}

/** Rewrites a zip with every entry dated FIXED_DATE, in the same order: same content, same bytes. */
export async function stableZip(bytes: Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    out.file(entry.name, await entry.async("uint8array"), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
