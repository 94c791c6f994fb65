import ExcelJS from "exceljs";
import { cellError, isBlank, percentText, type CellValue } from "../core/cells";
import { REPORT_NAME_PREFIX, type GridRange, type SheetGrid, type WorkbookGrids } from "../core/grid";
import { UnusableInputError, type UnusableReason } from "./errors";

/**
 * An .xlsx file's bytes → `WorkbookGrids`, the plain values the core reads: the ExcelJS conversion
 * shared by the command line (through readXlsx.ts, which adds the file system) and the task pane
 * (files picked in the pane, read in the browser; loaded lazily, in its own chunk). No Node API
 * here. Files that are not workbooks at all throw `UnusableInputError`; everything inside a
 * workbook, however odd, becomes a value and is left to the core to judge.
 */

/** Reads the bytes of an .xlsx file. `label` names it in messages and issues. */
export async function gridsFromXlsx(bytes: Uint8Array, label: string): Promise<WorkbookGrids> {
  const problem = sniff(bytes);
  if (problem) throw new UnusableInputError(label, problem);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings ask for its own Buffer type; JSZip below it takes any Uint8Array (a Node
    // Buffer is one) in Node and in the browser.
    await workbook.xlsx.load(bytes as never);
  } catch (error) {
    throw new UnusableInputError(label, "corrupt", { cause: error });
  }
  if (workbook.worksheets.length === 0) throw new UnusableInputError(label, "corrupt");
  const reports = reportSheetNames(workbook);
  return {
    file: label,
    sheets: workbook.worksheets.map((sheet) => {
      const grid = sheetGrid(sheet);
      // The clerk cannot see hidden sheets: the reader reads them only when no visible one qualifies.
      const visibility = sheet.state === "hidden" || sheet.state === "veryHidden" ? sheet.state : undefined;
      const seen = visibility ? { ...grid, visibility } : grid;
      return reports.has(sheet.name) ? { ...seen, report: true } : seen;
    }),
  };
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream an encrypted OOXML file keeps inside its CFB container, as UTF-16LE directory text. */
const ENCRYPTED_PACKAGE = utf16le("EncryptedPackage");

/** Recognises what a file is from its first bytes, before handing it to ExcelJS. */
export function sniff(buffer: Uint8Array): UnusableReason | null {
  if (buffer.length === 0) return "empty";
  if (startsWith(buffer, CFB_SIGNATURE)) {
    // Both old .xls and password-protected .xlsx are CFB containers; the encrypted one holds an
    // "EncryptedPackage" stream whose name sits in the directory sectors.
    return contains(buffer, ENCRYPTED_PACKAGE) ? "encrypted" : "legacy-xls";
  }
  if (!startsWith(buffer, ZIP_SIGNATURE)) return "not-zip";
  return null;
}

function startsWith(buffer: Uint8Array, signature: readonly number[]): boolean {
  return buffer.length >= signature.length && signature.every((byte, i) => buffer[i] === byte);
}

/** An ASCII string's UTF-16LE bytes (no Node Buffer: this module runs in the browser too). */
function utf16le(s: string): Uint8Array {
  const bytes = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) bytes[2 * i] = s.charCodeAt(i);
  return bytes;
}

/** True when `needle` occurs in `haystack` (a scan for its first byte, then a compare). */
function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** One worksheet's used range as a grid: trailing and leading blank rows and columns trimmed. */
function sheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  // Values by Excel row number, each row indexed by Excel column number − 1 (sparse until built).
  const byRow: CellValue[][] = [];
  const rowNumbers: number[] = [];
  let top = Infinity;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  // Merged ranges, by their top-left cell's address: the cells they cover, as visited.
  const merges = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  // eachRow / eachCell visit only rows and cells that exist in the file, so a stray formatted
  // cell at row 1,048,576 costs one visit, not a million.
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let values: CellValue[] | null = null;
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) addToMerge(merges, cell, rowNumber, columnNumber);
      const value = cellValue(cell);
      if (value === null) return;
      values ??= [];
      values[columnNumber - 1] = value;
      // Whitespace-only text is kept inside the used range but does not widen it.
      if (isBlank(value)) return;
      if (rowNumber < top) top = rowNumber;
      if (rowNumber > bottom) bottom = rowNumber;
      if (columnNumber < left) left = columnNumber;
      if (columnNumber > right) right = columnNumber;
    });
    if (values) {
      byRow[rowNumber] = values;
      rowNumbers.push(rowNumber);
    }
  });
  if (bottom === 0) return { name: sheet.name, rows: [], firstRow: 1, firstColumn: 1 };
  const mergedRanges: GridRange[] = [...merges.values()];

  // Rows with nothing in them share one empty array: a sheet with data at row 1 and row 1,048,576
  // costs one pointer per row in between, not one array each.
  const rows = new Array<CellValue[]>(bottom - top + 1).fill(EMPTY_ROW);
  for (const rowNumber of rowNumbers) {
    if (rowNumber < top || rowNumber > bottom) continue;
    const source = byRow[rowNumber];
    const width = Math.min(source.length, right) - left + 1;
    if (width <= 0) continue;
    const target = new Array<CellValue>(width);
    for (let c = 0; c < width; c++) target[c] = source[left - 1 + c] ?? null;
    rows[rowNumber - top] = target;
  }
  return {
    name: sheet.name,
    rows,
    firstRow: top,
    firstColumn: left,
    ...(mergedRanges.length > 0 ? { merges: mergedRanges } : {}),
  };
}

