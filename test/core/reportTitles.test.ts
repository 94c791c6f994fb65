import type { WorkbookGrids } from "../../src/core/grid";
import { readWorkbooks } from "../../src/core/read/readWorkbook";

/**
 * A pasted copy of a report is known by its whole title; a clerk's own list that merely shares a
 * line of it ("DANH SÁCH THÔN, TỔ DÂN PHỐ") is data.
 */
const HEADER = ["Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"];
const ROWS = [
  ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
  ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"],
];

const read = (titles: string[][]) => {
  const book: WorkbookGrids = {
    file: "xa.xlsx",
    sheets: [{ name: "Danh sách", rows: [...titles, [], HEADER, ...ROWS] }],
  };
  return readWorkbooks([book]);
};

it("reads a clerk's list titled like a line of a report", () => {
  for (const title of ["DANH SÁCH THÔN, TỔ DÂN PHỐ", "DANH SÁCH BẢN, KHU PHỐ", "BIỂU TỔNG HỢP"]) {
    const result = read([[title]]);
    expect(result.unusable).toBeNull();
    expect(result.dataset.villages).toHaveLength(2);
  }
});

it("knows a pasted report by its whole title, on one row or two, whatever the village types", () => {
  for (const titles of [
    [["DANH SÁCH THÔN, TỔ DÂN PHỐ"], ["CHƯA NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG THÔN"]],
    [["DANH SÁCH BẢN, KHU PHỐ"], ["CHƯA NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG BẢN"]],
    [["DANH SÁCH THÔN, KHỐI PHỐ CHƯA NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG THÔN"]],
  ]) {
    const result = read(titles);
    expect(result.dataset.villages).toHaveLength(0);
    expect(
      result.dataset.issues.some((i) => i.code === "sheet-skipped" && /nth-rollup/.test(i.message.en)),
    ).toBe(true);
  }
});
