import { generate, SIZES } from "../../bench/generator/generate";
import type { CellValue } from "../../src/core/cells";
import type { WorkbookGrids } from "../../src/core/grid";
import { readWorkbooks } from "../../src/core/read/readWorkbook";
import { rollup } from "../../src/core/rollup/rollup";
import { FakeRequestContext, FakeWorkbook, type FakeCellValue } from "../../src/excel/memory/fakeExcel";
import { cellValue, readWorkbookFromExcel, type XReadContext } from "../../src/excel/readWorkbook";

/** Compile-time proof that the real Office.js context and the in-memory one fit the reader's view. */
function acceptsRealContext(context: Excel.RequestContext): XReadContext {
  return context;
}
function acceptsFakeContext(context: FakeRequestContext): XReadContext {
  return context;
}

/** A core value as a clerk would have typed it, so that the fake stores the same value. */
function typed(v: CellValue): FakeCellValue {
  if (v === null || typeof v !== "object") {
    if (typeof v === "string" && /^\s*([+-]?[\d.]+|true|false|#.*)\s*$|^[=+\-@']/i.test(v)) return `'${v}`;
    return v;
  }
  return v.kind === "error" ? v.code : v.iso;
}

function fakeOf(
  grids: WorkbookGrids,
  options: ConstructorParameters<typeof FakeWorkbook>[0] = {},
): FakeWorkbook {
  const book = new FakeWorkbook(options);
  for (const sheet of grids.sheets)
    book.addSheet(
      sheet.name,
      sheet.rows.map((row) => row.map(typed)),
    );
  return book;
}

describe("readWorkbookFromExcel", () => {
  it("accepts Excel.RequestContext and the in-memory context", () => {
    expect(typeof acceptsRealContext).toBe("function");
    expect(acceptsFakeContext(new FakeRequestContext(new FakeWorkbook()))).toBeTruthy();
  });

  it("reads each sheet's used range with its place, and tells errors from text", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet("Thôn");
    book.enter(sheet, 3, 2, "Tỉnh");
    book.enter(sheet, 3, 3, "Số đảng viên");
    book.enter(sheet, 4, 2, "Lạng Sơn");
    book.enter(sheet, 4, 3, "#N/A");
    book.enter(sheet, 5, 2, "'#N/A");
    book.enter(sheet, 5, 3, 12);
    book.enter(sheet, 6, 3, true);
    book.addSheet("Trống");
    const result = await readWorkbookFromExcel(new FakeRequestContext(book));
    expect(result.workbook.sheets).toEqual([
      {
        name: "Thôn",
        firstRow: 3,
        firstColumn: 2,
        rows: [
          ["Tỉnh", "Số đảng viên"],
          ["Lạng Sơn", { kind: "error", code: "#N/A" }],
          ["#N/A", 12],
          [null, true],
        ],
        visibility: "visible",
      },
      { name: "Trống", firstRow: 1, firstColumn: 1, rows: [], visibility: "visible" },
    ]);
    // Sheet names, used ranges, one chunk for everything.
    expect(result.syncs).toBe(3);
    expect(book.syncs).toBe(3);
  });

  it("reads only the sheets asked for", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Thôn", [["Tỉnh"], ["Lạng Sơn"]]);
    book.addSheet("Tổng hợp", [["x"]]);
    const result = await readWorkbookFromExcel(new FakeRequestContext(book), {
      include: (n) => n !== "Tổng hợp",
    });
    expect(result.workbook.sheets.map((s) => s.name)).toEqual(["Thôn"]);
  });

  it("reads 100,000 village rows in chunks, no response over 4 MB, syncs growing only with the bytes", async () => {
    const grids = generate({
      ...SIZES.country,
      provinces: 34,
      villages: 100_000,
      officeHoldersPerVillage: 0,
    }).workbook;
    const villages: WorkbookGrids = { file: "", sheets: [grids.sheets[0]] };
    const book = fakeOf(villages, { responseLimit: 4_000_000 });
    const result = await readWorkbookFromExcel(new FakeRequestContext(book));
    expect(book.largestResponseBytes).toBeLessThanOrEqual(4_000_000);
    expect(result.largestResponseBytes).toBeLessThanOrEqual(4_000_000);
    const totalBytes = book.responses.reduce((a, b) => a + b, 0);
    // Chunks are at least a third full on average: the count follows the bytes, not the rows.
    expect(result.chunkSyncs).toBeLessThanOrEqual(Math.ceil(totalBytes / (4_000_000 / 3)) + 1);
    expect(result.syncs).toBe(2 + result.chunkSyncs);
    const sheet = result.workbook.sheets[0];
    expect(sheet.rows).toHaveLength(villages.sheets[0].rows.length);
    expect(sheet.rows[5]).toEqual(villages.sheets[0].rows[5].map((v) => (v === "" ? null : v)));
  }, 120_000);

  it("reads long texts again in halves when a response would be too large", async () => {
    const book = new FakeWorkbook({ responseLimit: 200_000 });
    const rows: FakeCellValue[][] = [["Ghi chú"]];
    for (let i = 0; i < 2000; i++) rows.push([i < 1000 ? `thôn ${i}` : `${"dài ".repeat(200)}${i}`]);
    book.addSheet("Thôn", rows);
    const result = await readWorkbookFromExcel(new FakeRequestContext(book), { maxResponseBytes: 150_000 });
    expect(result.workbook.sheets[0].rows).toHaveLength(2001);
    expect(result.workbook.sheets[0].rows[2000]).toEqual([`${"dài ".repeat(200)}1999`]);
    // The first try of the long rows was refused by the (fake) Excel, then read in smaller chunks.
    const refused = book.responses.filter((bytes) => bytes > 200_000).length;
    expect(refused).toBeGreaterThanOrEqual(1);
    // Each refusal halves the rows. "dài " counts 9 bytes escaped (à as \u00e0): the first try (all
    // rows, on the first guess) and the first try of the long rows (on the short rows' estimate)
    // are each about 9 times the limit, so two runs of at most three halvings.
    expect(refused).toBeLessThanOrEqual(6);
    expect(result.syncs).toBe(book.responses.length);
  });

  it("gives the same rollup as the grids it was typed from", async () => {
    const grids = generate(SIZES.district).workbook;
    const result = await readWorkbookFromExcel(new FakeRequestContext(fakeOf(grids)));
    const direct = rollup(readWorkbooks([{ ...grids, file: "" }]).dataset, { referenceYear: 2025 });
    const viaExcel = rollup(readWorkbooks([result.workbook]).dataset, { referenceYear: 2025 });
    expect(viaExcel.units.map((u) => [u.id, u.villages, u.consolidated, u.indicators])).toEqual(
      direct.units.map((u) => [u.id, u.villages, u.consolidated, u.indicators]),
    );
  });
});

describe("cellValue", () => {
  it.each([
    ["", "Empty", null],
    ["#DIV/0!", "Error", { kind: "error", code: "#DIV/0!" }],
    ["#DIV/0!", "String", "#DIV/0!"],
    [3, "Double", 3],
    [true, "Boolean", true],
    ["Bản Pò Mầm", "String", "Bản Pò Mầm"],
    [{ type: "Entity" }, "RichValue", null],
  ])("%j of type %s → %j", (value, type, expected) => {
    expect(cellValue(value, type)).toEqual(expected);
  });
});
