import fc from "fast-check";
import type { CellValue } from "../../../src/core/cells";
import { MAIN_INDICATOR } from "../../../src/core/indicators";
import type { OfficeHolderRecord } from "../../../src/core/model";
import type { PostId } from "../../../src/core/schema/posts";
import type { Rollup, UnitRollup, VillageStatus } from "../../../src/core/rollup/types";
import { rankVillages } from "../../../src/core/plan/ranking";
import { readWorkbooks } from "../../../src/core/read/readWorkbook";
import { rollup } from "../../../src/core/rollup/rollup";
import { toConsolidateReport } from "../../../src/report/layouts/toConsolidate";
import { cellAt, plainText } from "../../../src/report/description";
import { settingsFor } from "../../report/fixtures";
import { workbook } from "../grids";
import { rankVillagesReference } from "./rankingReference";

const VILLAGES: CellValue[][] = [
  ["Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư chi bộ", "Trưởng thôn", "Trưởng ban công tác Mặt trận"],
  ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn An", "Hoàng Văn An", null], // consolidated
  ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Nà Pàn", "Lương Văn Bình", "Vi Thị Cúc", null], // no reason
  ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", "Nông Văn Dũng", "Hà Văn Em", "nông văn dũng"], // front
  ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Bản Cầu", "Lộc Văn Giang", "Hoàng Văn Hải", "Lộc Văn Giang"], // front + member + term
  ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Nà Lầu", "Vi Văn Khải", "Lăng Văn Lâm", null], // term (secretary)
];
const HOLDERS: CellValue[][] = [
  ["Họ và tên", "Chức danh", "Xã", "Thôn", "Nhiệm kỳ đến"],
  ["Hoàng Văn Hải", "Phó bí thư chi bộ kiêm Trưởng thôn", "Xã Yên Lỗ", "Bản Cầu", "6/2025"],
  ["Vi Văn Khải", "Bí thư chi bộ", "Yên Lỗ", "Nà Lầu", 2025],
  ["Lương Văn Bình", "Bí thư chi bộ", "Yên Lỗ", "Nà Pàn", "2025-2030"], // after the deadline: no reason
  ["Vi Thị Cúc", "Trưởng thôn", "Yên Lỗ", "Nà Pàn", "sau đại hội"], // unreadable: an issue
];
const TARGETS: CellValue[][] = [
  ["Chỉ tiêu", "Đơn vị", "Cấp", "Mục tiêu", "Năm"],
  ["village_secretary_head", "Bình Gia", "huyện", "trên 90%", 2025],
];

function data() {
  const read = readWorkbooks([
    workbook("x.xlsx", { Thôn: VILLAGES, "Cán bộ": HOLDERS, "Chỉ tiêu": TARGETS }),
  ]);
  return { read, rollup: rollup(read.dataset, { referenceYear: 2021 }) };
}

describe("where to look first", () => {
  it("reads the term-end column tolerantly: a month, a year, a term; unreadable text is an issue", () => {
    const { read } = data();
    expect(read.dataset.officeHolders.map((h) => h.termEnd)).toEqual([
      "2025-06-30",
      "2025-12-31",
      "2030-12-31",
      null,
    ]);
    expect(read.dataset.issues.filter((i) => i.code === "bad-date").map((i) => i.cell)).toEqual(["E5"]);
  });

  it("ranks the villages not consolidated by their reasons, most first, then in sheet order", () => {
    const { read, rollup: r } = data();
    const ranked = rankVillages(r, read.dataset.officeHolders);
    const byName = new Map(ranked.map((x) => [x.village.record.village, x]));
    expect(byName.has("Pò Mầm")).toBe(false);
    expect(byName.get("Bản Cầu")).toMatchObject({
      rank: 1,
      reasons: [
        { kind: "front" },
        { kind: "headMember" },
        { kind: "termEnds", who: "head", date: "2025-06-30" },
      ],
    });
    expect(byName.get("Khuổi Mè")).toMatchObject({ rank: 2, reasons: [{ kind: "front" }] });
    expect(byName.get("Nà Lầu")).toMatchObject({
      rank: 3,
      reasons: [{ kind: "termEnds", who: "secretary", date: "2025-12-31" }],
    });
    expect(byName.get("Nà Pàn")).toMatchObject({ rank: null, reasons: [] });
  });

  it("shows the rank and the reasons in words on the sheet, ranked villages first in their commune", () => {
    const { read, rollup: r } = data();
    const d = toConsolidateReport(r, settingsFor(r), read.dataset.officeHolders);
    const top = d.table.bodyTop;
    const rows = [1, 2, 3, 4].map((k) => [
      plainText(cellAt(d, top + k, 2)),
      cellAt(d, top + k, 8),
      plainText(cellAt(d, top + k, 9)),
    ]);
    expect(rows).toEqual([
      [
        "Bản Cầu",
        1,
        "Bí thư đang là trưởng ban công tác Mặt trận; Trưởng thôn là đảng viên (phó bí thư chi bộ); Trưởng thôn hết nhiệm kỳ 30/6/2025, trước hạn chỉ tiêu",
      ],
      ["Khuổi Mè", 2, "Bí thư đang là trưởng ban công tác Mặt trận"],
      ["Nà Lầu", 3, "Bí thư hết nhiệm kỳ 31/12/2025, trước hạn chỉ tiêu"],
      ["Nà Pàn", null, ""],
    ]);
  });

  it("office-holders of a same-named commune and village in another district do not rank this one", () => {
    const read = readWorkbooks([
      workbook("x.xlsx", {
        Thôn: [
          ["Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư chi bộ", "Trưởng thôn"],
          ["Lào Cai", "Bảo Thắng", "Minh Tân", "Thôn 1", "Lý Văn Một", "Hầu Văn Hai"],
          ["Lào Cai", "Bát Xát", "Minh Tân", "Thôn 1", "Vàng Văn Ba", "Lò Văn Bốn"],
        ],
        "Cán bộ": [
          ["Họ và tên", "Chức danh", "Huyện", "Xã", "Thôn"],
          ["Hầu Văn Hai", "Phó bí thư chi bộ kiêm Trưởng thôn", "Bảo Thắng", "Minh Tân", "Thôn 1"],
        ],
      }),
    ]);
    const ranked = rankVillages(rollup(read.dataset, { referenceYear: 2025 }), read.dataset.officeHolders);
    expect(ranked.map((x) => [x.village.record.district, x.reasons.map((r) => r.kind)])).toEqual([
      ["Bảo Thắng", ["headMember"]],
      ["Bát Xát", []],
    ]);
  });
});

