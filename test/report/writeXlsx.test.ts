import ExcelJS from "exceljs";
import { a1Range, quoteSheetName } from "../../src/core/a1";
import { fitCellText, isForcedText, isFormula } from "../../src/report/description";
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

describe("the report writer (read back with ExcelJS)", () => {
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

/**
 * The package writer's output read back by another program (ExcelJS, in the test only) and
 * compared with the descriptions, for every sheet: every cell's value or formula with its cached
 * result, every number format the style runs give, every merge, column width, row height, freeze
 * pane, the print setup (A4, orientation, fit to pages, margins, centring, footer, print area and
 * titles) and the report marks.
 */
describe("the package writer, read back cell by cell", () => {
  let book: ExcelJS.Workbook;
  let sheets: ReturnType<typeof buildReports>;
  beforeAll(async () => {
    ({ book, sheets } = await roundTrip());
  });

  /** The number format the style runs give a cell (later runs win), or undefined. */
  const numberFormatOf = (d: (typeof sheets)[number], r: number, c: number): string | undefined => {
    let format: string | undefined;
    for (const s of d.styles) {
      const g = s.range;
      if (g.top <= r && r <= g.bottom && g.left <= c && c <= g.right && s.style.numberFormat !== undefined)
        format = s.style.numberFormat;
    }
    return format;
  };

  it("every cell value, formula and cached result, and every number format", () => {
    let compared = 0;
    for (const d of sheets) {
      const ws = book.getWorksheet(d.name)!;
      d.cells.forEach((row, i) =>
        row.forEach((content, k) => {
          const r = i + 1;
          const c = k + 1;
          const cell = ws.getCell(r, c);
          if (content === null) {
            if (cell.type !== ExcelJS.ValueType.Merge)
              expect([d.name, r, c, cell.value]).toEqual([d.name, r, c, null]);
          } else if (isFormula(content)) {
            const v = cell.value as ExcelJS.CellFormulaValue;
            expect([d.name, r, c, `=${v.formula}`]).toEqual([d.name, r, c, content.formula]);
            if (content.result !== undefined && content.result !== null)
              expect([d.name, r, c, cell.result]).toEqual([d.name, r, c, content.result]);
          } else {
            const expected = isForcedText(content)
              ? fitCellText(content.text)
              : typeof content === "string"
                ? fitCellText(content)
                : content;
            expect([d.name, r, c, cell.value]).toEqual([d.name, r, c, expected]);
          }
          const format = numberFormatOf(d, r, c);
          if (format !== undefined && (content !== null || cell.type !== ExcelJS.ValueType.Merge))
            expect([d.name, r, c, cell.numFmt]).toEqual([d.name, r, c, format]);
          compared++;
        }),
      );
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("every merge, width, height, freeze pane and the print setup of every sheet, and the report marks", () => {
    const names = (book.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    for (const d of sheets) {
      const ws = book.getWorksheet(d.name)!;
      const merges = (
        ws as unknown as {
          _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
        }
      )._merges;
      const got = Object.values(merges)
        .map((m) => m.model)
        .map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
      expect(got).toEqual(expect.arrayContaining(d.merges.map((m) => ({ ...m }))));
      expect(got).toHaveLength(d.merges.length);
      d.columnWidths.forEach((w, i) =>
        expect([d.name, i + 1, ws.getColumn(i + 1).width]).toEqual([d.name, i + 1, w]),
      );
      for (const h of d.rowHeights)
        for (let r = h.first; r <= h.last; r++)
          expect([d.name, r, ws.getRow(r).height]).toEqual([d.name, r, h.height]);
      expect(ws.views[0]).toMatchObject(
        d.freeze.rows > 0 || d.freeze.columns > 0
          ? {
              state: "frozen",
              ySplit: d.freeze.rows,
              xSplit: d.freeze.columns,
              showGridLines: d.showGridlines,
            }
          : { showGridLines: d.showGridlines },
      );
      const p = d.print;
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: p.orientation,
        fitToPage: true,
        fitToWidth: p.fitToPagesWide,
        fitToHeight: p.fitToPagesTall,
        horizontalCentered: p.centerHorizontally,
        margins: { ...p.margins },
        // ExcelJS reads the defined names back without the "$"s.
        printArea: a1Range(p.printArea.top, p.printArea.left, p.printArea.bottom, p.printArea.right),
        ...(p.titleRows ? { printTitlesRow: `${p.titleRows.first}:${p.titleRows.last}` } : {}),
      });
      expect(ws.headerFooter.oddFooter).toBe(`&C${p.centerFooter}`);
      const mark = names.find((n) => n.name === `_nth_report_${d.reportId}`);
      expect(mark?.ranges).toEqual([`${quoteSheetName(d.name)}!$A$1`]);
    }
  });
});

describe("reportXlsxBytes' `meanwhile` (the CLI's JSON made while the last parts deflate)", () => {
  const sheets = (): ReturnType<typeof buildReports> => {
    const f = binhGia([["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", null, null, "Có", 3, null]]);
    return buildReports(f.rollup, f.issues, settingsFor(f.rollup), { inThisWorkbook: () => false });
  };

  it("runs once and leaves the bytes as without it", async () => {
    const plain = await reportXlsxBytes(sheets());
    let calls = 0;
    const meanwhile = await reportXlsxBytes(sheets(), () => calls++);
    expect(calls).toBe(1);
    expect(Buffer.from(meanwhile).equals(Buffer.from(plain))).toBe(true);
  });

  it("its failure is the one reported", async () => {
    await expect(
      reportXlsxBytes(sheets(), () => {
        throw new Error("meanwhile failed");
      }),
    ).rejects.toThrow("meanwhile failed");
  });
});
