import fc from "fast-check";
import type { CellValue } from "../../src/core/cells";
import type { SheetGrid, SheetVisibility, WorkbookGrids } from "../../src/core/grid";
import { readWorkbooks } from "../../src/core/read/readWorkbook";
import { rollup } from "../../src/core/rollup/rollup";

/**
 * Issue 10: a clerk's workbook holds more than the data. Adding any number of sheets that are not
 * data — the clerk's summary with formulas, a pivot-like table, notes, a copy of one of this
 * product's report sheets (its mark lost), a tally, a contact list, hidden copies of the data —
 * never changes the figures, and adds no error or warning (only information lines).
 */

const COMMUNES = ["Yên Lỗ", "Tân Văn", "Hồng Phong", "Cộng Hòa"];
const PEOPLE = ["Hoàng Văn Tuấn", "Nông Văn Hải", "Vi Văn Cường", "Hà Thị Mai", "Tô Văn Tổng"];
const HEADER = [
  "Tỉnh",
  "Huyện",
  "Xã",
  "Thôn",
  "Bí thư chi bộ",
  "Trưởng thôn",
  "Nhất thể hóa",
  "Số đảng viên",
];

interface Village {
  readonly commune: string;
  readonly secretary: string;
  readonly head: string;
  readonly flag: string;
  readonly members: number;
}

const villageArb: fc.Arbitrary<Village> = fc.record({
  commune: fc.constantFrom(...COMMUNES),
  secretary: fc.constantFrom(...PEOPLE),
  head: fc.constantFrom(...PEOPLE),
  flag: fc.constantFrom("x", "Không", ""),
  members: fc.integer({ min: 3, max: 40 }),
});

function villageRows(villages: readonly Village[]): CellValue[][] {
  return villages.map((v, k) => [
    "Lạng Sơn",
    "Bình Gia",
    v.commune,
    `Bản ${k + 1}`,
    v.secretary,
    v.head,
    v.flag,
    v.members,
  ]);
}

/** The non-data sheets a clerk keeps, each made from the data so that it looks like the real thing. */
type Extra = (villages: readonly Village[], n: number) => SheetGrid;

const byCommune = (villages: readonly Village[]) =>
  COMMUNES.map((c) => {
    const own = villages.filter((v) => v.commune === c);
    return { commune: c, count: own.length, yes: own.filter((v) => v.flag === "x").length };
  });

const EXTRAS: Record<string, Extra> = {
  summaryWithFormulas: (villages, n) => ({
    name: `Tổng hợp ${n}`,
    rows: [
      ["Xã", "Số thôn", "Nhất thể hóa", "Tỷ lệ"],
      // The cached results of COUNTIFS formulas, as the shells hand them over.
      ...byCommune(villages).map((c) => [c.commune, c.count, c.yes, c.count ? c.yes / c.count : "#DIV/0!"]),
    ],
  }),
  pivotLike: (villages, n) => ({
    name: `Pivot ${n}`,
    rows: [
      ["Xã", "Thôn", "Tổng của Nhất thể hóa"],
      ...villageRows(villages).map((r) => [r[2], r[3], r[6] === "x" ? 1 : 0]),
      ["Tổng Cuối", null, villages.filter((v) => v.flag === "x").length],
    ],
  }),
  notes: (_villages, n) => ({
    name: `Ghi chú ${n}`,
    rows: [["Ghi chú"], ["Gọi xã Yên Lỗ trước ngày 30/6"], ["Số liệu có đến ngày 30/6/2025"]],
  }),
  copiedReport: (villages, n) => ({
    name: `Thôn chưa NTH (${n})`,
    rows: [
      ["HUYỆN ỦY BÌNH GIA", null, null, null, "ĐẢNG CỘNG SẢN VIỆT NAM"],
      [],
      ["DANH SÁCH"],
      ["THÔN, TỔ DÂN PHỐ CHƯA NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG THÔN"],
      [],
      // A report with every column of a Villages sheet: only its title says it is a report.
      ["STT", ...HEADER],
      ...villageRows(villages).map((r, k) => [k + 1, ...r]),
      ["Tổng cộng"],
    ],
  }),
  tally: (villages, n) => ({
    name: `Thống kê ${n}`,
    rows: [
      ["Xã", "Số thôn", "Số chi bộ", "Số đảng viên"],
      ...byCommune(villages).map((c) => [c.commune, c.count, c.count, c.count * 10]),
    ],
  }),
  contacts: (_villages, n) => ({
    name: `Danh bạ ${n}`,
    rows: [
      ["Họ và tên", "Chức vụ", "Số điện thoại"],
      ...PEOPLE.map((p, k) => [p, "Bí thư chi bộ", `0912 000 00${k}`]),
    ],
  }),
  hiddenCopy: (villages, n) => hidden(`Thôn cũ ${n}`, "hidden", villages),
  veryHiddenCopy: (villages, n) => hidden(`Dữ liệu ${n}`, "veryHidden", villages),
};

/** A hidden copy of the data as it was: the same villages plus one more, the flags turned over. */
function hidden(name: string, visibility: SheetVisibility, villages: readonly Village[]): SheetGrid {
  const old = villages.map((v) => ({ ...v, flag: v.flag === "x" ? "Không" : "x" }));
  return {
    name,
    visibility,
    rows: [HEADER, ...villageRows([...old, { ...villages[0], flag: "x" }])],
  };
}

function figures(workbook: WorkbookGrids) {
  const read = readWorkbooks([workbook]);
  expect(read.unusable).toBeNull();
  const result = rollup(read.dataset, { referenceYear: 2025 });
  return {
    units: result.units.map((u) => [u.level, u.name, u.villages, u.consolidated]),
    total: [result.total.villages, result.total.consolidated],
    members: read.dataset.villages.reduce((s, v) => s + (v.partyMembers ?? 0), 0),
    problems: [...read.dataset.issues, ...result.issues]
      .filter((i) => i.severity !== "info")
      .map((i) => [i.code, i.sheet, i.cell]),
  };
}

describe("non-data sheets never change the figures (issue 10)", () => {
  it("adding any number of summaries, pivots, notes, copied reports, tallies, contacts and hidden copies", () => {
    const extraArb = fc.array(fc.tuple(fc.constantFrom(...Object.keys(EXTRAS)), fc.nat({ max: 10 })), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(fc.array(villageArb, { minLength: 1, maxLength: 12 }), extraArb, (villages, extras) => {
        const data: SheetGrid = { name: "Thôn", rows: [HEADER, ...villageRows(villages)] };
        const base = figures({ file: "base.xlsx", sheets: [data] });
        const sheets: SheetGrid[] = [data];
        extras.forEach(([kind, at], n) =>
          sheets.splice(at % (sheets.length + 1), 0, EXTRAS[kind](villages, n)),
        );
        const withExtras = { file: "base.xlsx", sheets };
        expect(figures(withExtras)).toEqual(base);
        // Every extra sheet is named once, at information level.
        const read = readWorkbooks([withExtras]);
        const named = read.dataset.issues.filter((i) => i.code === "sheet-skipped").map((i) => i.sheet);
        expect(named.sort()).toEqual(
          sheets
            .filter((s) => s !== data)
            .map((s) => s.name)
            .sort(),
        );
      }),
      { numRuns: 150 },
    );
  });
});