describe("where to look first, against its plain definition", () => {
  // Few texts, written several ways ("Xã Yên Lỗ" / "yên lỗ", "Đ/c …"), so that rows meet by key.
  const provinces = ["Lạng Sơn", "Tỉnh Lạng Sơn", "Cao Bằng"];
  const districts = [null, "Bình Gia", "Huyện Bình Gia", "Văn Lãng"];
  const communes = ["Yên Lỗ", "Xã Yên Lỗ", "X.Yên Lỗ", "Minh Tân"];
  const villageNames = ["Thôn 1", "thôn  1", "Thôn 2", "Bản Cầu"];
  const names = ["Hoàng Văn An", "Đ/c Hoàng Văn An", "hoàng văn an", "Vi Thị Cúc", "Hoang Van An", "x", ""];
  const posts: PostId[] = ["cellSecretary", "villageHead", "frontHead", "cellDeputySecretary"];
  const dates = [null, undefined, "2025-06-30", "2025-12-31", "2026-12-31", "2030-12-31"];
  const unitIds = ["p1", "p1/c1", "p1/c2", "p2", "p2/c1", "nowhere"];
  const deadlineArb = fc.constantFrom(null, "2025-12-31", "2026-06-30");

  const holderArb = fc.record({
    fullName: fc.constantFrom(...names),
    posts: fc.subarray(posts, { minLength: 1 }),
    province: fc.constantFrom(null, ...provinces),
    district: fc.constantFrom(...districts),
    commune: fc.constantFrom(...communes),
    village: fc.constantFrom(null, ...villageNames),
    termEnd: fc.constantFrom(...dates),
  });
  const villageArb = fc.record({
    province: fc.constantFrom(...provinces),
    district: fc.constantFrom(...districts),
    commune: fc.constantFrom(...communes),
    village: fc.constantFrom(...villageNames),
    frontHead: fc.constantFrom(null, ...names),
    communeId: fc.constantFrom(...unitIds),
    consolidated: fc.constantFrom(true, false, null),
    secretaryName: fc.constantFrom(null, ...names),
    headName: fc.constantFrom(null, ...names),
  });

  it("gives the same reasons and ranks as the plain definition", () => {
    fc.assert(
      fc.property(
        fc.array(villageArb, { maxLength: 12 }),
        fc.array(holderArb, { maxLength: 30 }),
        fc.array(deadlineArb, { minLength: 6, maxLength: 6 }),
        (villages, holders, deadlines) => {
          const unit = (id: string, parentId: string | null, k: number): UnitRollup =>
            ({
              id,
              parentId,
              assessments: deadlines[k] === null ? {} : { [MAIN_INDICATOR]: { deadline: deadlines[k] } },
            }) as unknown as UnitRollup;
          const r = {
            units: [
              unit("p1", null, 0),
              unit("p1/c1", "p1", 1),
              unit("p1/c2", "p1", 2),
              unit("p2", null, 3),
              unit("p2/c1", "p2", 4),
            ],
            total: unit("", null, 5),
            villages: villages.map(
              (v) =>
                ({
                  record: {
                    province: v.province,
                    district: v.district,
                    commune: v.commune,
                    village: v.village,
                    frontHead: v.frontHead,
                  },
                  communeId: v.communeId,
                  consolidated: v.consolidated,
                  secretaryName: v.secretaryName,
                  headName: v.headName,
                }) as unknown as VillageStatus,
            ),
          } as unknown as Rollup;
          const records = holders as unknown as OfficeHolderRecord[];
          expect(rankVillages(r, records)).toEqual(rankVillagesReference(r, records));
        },
      ),
      { numRuns: 400 },
    );
  });
});
