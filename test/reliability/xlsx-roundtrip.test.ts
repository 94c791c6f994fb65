import ExcelJS from "exceljs";
import fc from "fast-check";
import {
  assertValidDescription,
  formula,
  isForcedText,
  isFormula,
  MAX_CELL_TEXT,
  text,
  type CellContent,
  type SheetDescription,
} from "../../src/report/description";
import { reportXlsxBytes } from "../../src/xlsx/writeReport";

/**
 * Property tests of the ExcelJS writer (src/xlsx/writeReport.ts): any report description written to
 * an .xlsx file and read back with ExcelJS gives the same cells — formulas as formulas (with their
 * cached results), numbers, booleans, and text as text, including text that begins with = + - @ or
 * looks like a number, and any Unicode string.
 *
 * What the writer does with text an .xlsx file cannot hold as it is (the decision, tested here):
 * - Characters XML 1.0 forbids (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF),
 *   U+007F and CR are written as OOXML escapes `_xHHHH_`, which Excel and ExcelJS read back as the
 *   same character; ExcelJS alone would drop the controls, U+FFFE / U+FFFF would make the file
 *   unreadable, and an XML parser reads CR LF as LF.
 * - Text that itself looks like such an escape ("_x0041_") has its underscore escaped (`_x005F_`),
 *   so that it is not read back as "A".
 * - An unpaired surrogate (half of a UTF-16 pair, not a character) becomes U+FFFD, the replacement
 *   character, as any UTF-8 encoder makes it.
 * So text written is text read, exactly, for every string of characters.
 */

const RUNS = Number(process.env.NTH_PROPERTY_RUNS ?? 60);

/** What text comes back as: the string itself, with unpaired surrogates replaced by U+FFFD. */
const expectedText = (s: string): string =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

const NAMES = [
  "Hòa Bình",
  "Hoà Bình",
  "Hòa Bình".normalize("NFD"),
  "Nông Thị Thủy",
  "Khuổi\u00a0Mè",
  "=1+1",
  "+84 912 345 678",
  "- Ban Tổ chức Tỉnh ủy (để b/c),",
  "@Vi Văn Cường",
  "'quoted",
  "01",
  "19/9/2021",
  "90%",
  "TRUE",
  "#N/A",
  "_x0041_",
  "_X0041_",
  "a_x000D_b",
  "tab\there",
  "line\nbreak\r\n",
  "\u0001\u0002\u001f",
  "\u007f",
  "\ufffe\uffff",
  "\ud800 lone high",
  "lone low \udc00",
  "😀 Đảng",
  "",
  " ",
  "Tổng cộng",
];

/** Strings of every kind: real names and traps, arbitrary code points, and both mixed. */
const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom(..."\u0000\u0008\u000b\u001f\u007f\ufffe_x0041AF\ud800\udc00 ="),
    maxLength: 12,
  }),
  fc.tuple(fc.constantFrom(...NAMES), fc.string({ unit: "grapheme", maxLength: 8 })).map(([a, b]) => a + b),
);

const FORMULAS: readonly [string, number | string | null][] = [
  ["=SUM(C10:C29)", 144],
  ['=IF(C10=0,"",D10/C10)', 0.4755244755244755],
  ['=IF(OR(E10="",F10=""),"",IF(E10>F10,"Đạt","Chưa đạt"))', "Chưa đạt"],
  ["=SUBTOTAL(9,C11:C30)", 0],
  ["=COUNTA(B12:B17)", 6],
  ['=HYPERLINK("#\'Thôn\'!B7","B7")', "B7"],
  ['=IF(C10=0,"",D10/C10)', ""],
  ["=SUM(C10:C29)", null],
];

const cellArb: fc.Arbitrary<CellContent> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 2 },
  { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }), weight: 2 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: textArb.map(text), weight: 5 },
  { arbitrary: fc.constantFrom(...FORMULAS).map(([f, r]) => formula(f, r)), weight: 2 },
);

