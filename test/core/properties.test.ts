import fc from "fast-check";
import { cellError, type CellValue } from "../../src/core/cells";
import { INDICATORS } from "../../src/core/indicators";
import { readWorkbooks } from "../../src/core/read/readWorkbook";
import { rollup } from "../../src/core/rollup/rollup";
import { VILLAGE_HEADER, workbook } from "./grids";

const names = [
  "Hòa",
  "Hoà",
  "Yên Lỗ",
  "Tân Văn",
  "Pò Mầm",
  "Khuổi Mè",
  "Xuân Hòa",
  "=1+1",
  "",
  " ",
  "Tổng cộng",
];
const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...names),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 200 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("x", "Có", "Không", "1", "0", "TRUE", "#N/A"),
  fc.constantFrom(cellError("#N/A"), cellError("#REF!"), { kind: "date" as const, iso: "2021-09-19" }),
);
const headerArb = fc.shuffledSubarray(
  [
    ...VILLAGE_HEADER,
    "Họ và tên",
    "Chức danh",
    "Chỉ tiêu",
    "Mục tiêu",
    "Village",
    "Commune",
    "Province",
    "So sánh",
  ],
  { minLength: 0 },
);
const gridArb = fc
  .tuple(fc.nat({ max: 3 }), headerArb, fc.array(fc.array(cellArb, { maxLength: 14 }), { maxLength: 25 }))
  .map(([titleRows, header, rows]) => [
    ...Array.from({ length: titleRows }, () => ["BIỂU TỔNG HỢP"]),
    header,
    ...rows,
  ]);

describe("properties of reading and rolling up", () => {
  it("reading any grid never throws, and every issue has a place", () => {
    fc.assert(
      fc.property(fc.array(gridArb, { minLength: 1, maxLength: 3 }), (grids) => {
        const sheets = Object.fromEntries(grids.map((g, i) => [`Sheet${i + 1}`, g]));
        const read = readWorkbooks([workbook("random.xlsx", sheets)]);
        const result = rollup(read.dataset, { referenceYear: 2025 });
        for (const i of [...read.dataset.issues, ...result.issues]) {
          expect(i.file).toBe("random.xlsx");
          if (i.code !== "no-standard-sheet") {
            expect(i.sheet).not.toBe("");
            expect(i.cell).toMatch(/^[A-Z]{1,3}\d+$/);
          }
          expect(i.message.vi.length).toBeGreaterThan(0);
          expect(i.message.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  const villageArb = fc.record({
    province: fc.constantFrom("Lạng Sơn", "Lào Cai"),
    district: fc.constantFrom("Bình Gia", "Lộc Bình", "Văn Quan"),
    commune: fc.constantFrom("Yên Lỗ", "Tân Văn", "Hồng Phong", "Xuân Hòa", "Xuân Hoà"),
    village: fc.constantFrom("A", "B", "C", "D", "E", "F", "G", "H"),
    flag: fc.constantFrom<CellValue>("x", "Không", null, 1, 0, "?"),
    secretary: fc.constantFrom<CellValue>("Hoàng Văn A", "Lý Thị B", null),
    head: fc.constantFrom<CellValue>("Hoàng Văn A", "hoàng văn  a", "Lý Thị B", null),
    cell: fc.constantFrom<CellValue>("x", "Không", null),
    members: fc.constantFrom<CellValue>(0, 2, 3, 7, "5", -1, null),
  });

  it("children sum to their parent, the total sums the provinces, and 0 ≤ rate ≤ 1", () => {
    fc.assert(
      fc.property(fc.array(villageArb, { maxLength: 80 }), fc.boolean(), (rows, twoTier) => {
        const grid: CellValue[][] = [
          VILLAGE_HEADER,
          ...rows.map((r, i) => [
            i + 1,
            r.province,
            twoTier ? null : r.district,
            r.commune,
            r.village,
            r.secretary,
            r.head,
            r.flag,
            r.cell,
            r.members,
          ]),
        ];
        const read = readWorkbooks([workbook("p.xlsx", { Thôn: grid })]);
        const result = rollup(read.dataset, { referenceYear: 2025 });
        const byId = new Map(result.units.map((u) => [u.id, u]));
        const check = (parent: {
          childIds: readonly string[];
          indicators: Record<string, { numerator: number; denominator: number }>;
        }) => {
          if (parent.childIds.length === 0) return;
          for (const spec of INDICATORS) {
            const children = parent.childIds.map((id) => byId.get(id)!.indicators[spec.id]);
            expect(children.reduce((s, c) => s + c.numerator, 0)).toBe(parent.indicators[spec.id].numerator);
            expect(children.reduce((s, c) => s + c.denominator, 0)).toBe(
              parent.indicators[spec.id].denominator,
            );
          }
        };
        result.units.forEach(check);
        check(result.total);
        for (const u of [...result.units, result.total]) {
          for (const spec of INDICATORS) {
            const r = u.indicators[spec.id];
            if (spec.kind !== "proportion" || r.rate === null) continue;
            expect(r.rate).toBeGreaterThanOrEqual(0);
            expect(r.rate).toBeLessThanOrEqual(1);
          }
        }
        expect(result.total.villages).toBe(read.dataset.villages.length);
        expect(result.villages.filter((v) => v.consolidated === true).length).toBe(result.total.consolidated);
      }),
      { numRuns: 300 },
    );
  });
});
