import type { CellValue } from "../src/core/cells";
import type { WorkbookGrids } from "../src/core/grid";
import { FakeWorkbook, type FakeCellValue, type FakeExcelOptions } from "../src/excel/memory/fakeExcel";

/** A core value as a clerk would have typed it into Excel, so that Excel keeps the same value. */
export function typedForExcel(v: CellValue): FakeCellValue {
  if (v === null || typeof v !== "object") {
    // Text that Excel would turn into a number, logical, error or formula keeps a quote prefix.
    if (typeof v === "string" && /^\s*([+-]?[\d.]+|true|false|#.*)\s*$|^[=+\-@']/i.test(v)) return `'${v}`;
    return v;
  }
  return v.kind === "error" ? v.code : v.iso;
}

/** An in-memory Excel workbook holding the given sheets, as if the clerk had typed them. */
export function fakeWorkbookOf(grids: WorkbookGrids, options: FakeExcelOptions = {}): FakeWorkbook {
  const book = new FakeWorkbook(options);
  for (const sheet of grids.sheets)
    book.addSheet(
      sheet.name,
      sheet.rows.map((row) => row.map(typedForExcel)),
    );
  return book;
}