const matrixArb = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 12 }))
  .chain(([columns, rows]) =>
    fc.array(fc.array(cellArb, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

/** A minimal valid description around a matrix of cells. */
function describeSheet(cells: CellContent[][], name = "Tổng hợp"): SheetDescription {
  const columnCount = cells[0].length;
  const d: SheetDescription = {
    reportId: "summary",
    name,
    columnCount,
    cells,
    columnWidths: cells[0].map(() => 12),
    rowHeights: [],
    autoFitRows: null,
    defaultFont: { name: "Times New Roman", size: 12 },
    styles: [],
    merges: [],
    conditionalFills: [],
    freeze: { rows: 0, columns: 0 },
    showGridlines: false,
    print: {
      paper: "A4",
      orientation: "landscape",
      fitToPagesWide: 1,
      fitToPagesTall: 0,
      titleRows: null,
      printArea: { top: 1, left: 1, bottom: cells.length, right: columnCount },
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      centerFooter: "Trang &P/&N",
      centerHorizontally: true,
    },
    table: {
      headerTop: 1,
      headerBottom: 1,
      bodyTop: 2,
      bodyBottom: cells.length,
      totalRow: null,
      left: 1,
      right: columnCount,
    },
  };
  assertValidDescription(d);
  return d;
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  return book;
}

/** The cell read back, as comparable plain data. */
function readCell(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (cell.type === ExcelJS.ValueType.Null) return null;
  if (cell.type === ExcelJS.ValueType.Formula) {
    // `cell.value` leaves out falsy results (0, FALSE): `cell.result` has them. A cached empty string
    // comes back as no cached result: both show an empty cell.
    const result = cell.result as unknown;
    return {
      formula: `=${(v as ExcelJS.CellFormulaValue).formula}`,
      result: result === undefined || result === "" ? null : result,
    };
  }
  if (cell.type === ExcelJS.ValueType.String) return { text: v };
  return v;
}

/** The cell as it was described, in the same shape. */
function describedCell(c: CellContent): unknown {
  if (c === null) return null;
  if (isFormula(c)) return { formula: c.formula, result: c.result === "" ? null : (c.result ?? null) };
  if (isForcedText(c)) return { text: expectedText(c.text) };
  if (typeof c === "string") return { text: expectedText(c) };
  if (typeof c === "number") return c === 0 ? 0 : c; // -0 is written as 0
  return c;
}

describe("the ExcelJS writer round trip (fast-check)", () => {
  it("any description written and read back gives the same values, formulas, booleans and text", async () => {
    await fc.assert(
      fc.asyncProperty(matrixArb, async (cells) => {
        const d = describeSheet(cells);
        const book = await readBack(await reportXlsxBytes([d]));
        const ws = book.getWorksheet(d.name)!;
        const actual = cells.map((row, r) => row.map((_, c) => readCell(ws.getCell(r + 1, c + 1))));
        expect(actual).toEqual(cells.map((row) => row.map(describedCell)));
      }),
      { numRuns: RUNS },
    );
  });

  it("text written is text read, for any string of Unicode code points", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(textArb, { minLength: 1, maxLength: 40 }), async (strings) => {
        const cells = strings.map((s) => [text(s) as CellContent]);
        const book = await readBack(await reportXlsxBytes([describeSheet(cells)]));
        const ws = book.worksheets[0];
        strings.forEach((s, r) => {
          const cell = ws.getCell(r + 1, 1);
          expect({ s, type: cell.type, value: cell.value }).toEqual({
            s,
            type: ExcelJS.ValueType.String,
            value: expectedText(s),
          });
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("text longer than a cell holds (32,767 characters) is cut to fit, ending with …", async () => {
    const long = "Nà Lẹng ".repeat(5000) + "😀".repeat(10);
    const cells: CellContent[][] = [[text(long)], [text(`=${long}`)], [text(`a${"😀".repeat(20_000)}`)]];
    const book = await readBack(await reportXlsxBytes([describeSheet(cells)]));
    const back = [1, 2, 3].map((r) => String(book.worksheets[0].getCell(r, 1).value));
    expect(back.map((s) => s.length)).toEqual([MAX_CELL_TEXT, MAX_CELL_TEXT, MAX_CELL_TEXT - 1]);
    expect(back[0]).toBe(`${long.slice(0, MAX_CELL_TEXT - 1)}…`);
    expect(back[1].startsWith("=Nà Lẹng")).toBe(true);
    expect(back[2]).toBe(`a${"😀".repeat(16_382)}…`); // never half of a surrogate pair
  });

  it("characters beyond the BMP survive files larger than the zip library's 16,384-unit blocks", async () => {
    // Chữ Nôm (CJK Extension B) and emoji are surrogate pairs; unescaped, a pair cut by a block
    // boundary came back as two U+FFFD.
    const names = Array.from({ length: 3000 }, (_, i) => `${"𡨸😀".repeat(1 + (i % 3))} Nà Lẹng ${i}`);
    const book = await readBack(await reportXlsxBytes([describeSheet(names.map((n) => [text(n)]))]));
    expect(names.map((_, r) => book.worksheets[0].getCell(r + 1, 1).value)).toEqual(names);
  });

  it("every trap name comes back exactly (one workbook, each in its own cell)", async () => {
    const cells = NAMES.map((s) => [text(s) as CellContent]);
    const book = await readBack(await reportXlsxBytes([describeSheet(cells)]));
    const ws = book.worksheets[0];
    const back = NAMES.map((_, r) => ws.getCell(r + 1, 1).value);
    expect(back).toEqual(NAMES.map(expectedText));
  });
});
