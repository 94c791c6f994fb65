import ExcelJS from "exceljs";
import { buildReports } from "../../src/report/reports";
import { reportXlsxBytes } from "../../src/xlsx/writeReport";
import { binhGia, settingsFor } from "./fixtures";

async function roundTrip(): Promise<{ book: ExcelJS.Workbook; sheets: ReturnType<typeof buildReports> }> {
  const f = binhGia([["Lạng Sơn", "Bình Gia", "Yên Lỗ", "=1+1", null, null, "Có", 3, null]]);
  const sheets = buildReports(f.rollup, f.issues, settingsFor(f.rollup), { inThisWorkbook: () => false });
  const bytes = await reportXlsxBytes(sheets);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  return { book, sheets };
}

describe("the ExcelJS writer", () => {
  let book: ExcelJS.Workbook;
  let sheets: ReturnType<typeof buildReports>;
  beforeAll(async () => {
    ({ book, sheets } = await roundTrip());
  });

  it("writes the six sheets with values, formulas and cached results", () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(sheets.map((s) => s.name));
    const ws = book.getWorksheet("Tổng hợp")!;
    const d = sheets[0];
    const top = d.table.bodyTop;
    expect(ws.getCell(top, 2).value).toBe("Yên Lỗ");
    expect(ws.getCell(top, 3).value).toBe(10);
    expect(ws.getCell(top, 5).value).toMatchObject({
      formula: `IF(C${top}=0,"",D${top}/C${top})`,
      result: 0.3,
    });
    expect(ws.getCell(d.table.totalRow!, 3).value).toMatchObject({
      formula: `SUM(C${top}:C${d.table.bodyBottom})`,
      result: 144,
    });
    expect(ws.getCell(top, 5).numFmt).toBe("0.0%");
    expect(ws.getCell(top, 6).numFmt).toBe('">"0.0%');
  });

  it("keeps risky text as text", () => {
    const ws = book.getWorksheet("Thôn chưa NTH")!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const village = cells.find((c) => c.value === "=1+1");
    expect(village?.type).toBe(ExcelJS.ValueType.String);
    const summary = book.getWorksheet("Tổng hợp")!;
    const recipients: ExcelJS.Cell[] = [];
    summary.eachRow((row) =>
      row.eachCell(
        (c) =>
          c.type !== ExcelJS.ValueType.Merge &&
          typeof c.value === "string" &&
          c.value.startsWith("- ") &&
          recipients.push(c),
      ),
    );
    expect(recipients.map((c) => c.type)).toEqual([ExcelJS.ValueType.String, ExcelJS.ValueType.String]);
  });

  it("applies fonts, borders, merges, widths, freeze panes, conditional formats and the print setup", () => {
    const ws = book.getWorksheet("Tổng hợp")!;
    const d = sheets[0];
    expect(ws.getCell(1, 1).font).toMatchObject({ name: "Times New Roman", size: 12 });
    expect(ws.getCell(2, 1).font.bold).toBe(true);
    expect(ws.getCell(d.table.totalRow!, 2).font.bold).toBe(true);
    expect(ws.getCell(d.table.bodyTop, 1).border.top).toMatchObject({ style: "thin" });
    expect(ws.getCell(d.table.headerTop, 1).fill).toMatchObject({
      type: "pattern",
      fgColor: { argb: "FFDCE6F1" },
    });
    expect(ws.getCell(1, 1).isMerged).toBe(true);
    expect(ws.getColumn(2).width).toBe(d.columnWidths[1]);
    expect(ws.views[0]).toMatchObject({
      state: "frozen",
      ySplit: d.table.headerBottom,
      xSplit: 2,
      showGridLines: false,
    });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      printTitlesRow: `${d.table.headerTop}:${d.table.headerBottom}`,
    });
    expect(ws.headerFooter.oddFooter).toContain("Trang &P/&N");
    const cf = (
      ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }
    ).conditionalFormattings;
    expect(cf[0].ref).toBe(`E${d.table.bodyTop}:E${d.table.totalRow}`);
    expect(cf[0].rules[0].formulae[0]).toMatch(/^AND\(ISNUMBER/);
  });

  it("writes issues of other files as text, without links", () => {
    const ws = book.getWorksheet("Kiểm tra dữ liệu")!;
    const d = sheets[5];
    expect(ws.getCell(d.table.bodyTop, 3).value).toBe("(sổ này)");
    expect(typeof ws.getCell(d.table.bodyTop, 5).value).toBe("string");
  });
});
