/**
 * The pane's language and formula separator as a Vietnamese clerk meets them, and the function list
 * generated from the catalogue.
 */
import catalogue from "../../src/functions/catalogue.json";
import { NTH_FUNCTIONS, withListSeparator } from "../../src/taskpane/functionList";
import { countOf, initialLanguage, listSeparatorFor, readingAnnouncement, T } from "../../src/taskpane/text";

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

describe("readingAnnouncement (what the live region says while a large sheet is read)", () => {
  it("says at most five things per sheet however many chunks the rows come in", () => {
    const said = new Set<string>();
    for (let rowsRead = 0; rowsRead <= 100_000; rowsRead += 1_250)
      said.add(readingAnnouncement({ sheet: "Thôn", rowsRead, rowCount: 100_000 }, "vi"));
    expect([...said]).toEqual([
      "Đang đọc trang Thôn: 0%",
      "Đang đọc trang Thôn: 25%",
      "Đang đọc trang Thôn: 50%",
      "Đang đọc trang Thôn: 75%",
      "Đang đọc trang Thôn: 100%",
    ]);
    expect(readingAnnouncement({ sheet: "Villages", rowsRead: 0, rowCount: 0 }, "en")).toBe(
      "Reading sheet Villages: 100%",
    );
  });
});
