import type { Issue } from "../../src/core/issues";
import { writeReportsToExcel, planSheetNames, excelInput, mustStayText } from "../../src/excel/writeReport";
import { REPORT_MARKER_KEY, type SheetDescription } from "../../src/report/description";
import { dataCheckReport } from "../../src/report/layouts/dataCheck";
import { summaryReport } from "../../src/report/layouts/summary";
import { buildReports } from "../../src/report/reports";
import {
  FakeOfficeError,
  FakeWorkbook,
  runFake,
  type FakeCellValue,
  type FakeSheet,
} from "../fakes/excel-fake";
import { binhGia, settingsFor, synthetic, VILLAGE_HEADER } from "../report/fixtures";

const INPUT_ROWS: FakeCellValue[][] = [
  VILLAGE_HEADER as FakeCellValue[],
  ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn A", "Hoàng Văn A", "Có", 12, null],
];

function workbookWithInputs(): { book: FakeWorkbook; inputs: FakeSheet[] } {
  const book = new FakeWorkbook();
  const inputs = [book.addSheet("Thôn", INPUT_ROWS), book.addSheet("Cán bộ", [["Họ và tên", "Chức danh"]])];
  return { book, inputs };
}

function binhGiaReports(extra: Parameters<typeof binhGia>[0] = []): SheetDescription[] {
  const f = binhGia(extra);
  return buildReports(f.rollup, f.issues, settingsFor(f.rollup));
}

async function write(book: FakeWorkbook, descriptions: readonly SheetDescription[]) {
  return runFake(book, (context) => writeReportsToExcel(context, descriptions));
}

