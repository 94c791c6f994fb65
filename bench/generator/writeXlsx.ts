import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/cells";
import type { WorkbookGrids } from "../../src/core/grid";

/** A cell of a generated file: a core value, or a formula (written without a cached result). */
export type FileCell = CellValue | { readonly formula: string };

export interface FileSheet {
  readonly name: string;
  readonly rows: readonly (readonly FileCell[])[];
  /** Column widths in characters, from column A. */
  readonly widths?: readonly number[];
}

/**
 * Writes sheets of plain values to an .xlsx file with ExcelJS's streaming writer (rows are
 * committed as they are written, so 400,000 rows need no workbook model in memory). Strings go
 * to the shared-strings table, as Excel itself writes them.
 */
export async function writeSheetsXlsx(path: string, sheets: readonly FileSheet[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: false,
    useSharedStrings: true,
  });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    if (sheet.widths) worksheet.columns = sheet.widths.map((width) => ({ width }));
    for (const row of sheet.rows) worksheet.addRow(row.map(fileValue)).commit();
    worksheet.commit();
  }
  await workbook.commit();
}

/** Writes generated grids as an .xlsx file. */
export function writeGridsXlsx(path: string, workbook: WorkbookGrids): Promise<void> {
  return writeSheetsXlsx(
    path,
    workbook.sheets.map((s) => ({ name: s.name, rows: s.rows })),
  );
}

function fileValue(cell: FileCell | undefined): ExcelJS.CellValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell !== "object") return cell;
  if ("formula" in cell) return { formula: cell.formula.replace(/^=/, ""), date1904: false };
  if (cell.kind === "error") return { error: cell.code as ExcelJS.CellErrorValue["error"] };
  return new Date(`${cell.iso}Z`);
}
