import ExcelJS from "exceljs";
import fc from "fast-check";
import { analyse } from "../../src/core/pipeline";
import { isFormula, type SheetDescription } from "../../src/report/description";
import { reportsFor } from "../../src/report/reports";
import { isUnusableInputError } from "../../src/xlsx/errors";
import { readXlsxBuffer } from "../../src/xlsx/readXlsx";
import { reportXlsxBytes } from "../../src/xlsx/writeReport";

/**
 * Property tests of reading (fast-check): any workbook ExcelJS can write — random sheets, headers
 * and cells of every type (text of any length and character, numbers, booleans, dates, errors,
 * formulas with and without results, rich text, links), merges, hidden rows and columns, cells far
 * down the sheet — is read without throwing, analysed without throwing, and gives a report
 * workbook that Excel can hold (no cell text over 32,767 characters, no formula over 8,192). Any bytes at all either read as a
 * workbook or are refused with `UnusableInputError`, never another exception.
 */

const RUNS = Number(process.env.NTH_PROPERTY_RUNS ?? 40);
const EXCEL_CELL_LIMIT = 32_767;

const HEADERS = [
  "STT",
  "Tỉnh",
  "Huyện",
  "Xã",
  "Thôn",
  "Mã xã",
  "Loại",
  "Có chi bộ",
  "Số đảng viên",
  "Bí thư chi bộ",
  "Trưởng thôn",
  "Nhất thể hóa",
  "Họ và tên",
  "Chức danh",
  "Năm sinh",
  "Chỉ tiêu",
  "Đơn vị",
  "Cấp",
  "Mục tiêu",
  "So sánh",
  "Village",
  "Commune",
  "Province",
  "Tổng cộng",
];
const WORDS = [
  "Lạng Sơn",
  "Bình Gia",
  "Yên Lỗ",
  "Hòa",
  "Hoà",
  "x",
  "Có",
  "Không",
  "Bí thư chi bộ",
  "=1+1",
  "",
];

const textArb = fc.oneof(
  { arbitrary: fc.constantFrom(...WORDS), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 20 }), weight: 2 },
  // A cell at Excel's limit: 32,767 characters.
  {
    arbitrary: fc.constantFrom("Nà Lẹng ", "?", "x").map((s) => s.repeat(40_000).slice(0, EXCEL_CELL_LIMIT)),
    weight: 1,
  },
);

const cellArb: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  textArb,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -5, max: 3000 }),
  fc.boolean(),
  fc.constant(null),
  fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
  fc
    .constantFrom("#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!")
    .map((error) => ({ error })),
  fc
    .tuple(
      fc.constantFrom("A1", "SUM(A1:A3)", 'B2&""', "1/0"),
      fc.oneof(textArb, fc.integer(), fc.boolean(), fc.constant(undefined)),
    )
    .map(
      ([formula, result]) => (result === undefined ? { formula } : { formula, result }) as ExcelJS.CellValue,
    ),
  // The runs together stay within Excel's limit (a longer cell is refused by the reader, as in Excel).
  textArb.map((t) => ({
    richText: [{ text: t.slice(0, EXCEL_CELL_LIMIT - 1) }, { text: "!", font: { bold: true } }],
  })),
  textArb.map((t) => ({ text: t, hyperlink: "#'Thôn'!A1" })),
);

interface SheetSpec {
  name: string;
  titleRows: number;
  header: string[];
  rows: ExcelJS.CellValue[][];
  merges: [number, number, number, number][];
  hiddenRows: number[];
  hiddenColumns: number[];
  far: ExcelJS.CellValue | null;
}

const sheetArb: fc.Arbitrary<SheetSpec> = fc.record({
  name: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 20 }),
  titleRows: fc.nat({ max: 2 }),
  header: fc.shuffledSubarray(HEADERS, { minLength: 0, maxLength: 12 }),
  rows: fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 12 }),
  merges: fc.array(
    fc.tuple(
      fc.integer({ min: 1, max: 15 }),
      fc.integer({ min: 1, max: 12 }),
      fc.nat({ max: 4 }),
      fc.nat({ max: 3 }),
    ),
    { maxLength: 3 },
  ),
  hiddenRows: fc.array(fc.integer({ min: 1, max: 15 }), { maxLength: 3 }),
  hiddenColumns: fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 2 }),
  far: fc.option(cellArb, { nil: null, freq: 12 }),
});