describe("the Excel writer against the fake object model", () => {
  it("writes the six report sheets, marked, leaving the input sheets unchanged", async () => {
    const { book, inputs } = workbookWithInputs();
    const before = inputs.map((s) => book.snapshot(s));
    const descriptions = binhGiaReports();
    const result = await write(book, descriptions);

    expect(book.sheets.map((s) => s.name)).toEqual([
      "Thôn",
      "Cán bộ",
      "Tổng hợp",
      "Chức danh cấp xã",
      "Chất lượng bí thư",
      "Chi bộ thôn",
      "Thôn chưa NTH",
      "Kiểm tra dữ liệu",
    ]);
    expect(inputs.map((s) => book.snapshot(s))).toEqual(before);
    for (const d of descriptions)
      expect(book.sheet(d.name).customProperties.get(REPORT_MARKER_KEY)).toBe(d.reportId);
    expect(result.sheets.every((s) => !s.replaced)).toBe(true);

    // The summary as described: values, formulas, formats, merges, freeze, print setup.
    const summary = book.sheet("Tổng hợp");
    const d = descriptions[0];
    const first = d.table.bodyTop;
    expect(book.cell(summary, first, 2)?.value).toBe("Yên Lỗ");
    expect(book.cell(summary, first, 3)?.value).toBe(9);
    expect(book.cell(summary, first, 5)?.formula).toBe(`=IF(C${first}=0,"",D${first}/C${first})`);
    expect(book.cell(summary, first, 5)?.numberFormat).toBe("0.0%");
    expect(book.cell(summary, d.table.totalRow!, 3)?.formula).toBe(`=SUM(C${first}:C${d.table.bodyBottom})`);
    expect(book.cell(summary, d.table.totalRow!, 8)?.value).toBe(61);
    expect(book.formatAt(summary, first, 1, "borders.EdgeTop.style")).toBe("Continuous");
    expect(book.formatAt(summary, 1, 1, "font.name")).toBe("Times New Roman");
    expect(summary.merges).toEqual(expect.arrayContaining(d.merges.map((m) => ({ ...m }))));
    expect(summary.freeze).toEqual({ rows: d.table.headerBottom, columns: 2 });
    expect(summary.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
      printTitleRows: `$${d.table.headerTop}:$${d.table.headerBottom}`,
    });
    expect(summary.conditionalFormats.length).toBeGreaterThan(0);
    expect(summary.showGridlines).toBe(false);
    // Every formula in the workbook is plain Excel: no NTH custom function.
    for (const s of book.sheets)
      for (const row of s.cells.values())
        for (const c of row.values()) expect(c.formula ?? "").not.toMatch(/NTH\./i);
  });

  it("keeps text that looks like a formula as text: a village named =1+1, the '- ' recipients", async () => {
    const { book } = workbookWithInputs();
    const descriptions = binhGiaReports([
      ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "=1+1", "Lý Văn B", "Hà Văn C", "Có", 5, null],
    ]);
    await write(book, descriptions);
    const list = book.sheet("Thôn chưa NTH");
    const cells = [...list.cells.values()].flatMap((row) => [...row.values()]);
    const village = cells.find((c) => c.value === "=1+1");
    expect(village).toMatchObject({ value: "=1+1", formula: null });
    const recipients = [...book.sheet("Tổng hợp").cells.values()].flatMap((row) => [...row.values()]);
    expect(recipients.filter((c) => typeof c.value === "string" && c.value.startsWith("- ")).length).toBe(2);
    expect(recipients.every((c) => !c.formula?.startsWith("=-"))).toBe(true);
  });

  it("never touches a clerk's sheet that has a report's name; replaces only its own sheets", async () => {
    const { book } = workbookWithInputs();
    const clerks = book.addSheet("Tổng hợp", [["Bảng của tôi"], [1, 2, 3]]);
    const clerkBefore = book.snapshot(clerks);
    const first = await write(book, binhGiaReports());
    expect(first.sheets[0].name).toBe("Tổng hợp (2)");
    expect(book.snapshot(book.sheet("Tổng hợp"))).toEqual(clerkBefore);

    const count = book.sheets.length;
    const second = await write(book, binhGiaReports());
    expect(book.sheets.length).toBe(count);
    expect(second.sheets.map((s) => s.replaced)).toEqual([true, true, true, true, true, true]);
    expect(second.sheets[0].name).toBe("Tổng hợp (2)");
    expect(book.snapshot(book.sheet("Tổng hợp"))).toEqual(clerkBefore);
  });

  it("suspends calculation and screen updating in every batch that writes", async () => {
    const { book } = workbookWithInputs();
    await write(book, binhGiaReports());
    // Protection, sheet list, marks; one request per sheet; a fresh look (sheet list, marks) and
    // the commit; then one recalculation.
    expect(book.requests).toHaveLength(3 + 6 + 2 + 1 + 1);
    const writing = [...book.requests.slice(3, 9), book.requests[11]];
    expect(writing.every((r) => r.suspendedCalculation && !r.suspendedScreenUpdating)).toBe(true);
    expect(book.requests.slice(9, 11).some((r) => r.suspendedCalculation)).toBe(false);
    expect(book.calculations).toBe(1);
  });

  it("propagates a failed sync and leaves the input sheets as they were", async () => {
    const book = new FakeWorkbook({ failAtSync: 4 });
    const inputs = [book.addSheet("Thôn", INPUT_ROWS)];
    const before = book.snapshot(inputs[0]);
    await expect(write(book, binhGiaReports())).rejects.toBeInstanceOf(FakeOfficeError);
    expect(book.snapshot(inputs[0])).toEqual(before);
  });
});

