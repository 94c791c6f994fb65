import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { cellError, type CellValue } from "../../src/core/cells";
import type { SheetGrid } from "../../src/core/grid";
import type { SubmissionManifest } from "../../src/core/submission/manifest";
import { MAX_CELL_TEXT } from "../../src/report/description";
import { parseArgs } from "../../src/cli/args";
import { runRequest } from "../../src/cli/commands";
import { readXlsxBuffer, readXlsxFile } from "../../src/xlsx/readXlsx";
import { isCellTooLongError, submissionXlsxBytes } from "../../src/xlsx/writeSubmission";

/**
 * `nth-rollup export` writes the data sheets exactly as the report writer writes text: what is
 * exported is what the level above reads back, cell for cell, for any text (a leading "=", text
 * that looks like an OOXML escape "_x0041_", control characters, characters outside the BMP, a
 * cell of exactly 32,767 characters), numbers, booleans, dates and error values. A longer text is
 * an error naming the cell, and no file is written.
 */

const RUNS = Number(process.env.NTH_PROPERTY_RUNS ?? 40);

const MANIFEST: SubmissionManifest = {
  formatVersion: 1,
  unitName: "Yên Lỗ",
  unitLevel: "commune",
  province: "Lạng Sơn",
  district: "Bình Gia",
  commune: "Yên Lỗ",
  period: "Quý III/2025",
  generatedAt: "2025-09-30T08:00:00.000Z",
  villages: 9,
  consolidated: 3,
  addinVersion: "test",
  contentHash: null,
};

const RISKY = [
  "=1+1",
  '=HYPERLINK("http://x")',
  "_x0041_BC",
  "_X0041_",
  "_xD000😀_",
  "_x005F_x0041_",
  "_x0041\u0001",
  "a_x000D_b",
  "\u0001\u001b[2J\u001f",
  "\u007f\u0085\u202e",
  "tab\there",
  "line\nbreak\r\n",
  " leading and trailing ",
  "𠀀 Nôm 😀",
  "Hòa".normalize("NFD"),
  "\ufeffBOM",
  "01",
  "TRUE",
  "#N/A",
  "x".repeat(MAX_CELL_TEXT),
  "😀".repeat(MAX_CELL_TEXT / 2 - 1) + "a",
];

const text = fc.oneof(
  fc.constantFrom(...RISKY),
  fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom("_", "x", "0", "4", "1", "D", "\u0000", "\u000b", "\ud83d\ude00"),
    minLength: 1,
    maxLength: 12,
  }),
);

const value: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.constant(null) },
  {
    weight: 2,
    arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!").map(cellError) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 1900 * 366, max: 2100 * 365 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 86_399 }),
      )
      .map(([day, withTime, second]): CellValue => {
        const ms =
          Date.UTC(1900, 2, 1) +
          ((day - 1900 * 366) % (150 * 365)) * 86_400_000 +
          (withTime ? second * 1000 : 0);
        const iso = new Date(ms).toISOString();
        return { kind: "date", iso: withTime && second > 0 ? iso.slice(0, 19) : iso.slice(0, 10) };
      }),
  },
);

