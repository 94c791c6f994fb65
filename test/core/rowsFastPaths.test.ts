import { readdirSync, statSync } from "fs";
import * as path from "path";
import fc from "fast-check";
import { cellError, type CellValue } from "../../src/core/cells";
import type { SheetGrid, WorkbookGrids } from "../../src/core/grid";
import { judgeSheet } from "../../src/core/read/candidates";
import { cleanWorkbooks } from "../../src/core/read/clean";
import { readField } from "../../src/core/read/readSheet";
import type { Issue } from "../../src/core/issues";
import { SHEET_SPECS } from "../../src/core/schema/sheets";
import type { HeaderRow } from "../../src/core/read/headers";
import { isTotalLabel, numberingToken, RowClassifier, surelyNoTotal } from "../../src/core/read/rows";
import { readXlsxFile } from "../../src/xlsx/readXlsx";
import { generate, SIZES } from "../../bench/generator/generate";
import { VILLAGE_HEADER } from "./grids";

/**
 * The row classifier's fast paths against their plain definitions: the classifier that stops once
 * a row's kind is settled against the one that puts every cell through every test, and the quick
 * refusals of `numberingToken` and `surelyNoTotal` against the patterns and `isTotalLabel`, over
 * every cell of the reader case corpus, the samples and the bench's generated district, and random
 * rows and texts; and the reader's empty-cell shortcut against `readField`.
 */

const ROOT = path.join(__dirname, "..", "..");
const CASES = path.join(ROOT, "test", "cases", "reader");
const SAMPLES = path.join(ROOT, "samples");

/** The workbooks of the case corpus and the samples, cleaned as the reader cleans them. */
async function corpus(): Promise<WorkbookGrids[]> {
  const files: string[] = [];
  for (const name of readdirSync(CASES).sort()) {
    const folder = path.join(CASES, name);
    if (!statSync(folder).isDirectory()) continue;
    for (const f of readdirSync(folder).sort())
      if (/^input.*\.xlsx$/.test(f)) files.push(path.join(folder, f));
  }
  for (const f of readdirSync(SAMPLES).sort()) if (f.endsWith(".xlsx")) files.push(path.join(SAMPLES, f));
  const workbooks: WorkbookGrids[] = [];
  for (const file of files) {
    try {
      workbooks.push(await readXlsxFile(file));
    } catch {
      // The cases of unreadable files have no grids to classify.
    }
  }
  workbooks.push(JSON.parse(JSON.stringify(generate(SIZES.district).workbook)) as WorkbookGrids);
  return cleanWorkbooks(workbooks, []);
}

/**
 * Every row under the header, classified by the fast and the plain classifier, in order: the rows
 * where they differ (sheet, row, both kinds), pushed to `differences`. Returns the rows compared.
 */
function compareKinds(grid: SheetGrid, header: HeaderRow, differences: string[]): number {
  const indexes = [...header.matches.values()];
  const fast = new RowClassifier(grid, header, indexes);
  const plain = new RowClassifier(grid, header, indexes, true);
  let rows = 0;
  for (let r = header.rowIndex + 1; r < grid.rows.length; r++) {
    const kind = plain.classify(r);
    const fastKind = fast.classify(r);
    if (fastKind !== kind) differences.push(`${grid.name} row ${r}: ${fastKind}, plainly ${kind}`);
    else if (kind === "heading" && JSON.stringify(fast.heading(r)) !== JSON.stringify(plain.heading(r)))
      differences.push(`${grid.name} row ${r}: another heading`);
    rows++;
  }
  return rows;
}

/** `numberingToken` by its patterns alone (the definition before the quick refusal). */
function plainNumberingToken(v: CellValue): number | "letter" | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1 && v < 100 ? v : null;
  if (typeof v !== "string" || v.length > 8) return null;
  const text = v.trim();
  const m = /^\(?(\d{1,2})([a-z]?)\)?$/.exec(text);
  if (m) return Number(m[1]) + (m[2] ? (m[2].charCodeAt(0) - 96) / 100 : 0);
  return /^\(?[A-Z]\)?$/.test(text) ? "letter" : null;
}