describe("scale: fixed syncs and requests under 4 MB", () => {
  const sizes = [100, 100_000];
  const results = new Map<number, { syncs: number[]; largest: number; total: number }>();

  beforeAll(async () => {
    for (const villages of sizes) {
      const f = synthetic(villages, { districts: 10 });
      const settings = settingsFor(f.rollup);
      const descriptions = buildReports(f.rollup, f.issues, settings);
      const book = new FakeWorkbook();
      book.addSheet("Thôn", INPUT_ROWS);
      const result = await write(book, descriptions);
      results.set(villages, {
        syncs: result.sheets.map((s) => s.syncs),
        largest: book.largestRequestBytes,
        total: result.syncs,
      });
      if (process.env.SHOW_FIGURES)
        console.log(
          villages,
          result.sheets,
          book.largestRequestBytes,
          book.requests.map((r) => r.bytes),
        );
    }
  }, 120_000);

  it("uses the same number of syncs for the unit tables at 100 and at 100,000 villages", () => {
    const small = results.get(100)!;
    const large = results.get(100_000)!;
    // summary, commune posts, secretaries, party cells: one sync each at every size.
    expect(small.syncs.slice(0, 4)).toEqual([1, 1, 1, 1]);
    expect(large.syncs.slice(0, 4)).toEqual([1, 1, 1, 1]);
  });

  it("keeps every request under 4 MB at 100,000 villages (the fake rejects over 5 MB)", () => {
    const large = results.get(100_000)!;
    expect(large.largest).toBeLessThanOrEqual(4_000_000);
    // The list of 50,000 villages still to consolidate needs its payload split; a few syncs, not one per row.
    expect(large.syncs[4]).toBeLessThanOrEqual(4);
  });

  it("splits a 100,000-issue data check into a few requests, each under 4 MB", async () => {
    const issues: Issue[] = Array.from({ length: 100_000 }, (_, i) => ({
      severity: i % 3 === 0 ? "error" : "warning",
      code: "bad-flag",
      file: "",
      sheet: "Thôn",
      cell: `H${i + 2}`,
      message: {
        vi: `“abc” không phải giá trị Có/Không ở cột “Nhất thể hóa”. Dùng x, Có, Không, 1, 0.`,
        en: "bad flag",
      },
    }));
    const f = synthetic(100);
    const d = dataCheckReport(issues, settingsFor(f.rollup));
    const book = new FakeWorkbook();
    const result = await write(book, [d]);
    expect(book.largestRequestBytes).toBeLessThanOrEqual(4_000_000);
    expect(result.sheets[0].syncs).toBeLessThanOrEqual(
      Math.ceil(book.requests.reduce((s, r) => s + r.bytes, 0) / 3_000_000) + 1,
    );
    const sheet = book.sheet("Kiểm tra dữ liệu");
    expect(book.cell(sheet, d.table.bodyTop, 5)?.formula).toBe(`=HYPERLINK("#'Thôn'!H2","H2")`);
  }, 60_000);

  it("writes a summary of 100 or 3,400 communes in the same number of syncs", async () => {
    const counts: number[] = [];
    for (const villages of [3_000, 100_000]) {
      const f = synthetic(villages, { districts: 34 });
      const book = new FakeWorkbook();
      const result = await write(book, [summaryReport(f.rollup, settingsFor(f.rollup))]);
      counts.push(result.syncs);
    }
    expect(counts[0]).toBe(counts[1]);
  }, 60_000);
});

describe("sheet names and cell inputs", () => {
  it("picks the next free name and reuses the add-in's own sheet for the same report", () => {
    const plan = planSheetNames(
      [
        { name: "tổng hợp", reportId: null },
        { name: "Tổng hợp (2)", reportId: "dataCheck" },
        { name: "Tổng hợp (3)", reportId: "summary" },
      ],
      [{ name: "Tổng hợp", reportId: "summary" }],
    );
    expect(plan).toEqual([{ name: "Tổng hợp (3)", replaces: 2 }]);
  });

  it("passes text, formulas and numbers through; text that must stay text is known by mustStayText", () => {
    expect(excelInput({ text: "=1+1" })).toBe("=1+1");
    expect(mustStayText({ text: "=1+1" })).toBe(true);
    expect(excelInput("01")).toBe("01");
    expect(mustStayText("01")).toBe(true);
    expect(mustStayText("Yên Lỗ")).toBe(false);
    expect(mustStayText({ formula: "=SUM(A1:A2)" })).toBe(false);
    expect(excelInput({ formula: "=SUM(A1:A2)" })).toBe("=SUM(A1:A2)");
    expect(excelInput(7)).toBe(7);
    expect(excelInput("Yên Lỗ")).toBe("Yên Lỗ");
  });

  it("the fake throws like Office.js when an unloaded property is read", async () => {
    const book = new FakeWorkbook();
    book.addSheet("A");
    await runFake(book, async (context) => {
      const ws = context.workbook.worksheets.add("B");
      expect(() => ws.name).toThrow(/PropertyNotLoaded|not available/);
      const prop = ws.customProperties.getItemOrNullObject("x");
      expect(() => prop.isNullObject).toThrow(FakeOfficeError);
      await context.sync();
      expect(prop.isNullObject).toBe(true);
    });
  });
});
