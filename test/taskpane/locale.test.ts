/**
 * The pane's language and formula separator as a Vietnamese clerk meets them, and the function list
 * generated from the catalogue.
 */
import catalogue from "../../src/functions/catalogue.json";
import { NTH_FUNCTIONS, withListSeparator } from "../../src/taskpane/functionList";
import { countOf, initialLanguage, listSeparatorFor, T } from "../../src/taskpane/text";

it("starts in Office's language: English for English Office, Vietnamese otherwise", () => {
  expect(initialLanguage("en-US", null)).toBe("en");
  expect(initialLanguage("en-GB", null)).toBe("en");
  expect(initialLanguage("vi-VN", null)).toBe("vi");
  expect(initialLanguage("fr-FR", null)).toBe("vi");
  expect(initialLanguage(null, null)).toBe("vi");
  expect(initialLanguage("vi-VN", "en")).toBe("en");
});

it("uses ; between arguments where the decimal separator is a comma", () => {
  expect(listSeparatorFor(",", "en")).toBe(";");
  expect(listSeparatorFor(".", "vi")).toBe(",");
  expect(listSeparatorFor(null, "vi")).toBe(";");
  expect(listSeparatorFor(null, "en")).toBe(",");
  expect(withListSeparator('=NTH.UNITS_NEEDED(68, 143, "trên 90,5%")', ";")).toBe(
    '=NTH.UNITS_NEEDED(68; 143; "trên 90,5%")',
  );
  expect(withListSeparator("=NTH.ROLLUP_RATE(D5:D25, C5:C25)", ",")).toBe("=NTH.ROLLUP_RATE(D5:D25, C5:C25)");
});

it("writes counts with their plural in English only", () => {
  expect(countOf(1, T.error1, T.errors, "en")).toBe("1 error");
  expect(countOf(2, T.error1, T.errors, "en")).toBe("2 errors");
  expect(countOf(1, T.error1, T.errors, "vi")).toBe("1 lỗi");
  expect(countOf(1200, T.warning1, T.warnings, "vi")).toBe("1.200 cảnh báo");
});

it("lists the catalogue's functions with Excel's parameter names in each language", () => {
  expect(NTH_FUNCTIONS.map((f) => f.id)).toEqual(Object.keys(catalogue));
  const units = NTH_FUNCTIONS.find((f) => f.id === "UNITS_NEEDED")!;
  expect(units.syntax.en).toBe("NTH.UNITS_NEEDED(consolidated, total, target, [strict])");
  expect(units.syntax.vi).toBe("NTH.UNITS_NEEDED(số_đã_nhất_thể_hóa, tổng_số, mục_tiêu, [trên])");
});
