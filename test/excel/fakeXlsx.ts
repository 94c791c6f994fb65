/**
 * .xlsx files ↔ the in-memory Excel, for the tests that check the pane and the command line read
 * the same workbook the same way. ExcelJS stands in for Excel opening and saving a file: cells as
 * Excel holds them (numbers, text, logical values, errors, dates as serial numbers with their date
 * format, formulas with their cached results), number formats, merged ranges, sheet visibility and
 * workbook-scoped defined names. Worksheet custom properties do not travel in files (ExcelJS can
 * neither read nor write them): the defined names are what carries the report marks.
 */
import ExcelJS from "exceljs";
import {
  FakeWorkbook,
  type FakeCellValue,
  type FakeExcelOptions,
  type FakeSheet,
} from "../../src/excel/memory/fakeExcel";

const ERRORS = new Set(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]);

function a1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function rectOf(range: string): { top: number; left: number; bottom: number; right: number } {
  const [p, q = p] = range.split(":");
  const a = a1(p);
  const b = a1(q);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/** A cell value as Excel holds it (what Office.js `values` returns). */
function held(value: ExcelJS.CellValue): { value: FakeCellValue; text: boolean } {
  if (value === null || value === undefined) return { value: null, text: false };
  if (typeof value === "number" || typeof value === "boolean") return { value, text: false };
  if (typeof value === "string") return { value, text: true };
  if (value instanceof Date) return { value: value.getTime() / 86_400_000 + 25569, text: false };
  if (typeof value === "object") {
    if ("error" in value) return { value: String(value.error), text: false };
    if ("richText" in value) return { value: value.richText.map((r) => r.text ?? "").join(""), text: true };
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return held(result === undefined ? null : result);
    }
    if ("text" in value) {
      const t = (value as { text?: unknown }).text;
      if (typeof t === "string") return { value: t, text: true };
      if (t && typeof t === "object" && "richText" in t) return held(t as ExcelJS.CellRichTextValue);
    }
  }
  return { value: null, text: false };
}

/** Opens .xlsx bytes in a new in-memory Excel, as Excel would open the file. */
export async function fakeFromXlsx(bytes: Uint8Array, options: FakeExcelOptions = {}): Promise<FakeWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const book = new FakeWorkbook(options);
  for (const ws of wb.worksheets) {
    const sheet = book.createSheet(ws.name);
    sheet.visibility =
      ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        // A formula counts for its cached result; `cell.value` leaves out a result of 0, FALSE or "".
        const { value, text } = held(
          cell.type === ExcelJS.ValueType.Formula ? (cell.result as ExcelJS.CellValue) : cell.value,
        );
        const format = cell.numFmt ?? "General";
        if (value === null && format === "General") return;
        let cells = sheet.cells.get(r);
        if (!cells) sheet.cells.set(r, (cells = new Map()));
        cells.set(c, {
          value: value === "" ? null : value,
          formula: null,
          numberFormat: format || "General",
          // Text that looks like an error stays text (its value type is String).
          quotePrefix: text && typeof value === "string" && ERRORS.has(value),
        });
      });
    });
    const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
    for (const m of merges) sheet.merges.push(rectOf(m));
  }
  const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? [];
  for (const { name, ranges } of names) {
    for (const range of ranges) {
      const m = /^'?((?:[^']|'')*?)'?!(.+)$/.exec(range);
      const sheet = m ? book.find(m[1].replace(/''/g, "'")) : undefined;
      if (m && sheet)
        book.names.push({ name, sheetId: sheet.id, rect: rectOf(m[2].replace(/\$/g, "")), comment: "" });
    }
  }
  return book;
}

/** Saves an in-memory Excel as .xlsx bytes, as Excel would save it (custom properties are lost). */
export async function xlsxFromFake(book: FakeWorkbook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const write = (sheet: FakeSheet): void => {
    const ws = wb.addWorksheet(sheet.name);
    if (sheet.visibility !== "Visible") ws.state = sheet.visibility === "Hidden" ? "hidden" : "veryHidden";
    for (const [r, cells] of sheet.cells) {
      for (const [c, cell] of cells) {
        const target = ws.getCell(r, c);
        if (cell.formula !== null)
          target.value = {
            formula: cell.formula.slice(1),
            result: cell.value ?? undefined,
          } as ExcelJS.CellValue;
        else if (typeof cell.value === "string" && ERRORS.has(cell.value) && !cell.quotePrefix)
          target.value = { error: cell.value as ExcelJS.CellErrorValue["error"] };
        else target.value = cell.value;
        if (cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
      }
    }
    for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  };
  book.sheets.forEach(write);
  for (const n of book.names) {
    const sheet = n.sheetId === null ? undefined : book.byId(n.sheetId);
    if (!sheet) continue;
    const col = (k: number): string => {
      let s = "";
      for (let c = k; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
      return s;
    };
    wb.definedNames.add(`'${sheet.name.replace(/'/g, "''")}'!$${col(n.rect.left)}$${n.rect.top}`, n.name);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
