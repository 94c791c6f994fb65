import type { CellValue } from "../../src/core/cells";
import type { SheetGrid, WorkbookGrids } from "../../src/core/grid";

/** Test helper: a workbook from sheets written as arrays of rows. */
export function workbook(file: string, sheets: Record<string, CellValue[][]>): WorkbookGrids {
  return { file, sheets: Object.entries(sheets).map(([name, rows]): SheetGrid => ({ name, rows })) };
}

export const VILLAGE_HEADER: CellValue[] = [
  "STT",
  "Tỉnh",
  "Huyện",
  "Xã",
  "Thôn",
  "Bí thư chi bộ",
  "Trưởng thôn",
  "Nhất thể hóa",
  "Có chi bộ",
  "Số đảng viên",
];

/** A village row under VILLAGE_HEADER. */
export function village(
  n: number,
  province: string,
  district: string | null,
  commune: string,
  name: string,
  secretary: string | null,
  head: string | null,
  flag: CellValue = null,
  cell: CellValue = null,
  members: CellValue = null,
): CellValue[] {
  return [n, province, district, commune, name, secretary, head, flag, cell, members];
}
