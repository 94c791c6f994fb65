import { parseA1 } from "../../core/a1";
import type { WorkbookGrids } from "../../core/grid";
import type { Message } from "../../core/issues";
import { FakeWorkbook, type FakeCellValue, type FakeExcelOptions } from "./fakeExcel";
import sample from "./langSonSample.json";

/**
 * The workbook of demo mode (the pane opened outside Office): the bundled Lạng Sơn sample
 * (samples/lang-son.xlsx, kept as grids in langSonSample.json) in the in-memory workbook, with a
 * few typing mistakes of the kind clerks make, so that "Check the data" has something to show.
 * None of them changes the main figures (Bình Gia 68 of 143, 61 more needed).
 */

export interface DemoMistake {
  readonly sheet: string;
  readonly cell: string;
  /** The value typed instead of the sample's. */
  readonly value: FakeCellValue;
  readonly what: Message;
}

export const DEMO_MISTAKES: readonly DemoMistake[] = [
  {
    sheet: "Thôn",
    cell: "G6",
    value: "9",
    what: { vi: "số đảng viên lưu dạng văn bản", en: "a member count stored as text" },
  },
  {
    sheet: "Thôn",
    cell: "E151",
    value: "thôn bản",
    what: { vi: "loại thôn ngoài danh mục", en: "a village type not in the list" },
  },
  {
    sheet: "Thôn",
    cell: "F301",
    value: "có ạ",
    what: { vi: "ô Có/Không gõ sai", en: "a yes/no cell mistyped" },
  },
  {
    sheet: "Cán bộ",
    cell: "H101",
    value: "khoảng 1959",
    what: { vi: "năm sinh không phải số", en: "a birth year that is not a number" },
  },
];

/** The sample's grids, as committed. */
export const SAMPLE_GRIDS = sample as unknown as WorkbookGrids;

/** Grids with the demo mistakes typed in (for tests: what the demo workbook holds). */
export function demoGrids(grids: WorkbookGrids = SAMPLE_GRIDS): WorkbookGrids {
  return {
    file: grids.file,
    sheets: grids.sheets.map((s) => {
      const mistakes = DEMO_MISTAKES.filter((m) => m.sheet === s.name);
      if (mistakes.length === 0) return s;
      const rows = s.rows.map((r) => [...r]);
      for (const m of mistakes) {
        const at = parseA1(m.cell)!;
        const r = at.row - (s.firstRow ?? 1);
        const c = at.column - (s.firstColumn ?? 1);
        while (rows.length <= r) rows.push([]);
        while (rows[r].length <= c) rows[r].push(null);
        rows[r][c] = m.value;
      }
      return { ...s, rows };
    }),
  };
}

/** A fresh in-memory workbook holding the demo grids (values stored as they are, not typed). */
export function createDemoWorkbook(
  options: FakeExcelOptions = {},
  grids: WorkbookGrids = demoGrids(),
): FakeWorkbook {
  const book = new FakeWorkbook(options);
  for (const s of grids.sheets) {
    const rows = s.rows.map((r) => r.map((v) => (v !== null && typeof v === "object" ? null : v)));
    const sheet = book.addSheetValues(s.name, rows, s.firstRow ?? 1, s.firstColumn ?? 1);
    for (const m of s.merges ?? [])
      sheet.merges.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  }
  book.activeSheetId = book.sheets[0]?.id ?? null;
  return book;
}

/**
 * The communes of Bình Gia district that must report, with their deadline (as in
 * samples/submissions/binh-gia-don-vi.xlsx): the "Đơn vị" sheet of the district demo workbook.
 */
export const BINH_GIA_COMMUNES: readonly string[] = [
  "Thị trấn Bình Gia",
  "Hoa Thám",
  "Quý Hòa",
  "Hưng Đạo",
  "Thiện Thuật",
  "Thiện Hòa",
  "Thiện Long",
  "Hồng Thái",
  "Hòa Bình",
  "Quang Trung",
  "Minh Khai",
  "Mông Ân",
  "Hoàng Văn Thụ",
  "Tân Hòa",
  "Bình La",
  "Yên Lỗ",
  "Tân Văn",
  "Hồng Phong",
  "Vĩnh Yên",
];

/**
 * A district's workbook before its communes' submissions arrive (demo mode, `?workbook=district`):
 * only the list of the communes that must report and their deadline, for the import.
 */
export function createDistrictWorkbook(options: FakeExcelOptions = {}): FakeWorkbook {
  const book = new FakeWorkbook(options);
  book.addSheetValues("Đơn vị", [
    ["DANH SÁCH ĐƠN VỊ BÁO CÁO — HUYỆN BÌNH GIA"],
    ["Đơn vị", "Cấp", "Tỉnh", "Huyện", "Hạn nộp"],
    ...BINH_GIA_COMMUNES.map((c) => [c, "xã", "Lạng Sơn", "Bình Gia", "15/9/2021"]),
  ]);
  book.activeSheetId = book.sheets[0].id;
  return book;
}

/** An empty workbook with one blank sheet, as Excel makes it. */
export function createEmptyWorkbook(options: FakeExcelOptions = {}): FakeWorkbook {
  const book = new FakeWorkbook(options);
  book.addSheet("Sheet1");
  book.activeSheetId = book.sheets[0].id;
  return book;
}
