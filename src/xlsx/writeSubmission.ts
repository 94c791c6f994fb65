import ExcelJS from "exceljs";
import type { CellValue } from "../core/cells";
import type { SheetGrid } from "../core/grid";
import { MANIFEST_SHEET_NAME, manifestRows, type SubmissionManifest } from "../core/submission/manifest";
import type { SheetDescription } from "../report/description";
import { reportWorkbook } from "./writeReport";

/** A standard data sheet to carry in a submission, with its header row (Excel row number) to mark. */
export interface DataSheet {
  readonly grid: SheetGrid;
  readonly headerRow: number;
}

/**
 * The submission workbook: the report sheets for the submitting unit, the standard data sheets
 * they were computed from (values as read, so the level above can recompute and check), and the
 * manifest sheet. Plain values and formulas only: it opens in any Excel without the add-in.
 */
export function submissionWorkbook(
  reports: readonly SheetDescription[],
  data: readonly DataSheet[],
  manifest: SubmissionManifest,
): ExcelJS.Workbook {
  const workbook = reportWorkbook(reports);
  const used = new Set(workbook.worksheets.map((w) => w.name.toLocaleLowerCase()));
  const unique = (name: string): string => {
    let candidate = name.slice(0, 31);
    for (let k = 2; used.has(candidate.toLocaleLowerCase()); k++) candidate = `${name.slice(0, 26)} (${k})`;
    used.add(candidate.toLocaleLowerCase());
    return candidate;
  };
  for (const { grid, headerRow } of data) {
    const sheet = workbook.addWorksheet(unique(grid.name));
    const top = grid.firstRow ?? 1;
    const left = grid.firstColumn ?? 1;
    let widest = 0;
    grid.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        const v = excelValue(value);
        if (v !== null) sheet.getCell(top + r, left + c).value = v;
      });
      widest = Math.max(widest, row.length);
    });
    sheet.getRow(headerRow).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: headerRow }];
    for (let c = 1; c <= left + widest - 1; c++) sheet.getColumn(c).width = 18;
  }
  const info = workbook.addWorksheet(unique(MANIFEST_SHEET_NAME));
  info.addRows(manifestRows(manifest).map((row) => row.map(excelValue)));
  info.getRow(1).font = { bold: true };
  info.getColumn(1).width = 16;
  info.getColumn(2).width = 30;
  info.getColumn(3).width = 50;
  return workbook;
}

/** A core cell value as ExcelJS writes it; strings stay text (ExcelJS never turns "=…" into a formula). */
function excelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null || typeof value !== "object") return value;
  if (value.kind === "error") return { error: value.code as ExcelJS.CellErrorValue["error"] };
  return new Date(`${value.iso.length === 10 ? `${value.iso}T00:00:00` : value.iso}Z`);
}

export async function submissionXlsxBytes(
  reports: readonly SheetDescription[],
  data: readonly DataSheet[],
  manifest: SubmissionManifest,
): Promise<Uint8Array> {
  const buffer = await submissionWorkbook(reports, data, manifest).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