/** Extends the merged range of a covered cell (ExcelJS gives each covered cell its master). */
function addToMerge(
  merges: Map<string, { top: number; left: number; bottom: number; right: number }>,
  cell: ExcelJS.Cell,
  row: number,
  column: number,
): void {
  const master = cell.master;
  const key = master.address;
  let m = merges.get(key);
  if (!m) {
    const top = Number(master.row);
    const left = Number(master.col);
    merges.set(key, (m = { top, left, bottom: top, right: left }));
  }
  if (row < m.top) m.top = row;
  if (row > m.bottom) m.bottom = row;
  if (column < m.left) m.left = column;
  if (column > m.right) m.right = column;
}

const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/** Converts one ExcelJS cell into a core `CellValue`. Merged cells other than the master are blank. */
function cellValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  // A formula counts for its cached result. `cell.value` leaves out a result of 0, FALSE or "" (it
  // copies only truthy fields), so the result is taken from `cell.result`.
  const value =
    cell.type === ExcelJS.ValueType.Formula ? convert(cell.result as ExcelValue) : convert(cell.value);
  // A number shown as a percentage reaches the core as the text the clerk sees ("120%").
  if (typeof value === "number" && isPercentFormat(cell.numFmt)) return percentText(value);
  return value;
}

/** True for a number format that shows a percentage (a "%" outside quoted text). */
function isPercentFormat(format: string | undefined): boolean {
  return !!format && format.replace(/"[^"]*"/g, "").includes("%");
}

type ExcelValue = ExcelJS.CellValue | ExcelJS.CellRichTextValue["richText"] | undefined;

function convert(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : cellError("#NUM!");
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateValue(value);
  if (Array.isArray(value)) return value.map((run) => run.text ?? "").join("");
  if ("error" in value) return cellError(value.error);
  if ("richText" in value) return value.richText.map((run) => run.text ?? "").join("");
  if ("formula" in value || "sharedFormula" in value) {
    // A formula counts for its cached result; without one (never calculated) it is blank.
    const result = (value as { result?: unknown }).result;
    return result === undefined ? null : convert(result as ExcelValue);
  }
  if ("hyperlink" in value || "text" in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === "string") return text;
    if (text && typeof text === "object" && "richText" in text)
      return convert(text as ExcelJS.CellRichTextValue);
    return text === undefined || text === null ? null : String(text);
  }
  return null;
}

/** ExcelJS gives dates as UTC instants of the serial number; keep the calendar date (and time if any). */
function dateValue(date: Date): CellValue {
  if (Number.isNaN(date.getTime())) return cellError("#VALUE!");
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  return { kind: "date", iso: time === "00:00:00" ? iso.slice(0, 10) : iso.slice(0, 19) };
}

/** Sheets marked as the add-in's reports by a `_nth_report_*` defined name (see src/xlsx/writeReport.ts). */
function reportSheetNames(workbook: ExcelJS.Workbook): Set<string> {
  const names = new Set<string>();
  const model =
    (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? [];
  for (const { name, ranges } of model) {
    if (!name.startsWith(REPORT_NAME_PREFIX)) continue;
    for (const range of ranges) {
      const m = /^'?(.*?)'?!/.exec(range);
      if (m) names.add(m[1].replace(/''/g, "'"));
    }
  }
  return names;
}
