import type { CellValue } from "../../src/core/cells";
import { readWorkbooks } from "../../src/core/read/readWorkbook";
import { rollup } from "../../src/core/rollup/rollup";
import { remapOntoToday } from "../../src/core/units/remap";
import { workbook } from "./grids";

/**
 * remap.ts still keys the previous period's old communes by province, district and commune joined
 * with "/" (`oldCommuneKey`), and a name may hold a slash: district "Bình/Gia" with commune "Xã Hòa"
 * and district "Bình" with commune "Gia/Hòa" get the same key, so two old communes count as one.
 * Since 905e927 the note then depends on which row comes first: none in one order, "Gia/Hòa
 * (Bình): 2 thôn" (one of them was Xã Hòa's) in the other. Both old communes should be named.
 */
describe("remap: old communes whose joined keys collide", () => {
  const header: CellValue[] = ["Tỉnh", "Huyện", "Xã", "Mã xã", "Thôn", "Nhất thể hóa", "Ghi chú"];
  const today = readWorkbooks([
    workbook("t.xlsx", {
      Thôn: [
        header,
        ["Lạng Sơn", "Bình", "Xã Hòa", null, "Bản 1", "x", null],
        ["Lạng Sơn", "Bình", "Xã Hòa", null, "Bản 2", "x", null],
      ],
    }),
  ]);
  const current = rollup(today.dataset, { referenceYear: 2025 });
  const rows: CellValue[][] = [
    ["Lạng Sơn", "Bình/Gia", "Xã Hòa", null, "Bản 1", "x", null],
    ["Lạng Sơn", "Bình", "Gia/Hòa", null, "Bản 2", "x", null],
  ];
  const notes = (order: CellValue[][]) => {
    const before = readWorkbooks([workbook("b.xlsx", { Thôn: [header, ...order] })]);
    const moved = remapOntoToday(before.dataset, current, [], null);
    return [...moved.notes.values()].flat().map((m) => m.vi);
  };

  it("names both old communes, whatever the order of the rows", () => {
    expect(notes(rows)).toEqual(["Kỳ trước gồm Gia/Hòa (Bình): 1 thôn; Xã Hòa (Bình/Gia): 1 thôn"]);
    expect(notes([...rows].reverse())).toEqual(notes(rows));
  });
});
