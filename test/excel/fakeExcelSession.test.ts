/**
 * The in-memory workbook's behaviour beyond the report writer's needs: reading ranges, tables,
 * validation, settings, selection, charts; all under the same queue and load rules.
 */
import { FakeOfficeError, FakeWorkbook, officeAddress, runFake } from "../../src/excel/memory/fakeExcel";

it("reads values as Office.js does: blanks as empty strings, text kept, errors typed", async () => {
  const book = new FakeWorkbook();
  book.addSheetValues(
    "Thôn",
    [
      ["Tỉnh", "Xã"],
      ["Lạng Sơn", "12/12"],
      [null, "#N/A"],
      ["0123", true],
    ],
    2,
    2,
  );
  await runFake(book, async (context) => {
    const used = context.workbook.worksheets.getItem("Thôn").getUsedRangeOrNullObject(true);
    expect(() => used.values).toThrow(/not available/);
    used.load("values,valueTypes,address,rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    expect(used.isNullObject).toBe(false);
    expect(used.address).toBe("Thôn!B2:C5");
    expect([used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual([1, 1, 4, 2]);
    expect(used.values).toEqual([
      ["Tỉnh", "Xã"],
      ["Lạng Sơn", "12/12"],
      ["", "#N/A"],
      ["0123", true],
    ]);
    expect(used.valueTypes[2]).toEqual(["Empty", "Error"]);
    expect(used.valueTypes[3]).toEqual(["String", "Boolean"]);
  });
});

it("gives a null object for the used range of an empty sheet", async () => {
  const book = new FakeWorkbook();
  book.addSheet("Trống");
  await runFake(book, async (context) => {
    const used = context.workbook.worksheets.getItem("Trống").getUsedRangeOrNullObject(true);
    used.load("values");
    await context.sync();
    expect(used.isNullObject).toBe(true);
  });
});

it("makes tables with unique names and an empty data row under a header", async () => {
  const book = new FakeWorkbook();
  await runFake(book, async (context) => {
    const ws = context.workbook.worksheets.add("Thôn");
    ws.getRange("A1:B1").values = [["Tỉnh", "Xã"]];
    const table = ws.tables.add("A1:B1", true);
    table.name = "NTH_Thon";
    table.style = "TableStyleLight9";
    await context.sync();
    const again = ws.tables.add("D1:E1", true);
    again.name = "nth_thon";
    await expect(context.sync()).rejects.toThrow(/already exists/);
  });
  expect(book.tables.map((t) => [t.name, t.rect, t.style])).toEqual([
    ["NTH_Thon", { top: 1, left: 1, bottom: 2, right: 2 }, "TableStyleLight9"],
    ["Table1", { top: 1, left: 4, bottom: 2, right: 5 }, "TableStyleMedium2"],
  ]);
});

it("stores validation rules and refuses a typed list over 255 characters", async () => {
  const book = new FakeWorkbook();
  book.addSheet("Thôn");
  await runFake(book, async (context) => {
    const range = context.workbook.worksheets.getItem("Thôn").getRange("F2:F100");
    range.dataValidation.rule = { list: { inCellDropDown: true, source: "x,Có,Không" } };
    await context.sync();
    context.workbook.worksheets.getItem("Thôn").getRange("G2:G9").dataValidation.rule = {
      list: { inCellDropDown: true, source: "a,".repeat(200) },
    };
    await expect(context.sync()).rejects.toBeInstanceOf(FakeOfficeError);
  });
  expect(book.sheet("Thôn").validations[0].rule).toEqual({
    list: { inCellDropDown: true, source: "x,Có,Không" },
  });
});

it("keeps workbook settings as JSON, found or null", async () => {
  const book = new FakeWorkbook();
  await runFake(book, async (context) => {
    context.workbook.settings.add("k", { a: [1, "b"] });
    const found = context.workbook.settings.getItemOrNullObject("k");
    const missing = context.workbook.settings.getItemOrNullObject("none");
    found.load("value");
    missing.load("value");
    expect(() => found.isNullObject).toThrow(/not available/);
    await context.sync();
    expect(found.isNullObject).toBe(false);
    expect(found.value).toEqual({ a: [1, "b"] });
    expect(missing.isNullObject).toBe(true);
  });
});

it("selects a range, activates its sheet, and finds the active cell", async () => {
  const book = new FakeWorkbook();
  book.addSheet("A");
  book.addSheet("Cán bộ");
  await runFake(book, async (context) => {
    context.workbook.worksheets.getItem("Cán bộ").getRange("C4:D6").select();
    const cell = context.workbook.getActiveCell();
    cell.load("address");
    await context.sync();
    expect(cell.address).toBe("'Cán bộ'!C4");
    cell.formulas = [["=NTH.CONSOLIDATION_RATE(68, 143)"]];
    await context.sync();
  });
  expect(book.cell(book.sheet("Cán bộ"), 4, 3)?.formula).toBe("=NTH.CONSOLIDATION_RATE(68, 143)");
  expect(book.activeSheet().name).toBe("Cán bộ");
});

it("adds a chart with series, and removes tables and charts with their sheet", async () => {
  const book = new FakeWorkbook();
  book.addSheet("Tổng hợp", [
    ["a", 1],
    ["b", 2],
  ]);
  book.addSheet("Khác");
  await runFake(book, async (context) => {
    const ws = context.workbook.worksheets.getItem("Tổng hợp");
    const chart = ws.charts.add("ColumnClustered", ws.getRange("B1:B2"), "Columns");
    chart.title.text = "Tỷ lệ";
    chart.series.getItemAt(0).setXAxisValues(ws.getRange("A1:A2"));
    const target = chart.series.add("Chỉ tiêu");
    target.setValues(ws.getRange("B1:B2"));
    target.chartType = "Line";
    chart.setPosition("D2", "K20");
    ws.tables.add("A1:B2", true);
    await context.sync();
  });
  const sheet = book.sheet("Tổng hợp");
  expect(sheet.charts[0].title).toBe("Tỷ lệ");
  expect(sheet.charts[0].series.map((s) => [s.name, s.chartType])).toEqual([
    ["Series1", null],
    ["Chỉ tiêu", "Line"],
  ]);
  expect(sheet.charts[0].series[0].xValues?.rect).toEqual({ top: 1, left: 1, bottom: 2, right: 1 });
  expect(book.tables).toHaveLength(1);
  await runFake(book, async (context) => {
    context.workbook.worksheets.getItem("Tổng hợp").delete();
    await context.sync();
  });
  expect(book.tables).toHaveLength(0);
});

it("quotes sheet names in addresses as Excel does", () => {
  expect(officeAddress("Thôn", { top: 1, left: 1, bottom: 1, right: 1 })).toBe("Thôn!A1");
  expect(officeAddress("Tổng hợp (2)", { top: 2, left: 27, bottom: 3, right: 28 })).toBe(
    "'Tổng hợp (2)'!AA2:AB3",
  );
});