async function workbookBytes(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const used = new Set<string>();
  sheets.forEach((s, i) => {
    // Sheet names as Excel allows them: no []:*?/\, at most 31 characters, no quote first or
    // last (checked after trimming, so " ' " cannot become "'"), unique without case.
    let name =
      s.name
        .replace(/[[\]:*?/\\]/g, "-")
        .slice(0, 28)
        .trim()
        .replace(/^'|'$/g, "-") || "Sheet";
    if (used.has(name.toLowerCase())) name = `${name.slice(0, 25)} ${i}`;
    used.add(name.toLowerCase());
    const ws = wb.addWorksheet(name);
    for (let t = 0; t < s.titleRows; t++) ws.getCell(t + 1, 1).value = "DANH SÁCH THÔN";
    const headerRow = s.titleRows + 1;
    s.header.forEach((h, c) => (ws.getCell(headerRow, c + 1).value = h));
    s.rows.forEach((row, r) => row.forEach((v, c) => (ws.getCell(headerRow + 1 + r, c + 1).value = v)));
    const taken: [number, number, number, number][] = [];
    for (const [top, left, down, across] of s.merges) {
      const m: [number, number, number, number] = [top, left, top + down, left + across];
      if (taken.some((t) => m[0] <= t[2] && t[0] <= m[2] && m[1] <= t[3] && t[1] <= m[3])) continue;
      if (down === 0 && across === 0) continue;
      taken.push(m);
      ws.mergeCells(...m);
    }
    for (const r of s.hiddenRows) ws.getRow(r).hidden = true;
    for (const c of s.hiddenColumns) ws.getColumn(c).hidden = true;
    if (s.far !== null) ws.getCell(1_048_576, 3).value = s.far;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The longest text of any cell of the report workbook as the ExcelJS writer writes it (read back).
 * A description may hold longer text — a group heading "Xã <name> (<district>)" built from names
 * that each fit — which the writers cut to fit.
 */
async function longestWrittenText(sheets: readonly SheetDescription[]): Promise<number> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await reportXlsxBytes(sheets)) as never);
  let longest = 0;
  book.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string") longest = Math.max(longest, cell.value.length);
      }),
    ),
  );
  return longest;
}

/** The longest formula of the descriptions: Excel takes at most 8,192 characters. */
function longestFormula(sheets: readonly SheetDescription[]): number {
  let longest = 0;
  for (const d of sheets)
    for (const row of d.cells)
      for (const c of row) if (isFormula(c)) longest = Math.max(longest, c.formula.length);
  return longest;
}

describe("reading any workbook (fast-check)", () => {
  it("never throws, from the .xlsx bytes to the report sheets, which stay within Excel's cell limit", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheetArb, { minLength: 1, maxLength: 3 }), async (sheets) => {
        const workbook = await readXlsxBuffer(await workbookBytes(sheets), "ngẫu nhiên.xlsx");
        const result = analyse([workbook], { referenceYear: 2025 });
        if (!result.ok) {
          expect(result.unusable.vi.length).toBeGreaterThan(0);
          return;
        }
        for (const i of result.analysis.issues) {
          expect(i.file).toBe("ngẫu nhiên.xlsx");
          if (i.code !== "no-standard-sheet") expect(i.cell).toMatch(/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/);
        }
        const reports = reportsFor(result.analysis.rollup, result.analysis.issues, {
          workbooks: [workbook],
          today: { year: 2025, month: 9, day: 19 },
        });
        expect(longestFormula(reports.sheets)).toBeLessThanOrEqual(8_192);
        expect(await longestWrittenText(reports.sheets)).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
      }),
      { numRuns: RUNS },
    );
  }, 240_000);

  it("any bytes either read as a workbook or are refused with UnusableInputError", async () => {
    const valid = await workbookBytes([
      {
        name: "Thôn",
        titleRows: 1,
        header: ["Tỉnh", "Huyện", "Xã", "Thôn", "Nhất thể hóa"],
        rows: [["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "x"]],
        merges: [],
        hiddenRows: [],
        hiddenColumns: [],
        far: null,
      },
    ]);
    const mutated = fc
      .tuple(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.option(fc.nat()),
      )
      .map(([changes, cut]) => {
        const bytes = Uint8Array.from(valid);
        for (const [at, byte] of changes) bytes[at % bytes.length] = byte;
        return cut === null ? bytes : bytes.subarray(0, cut % bytes.length);
      });
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, fc.uint8Array({ maxLength: 64 })), async (bytes) => {
        try {
          const workbook = await readXlsxBuffer(bytes, "hỏng.xlsx");
          analyse([workbook], { referenceYear: 2025 });
        } catch (error) {
          expect({ unusable: isUnusableInputError(error), error }).toMatchObject({ unusable: true });
        }
      }),
      { numRuns: RUNS * 2 },
    );
  }, 240_000);
});
