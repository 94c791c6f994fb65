import { isStandardDataSheetName } from "../../src/app/standardSheets";

describe("isStandardDataSheetName (the Chèn guard's idea of a standard sheet)", () => {
  it.each([
    "Thôn",
    "THÔN",
    "thôn",
    "Thôn (2)",
    "Villages",
    "villages (3)",
    "Cán bộ",
    "Office-holders",
    "Chỉ tiêu",
    "Targets",
    "Đơn vị",
    "Units",
    "Cài đặt báo cáo",
    "Report settings (2)",
    "Tho\u0302\u0300n".normalize("NFD"),
  ])("%j is read as data", (name) => {
    expect(isStandardDataSheetName(name)).toBe(true);
  });
  it.each(["Ghi chú", "Báo cáo", "Thôn cũ", "Sheet1", "Hướng dẫn", ""])("%j is not", (name) => {
    expect(isStandardDataSheetName(name)).toBe(false);
  });
});