/** A data sheet whose first and last column are filled (so the read-back range is the same). */
const grid: fc.Arbitrary<SheetGrid> = fc
  .record({
    firstRow: fc.integer({ min: 1, max: 4 }),
    firstColumn: fc.integer({ min: 1, max: 3 }),
    width: fc.integer({ min: 1, max: 5 }),
    body: fc.array(fc.array(value, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
    names: fc.array(text, { minLength: 8, maxLength: 8 }),
  })
  .map(({ firstRow, firstColumn, width, body, names }) => ({
    name: "Thôn",
    firstRow,
    firstColumn,
    rows: [
      ["Tên", ...names.slice(0, width), "Ghi chú"],
      ...body.map((row, i): CellValue[] => [names[i] ?? `r${i}`, ...row.slice(0, width), "x"]),
    ],
  }));

async function readBack(bytes: Uint8Array): Promise<SheetGrid> {
  const book = await readXlsxBuffer(bytes, "nop.xlsx");
  return book.sheets.find((s) => s.name === "Thôn")!;
}

describe("export → read back", () => {
  it("gives identical data for any text, number, boolean, date and error", async () => {
    await fc.assert(
      fc.asyncProperty(grid, async (g) => {
        const bytes = submissionXlsxBytes([], [{ grid: g, headerRow: g.firstRow! }], MANIFEST);
        const back = await readBack(bytes);
        expect({ firstRow: back.firstRow, firstColumn: back.firstColumn, rows: back.rows }).toEqual({
          firstRow: g.firstRow,
          firstColumn: g.firstColumn,
          rows: g.rows,
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("keeps “_x0041_BC” and control characters as they were (ExcelJS lost both)", async () => {
    const g: SheetGrid = {
      name: "Thôn",
      firstRow: 1,
      firstColumn: 1,
      rows: [
        ["Thôn", "Ghi chú"],
        ["_x0041_BC", "a\u0001b\u001bc"],
      ],
    };
    const back = await readBack(submissionXlsxBytes([], [{ grid: g, headerRow: 1 }], MANIFEST));
    expect(back.rows[1]).toEqual(["_x0041_BC", "a\u0001b\u001bc"]);
    const old = new ExcelJS.Workbook();
    old.addWorksheet("Thôn").addRows(g.rows as ExcelJS.CellValue[][]);
    const oldBack = await readBack(new Uint8Array((await old.xlsx.writeBuffer()) as ArrayBuffer));
    expect(oldBack.rows[1]).not.toEqual(["_x0041_BC", "a\u0001b\u001bc"]);
  });

  it("refuses a text over 32,767 characters with an error naming the cell", () => {
    const g: SheetGrid = {
      name: "Thôn",
      firstRow: 3,
      firstColumn: 2,
      rows: [
        ["Thôn", "Ghi chú"],
        ["Pò Mầm", "x".repeat(MAX_CELL_TEXT + 1)],
      ],
    };
    let error: unknown;
    try {
      submissionXlsxBytes([], [{ grid: g, headerRow: 3, file: "xa.xlsx" }], MANIFEST);
    } catch (e) {
      error = e;
    }
    expect(isCellTooLongError(error) && [error.sheet, error.cell, error.file, error.length]).toEqual([
      "Thôn",
      "C4",
      "xa.xlsx",
      32_768,
    ]);
    expect((error as Error).message).toMatch(
      /^Ô Thôn!C4 của tệp “xa.xlsx” có 32\.768 ký tự, quá giới hạn 32\.767/,
    );
  });
});

describe("nth-rollup export", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-export-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = async (argv: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await runRequest(parseArgs(argv), {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      now: () => new Date("2025-09-30T08:00:00Z"),
      version: "test",
    });
    return { code, stdout, stderr };
  };

  const input = async (notes: string): Promise<string> => {
    const file = path.join(dir, `xa-${notes.length}.xlsx`);
    const g: SheetGrid = {
      name: "Thôn",
      firstRow: 1,
      firstColumn: 1,
      rows: [
        ["Tỉnh", "Huyện", "Xã", "Thôn", "Nhất thể hóa", "Ghi chú"],
        ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "=Pò Mầm", "x", notes],
        ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "_x0041_BC", "", "ok"],
      ],
    };
    // The input is written by the same data-sheet writer (ExcelJS could not hold these cells).
    fs.writeFileSync(file, submissionXlsxBytes([], [{ grid: g, headerRow: 1 }], MANIFEST));
    return file;
  };

  it("carries the data sheet through unchanged", async () => {
    const file = await input("a\u0002b 😀");
    const out = path.join(dir, "nop.xlsx");
    const r = await run(["export", file, "--out", out]);
    expect(r.code).toBe(0);
    const sent = await readXlsxFile(out);
    const before = await readXlsxFile(file);
    const thon = (b: typeof sent) => b.sheets.find((s) => s.name === "Thôn" && !s.report)!.rows;
    expect(thon(sent)).toEqual(thon(before));
    expect(thon(sent)[2][3]).toBe("_x0041_BC");
  });

  it("exits 1 naming the cell when a text is too long for Excel, and writes nothing", async () => {
    // ExcelJS writes past Excel's limit (the file a clerk may be sent): the bounded reader refuses
    // it at that cell, before anything is exported. (The export's own check covers grids that come
    // from elsewhere: the property above and the unit tests of the package writer.)
    const file = path.join(dir, "xa-40000.xlsx");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Thôn").addRows([
      ["Tỉnh", "Huyện", "Xã", "Thôn", "Nhất thể hóa", "Ghi chú"],
      ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "x", "y".repeat(40_000)],
    ]);
    await book.xlsx.writeFile(file);
    const out = path.join(dir, "too-long.xlsx");
    const r = await run(["export", file, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/“xa-40000\.xlsx”.*32\.767 ký tự.*“Thôn”, ô F2/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
