import fc from "fast-check";
import { cellError, type CellValue } from "../../src/core/cells";
import type { GridRange, SheetGrid } from "../../src/core/grid";
import { judgeSheet } from "../../src/core/read/candidates";
import { cleanWorkbooks } from "../../src/core/read/clean";
import { RowClassifier } from "../../src/core/read/rows";
import { encodeTcvn3, encodeVni } from "../../src/core/text/legacyEncoding";
import { VILLAGE_HEADER } from "./grids";

/**
 * 9fa869f asks every cell of a row whether it labels a total before anything else. The fast
 * classifier must still agree with the plain one on rows a clerk types around a total: blank-looking
 * texts before it, a signature block or a numbering row above it, a merged caption, header texts
 * with a total word, labels past the last read column, rows longer or shorter than the header,
 * non-text cells, and TCVN3/VNI texts before and after the clean pass.
 */

const BLANKS = [
  " ",
  "\u00a0",
  "\u200b",
  "\t",
  "\u3000",
  "\ufeff",
  "\u202f",
  "\n",
  "",
  "-",
  "…",
  "\u00ad",
  "\u2060",
];
const TOTALS = [
  "Tổng cộng",
  "TỔNG CỘNG",
  "Cộng",
  "Tổng số",
  "Tổng số thôn",
  "Cộng xã Yên Lỗ",
  "Toàn huyện",
  "Yên Lỗ Total",
  " Tổng cộng ",
  "\u00a0Tổng cộng",
  "\u200bTổng cộng",
  "Tổng cộng\u200b",
  "\u3000Cộng",
  "Tô Văn Tổng",
  "Cộng Hòa",
];
const OTHERS = [
  "STT",
  "Thôn",
  "Tỉnh",
  "Người lập biểu",
  "TM. ĐẢNG ỦY",
  "(Ký, ghi rõ họ tên)",
  "Bình Gia, ngày 5 tháng 3 năm 2025",
  "Ghi chú: số liệu đến 31/12",
  "Xã Yên Lỗ",
  "I. XÃ YÊN LỖ",
  "II",
  "TÂN VĂN",
  "(1)",
  "(2)",
  "1",
  "A",
  "x",
  "#N/A",
];
const texts = fc.constantFrom(...BLANKS, ...TOTALS, ...OTHERS, ...(VILLAGE_HEADER as string[]));
const legacy = fc
  .tuple(fc.constantFrom(...TOTALS, ...OTHERS), fc.boolean())
  .map(([t, tcvn]) => (tcvn ? encodeTcvn3(t) : encodeVni(t)));
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: texts },
  { weight: 1, arbitrary: legacy },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 30 }) },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(cellError("#N/A"), cellError("#REF!"), {
      kind: "date" as const,
      iso: "2025-06-30",
    }),
  },
);

function differences(grid: SheetGrid): string[] {
  const header = judgeSheet(grid)?.header;
  if (!header) return [];
  const indexes = [...header.matches.values()];
  const fast = new RowClassifier(grid, header, indexes);
  const plain = new RowClassifier(grid, header, indexes, true);
  const out: string[] = [];
  for (let r = header.rowIndex + 1; r < grid.rows.length; r++) {
    const a = plain.classify(r);
    const b = fast.classify(r);
    if (a !== b) out.push(`row ${r}: ${b}, plainly ${a}: ${JSON.stringify(grid.rows[r])}`);
  }
  return out;
}

describe("RowClassifier: total labels asked first (9fa869f) agree with the plain classifier", () => {
  it("on hand-made rows around totals", () => {
    const header = [...VILLAGE_HEADER, "Tổng số thôn"];
    const rows: CellValue[][] = [
      ["Danh sách thôn"],
      header,
      ["(1)", "(2)", "(3)", "(4)", "(5)", "Tổng cộng"],
      [1, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Nà Pàn", "A", "A", "x", "x", 7],
      ["\u200b", "\u00a0", "\t", "\u3000", "-", "…", null, "Tổng cộng"],
      header,
      ["STT", "Tỉnh", "Huyện", "Xã", "Thôn", "Tổng cộng"],
      ["Xã Yên Lỗ"],
      [null, null, null, "Người lập biểu"],
      [null, null, null, "Tổng cộng", null, null, null, null, null, 11],
      [null, null, null, null, null, null, null, null, null, null, null, null, null, null, "Tổng cộng"],
      [true, cellError("#N/A"), { kind: "date", iso: "2025-06-30" }, 3, "Cộng"],
      [encodeTcvn3("Tổng cộng"), null, 5],
      [encodeVni("Tổng cộng"), null, 5],
    ];
    const merges: GridRange[] = [{ top: 8, left: 1, bottom: 8, right: 10 }];
    const grid: SheetGrid = { name: "Thôn", rows, merges };
    expect(differences(grid)).toEqual([]);
    const [cleaned] = cleanWorkbooks([{ file: "t.xlsx", sheets: [grid] }], []);
    expect(differences(cleaned.sheets[0])).toEqual([]);
  });

  it("on rows the early stop must not settle: numbering that breaks off, header texts before a village", () => {
    // Once a row has four non-blank cells it is settled, unless it is still numbering or a header.
    for (const row of [
      ["(1)", "(2)", "(3)", "(4)", "(3)"],
      ["STT", "Tỉnh", "Huyện", "Xã", "Nà Pàn"],
    ]) {
      const grid: SheetGrid = { name: "Thôn", rows: [["Danh sách thôn"], VILLAGE_HEADER, row], merges: [] };
      expect(differences(grid)).toEqual([]);
    }
  });

  it("on random rows, raw and cleaned, with a merged caption", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 16 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 3, max: 22 }),
        fc.boolean(),
        (body, mergedRow, extraHeader) => {
          const header = extraHeader ? [...VILLAGE_HEADER, "Tổng số thôn"] : VILLAGE_HEADER;
          const merges: GridRange[] = [{ top: mergedRow, left: 1, bottom: mergedRow, right: 10 }];
          const grid: SheetGrid = { name: "Thôn", rows: [["Danh sách thôn"], header, ...body], merges };
          expect(differences(grid)).toEqual([]);
          const [cleaned] = cleanWorkbooks([{ file: "t.xlsx", sheets: [grid] }], []);
          expect(differences(cleaned.sheets[0])).toEqual([]);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
