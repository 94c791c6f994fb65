import type { CellValue } from "../../../src/core/cells";
import { rankVillages } from "../../../src/core/plan/ranking";
import { readWorkbooks } from "../../../src/core/read/readWorkbook";
import { rollup } from "../../../src/core/rollup/rollup";
import { toConsolidateReport } from "../../../src/report/layouts/toConsolidate";
import { cellAt, plainText } from "../../../src/report/description";
import { settingsFor } from "../../report/fixtures";
import { workbook } from "../grids";

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