const TEXTS = [
  "Tổng cộng",
  "Tổng cộng (6 thôn)",
  "Cộng",
  "Cộng xã Yên Lỗ",
  "Toàn huyện",
  "Yên Lỗ Total",
  " Total ",
  "Grand total",
  "Sum",
  "1",
  "2",
  "(3)",
  " 4 ",
  "6a",
  "(6b)",
  "A",
  "(B)",
  "I",
  "II.",
  "STT",
  "Tỉnh",
  "Xã",
  "Thôn",
  "THÔN",
  "Bí thư\nchi bộ",
  "Trưởng  thôn",
  " Nhất thể hóa ",
  "Người lập biểu",
  "TM. ĐẢNG ỦY",
  "Bình Gia, ngày 5 tháng 3 năm 2025",
  "Ghi chú: số liệu đến 31/12",
  "Ví dụ",
  "Xã Yên Lỗ",
  "I. XÃ YÊN LỖ",
  "TÂN VĂN",
  "Lạng Sơn",
  "Nguyễn Văn An",
  "Tô Văn Tổng",
  "Cộng Hòa",
  "x",
  "",
  " ",
  "\u200b",
  "\u00a0Tổng\u00a0",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<CellValue>(...TEXTS) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>(null, 0, 1, 2, 3, 4, 5, 7, 12, 99, 100, 1.5, true) },
  { weight: 1, arbitrary: fc.constant<CellValue>(cellError("#N/A")) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

describe("RowClassifier fast paths (src/core/read/rows.ts)", () => {
  let workbooks: WorkbookGrids[] = [];
  beforeAll(async () => {
    workbooks = await corpus();
  }, 120_000);

  it("classifies every row of the case corpus, the samples and a generated district as the plain definition does", () => {
    let rows = 0;
    let sheets = 0;
    const differences: string[] = [];
    for (const wb of workbooks) {
      for (const grid of wb.sheets) {
        const header = judgeSheet(grid)?.header;
        if (!header) continue;
        sheets++;
        rows += compareKinds(grid, header, differences);
      }
    }
    expect(differences).toEqual([]);
    // The corpus is read: a path or reader change that left it empty would prove nothing.
    expect(sheets).toBeGreaterThan(100);
    expect(rows).toBeGreaterThan(3000);
  });

  it("classifies random rows under a village header as the plain definition does", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 12 }), { minLength: 1, maxLength: 25 }), (body) => {
        const grid: SheetGrid = { name: "Thôn", rows: [["Danh sách thôn"], VILLAGE_HEADER, ...body] };
        const header = judgeSheet(grid)?.header;
        const differences: string[] = [];
        if (header) compareKinds(grid, header, differences);
        expect(differences).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it("numberingToken's quick refusal agrees with its patterns on every cell and on random texts", () => {
    const differences: CellValue[] = [];
    for (const wb of workbooks)
      for (const grid of wb.sheets)
        for (const row of grid.rows)
          for (const v of row) if (numberingToken(v) !== plainNumberingToken(v)) differences.push(v);
    expect(differences).toEqual([]);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(...TEXTS),
          fc.string({ maxLength: 9 }),
          fc.stringMatching(/^\s?\(?\d{1,2}[a-z]?\)?\s?$/),
          fc.stringMatching(/^\s?\(?[A-Z]\)?\s?$/),
        ),
        (t) => {
          expect(numberingToken(t)).toEqual(plainNumberingToken(t));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("surelyNoTotal is never true for a text isTotalLabel accepts", () => {
    let totals = 0;
    const missed: string[] = [];
    for (const wb of workbooks)
      for (const grid of wb.sheets)
        for (const row of grid.rows)
          for (const v of row) {
            if (typeof v !== "string" || !isTotalLabel(v)) continue;
            totals++;
            if (surelyNoTotal(v)) missed.push(v);
          }
    expect(missed).toEqual([]);
    expect(totals).toBeGreaterThan(0);
    const parts = [
      ...TEXTS,
      "otal",
      "OTAL",
      "l",
      "L",
      "C",
      "t",
      "G",
      "s",
      "r",
      "U",
      "o",
      "Ô",
      "ộ",
      "Ổ",
      "\t",
      "\n",
      "(",
      ")",
      "\u0301",
    ];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.constantFrom(...parts), { maxLength: 5 }).map((p) => p.join("")),
          fc.string({ maxLength: 12 }),
          fc.string({ unit: "grapheme", maxLength: 8 }),
        ),
        (t) => {
          if (surelyNoTotal(t)) expect(isTotalLabel(t)).toBe(false);
        },
      ),
      { numRuns: 5000 },
    );
    // It rules out most names and places: what it is for.
    expect(
      ["Lạng Sơn", "Nguyễn Văn An", "Vi Thị Trang", "Trưởng thôn", "Thôn Thủy Cao", "Sơn", "Cao đẳng"].every(
        surelyNoTotal,
      ),
    ).toBe(true);
  });
});

describe("readRows' empty-cell fast path (src/core/read/readSheet.ts)", () => {
  it("readField reads an empty cell as null with no issue, for every column of every sheet", () => {
    const at = { place: () => ({ file: "f.xlsx", sheet: "S", cell: "A1" }) };
    let columns = 0;
    for (const spec of SHEET_SPECS) {
      for (const column of spec.columns) {
        const issues: Issue[] = [];
        expect([column.key, readField(null, column, at, issues)]).toEqual([column.key, null]);
        expect(issues).toEqual([]);
        columns++;
      }
    }
    // Every column type is among them.
    const types = new Set(SHEET_SPECS.flatMap((s) => s.columns.map((c) => c.type)));
    expect([...types].sort()).toEqual(["count", "flag", "raw", "text", "year"]);
    expect(columns).toBeGreaterThan(20);
  });
});
