import type ExcelJS from "exceljs";
import type { CellInput } from "../common/xlsxWrite";
import { bg, sheet, VILLAGE_HEADERS, workbook, type CaseDefinition, type IssueTuple } from "./definitions";

/**
 * Real clerks' workbooks (issue 10, the structure half): the village data beside everything else a
 * clerk keeps in the same file — their own summary sheet, a pivot table, printed lists, contact
 * lists, tallies, pasted report sheets, hidden copies — and the shapes of official tables (two-row
 * headers, numbering rows, repeated headers, headings, subtotals). Each expectation is what a careful
 * clerk would expect, written by hand; each fails on the reader before issue 10.
 */

const V = [...VILLAGE_HEADERS];

/** Three villages of Yên Lỗ: 2 of 3 consolidated. */
const YEN_LO_ROWS = [
  bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
  bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"),
  bg("Yên Lỗ", "Khuổi Chặng", "Vi Văn Cường", "Vi Văn Cường", "x"),
];
const VILLAGES = sheet("Thôn", V, YEN_LO_ROWS);
const YEN_LO_COUNTS = { villages: 3, consolidated: 2, unknownStatus: 0, communes: 1 };

const formula = (f: string, result: number | string): ExcelJS.CellFormulaValue => ({ formula: f, result });

/** A sheet skipped with one information line whose message contains `words`. */
const skipped = (name: string, ...words: string[]): IssueTuple => [
  "sheet-skipped",
  "info",
  name,
  "A1",
  ...words,
];

/** The subtotal spellings of issue 10, each in its own case: a row that must never be a village. */
const SUBTOTALS: readonly { name: string; label: string; column: "stt" | "commune" | "village" }[] = [
  { name: "cong-xa", label: "Cộng xã Yên Lỗ", column: "village" },
  { name: "cong", label: "Cộng", column: "stt" },
  { name: "tong", label: "Tổng", column: "commune" },
  { name: "toan-huyen", label: "Toàn huyện", column: "stt" },
  { name: "cong-toan-xa", label: "Cộng toàn xã", column: "commune" },
  { name: "tong-cong-so-thon", label: "Tổng cộng (6 thôn)", column: "stt" },
  { name: "tong-so-thon", label: "Tổng số thôn", column: "village" },
];

function subtotalCase(s: (typeof SUBTOTALS)[number]): CaseDefinition {
  const headers = [
    "STT",
    "Tỉnh",
    "Huyện",
    "Xã",
    "Thôn",
    "Số đảng viên",
    "Bí thư chi bộ",
    "Trưởng thôn",
    "Nhất thể hóa",
  ];
  const total: CellInput[] =
    s.column === "stt"
      ? [s.label, null, null, null, null, formula("SUM(F2:F4)", 28), null, null, 2]
      : s.column === "commune"
        ? [null, "Lạng Sơn", "Bình Gia", s.label, null, formula("SUM(F2:F4)", 28), null, null, 2]
        : [null, "Lạng Sơn", "Bình Gia", "Yên Lỗ", s.label, formula("SUM(F2:F4)", 28), null, null, 2];
  return {
    name: `subtotal-row-${s.name}`,
    inputs: [
      workbook(
        sheet("Thôn", headers, [
          [1, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", 12, "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
          [2, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", 9, "Nông Văn Hải", "Lương Văn Sơn", "Không"],
          [3, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Cộng Hòa", 7, "Vi Văn Cường", "Vi Văn Cường", "x"],
          total,
        ]),
      ),
    ],
    expected: {
      description: `A “${s.label}” row (in the ${s.column} column) under the villages is a subtotal: not a village, its sums not counted again, no error; one information line names row 5. “Cộng Hòa” is a village name, not a subtotal.`,
      issues: [["rows-skipped", "info", "Thôn", "A5", "cộng/tổng", "5"]],
      counts: { villages: 3, consolidated: 2, partyMembers: 28, unknownStatus: 0 },
    },
  };
}

export const REAL_WORKBOOK_CASES: readonly CaseDefinition[] = [
  // ---- sheets beside the data: candidates, not verdicts ----
  {
    name: "extra-summary-sheet-with-formulas",
    inputs: [
      workbook(
        VILLAGES,
        sheet(
          "Tổng hợp",
          ["Xã", "Số thôn", "Nhất thể hóa", "Tỷ lệ"],
          [
            [
              "Yên Lỗ",
              formula("COUNTIFS(Thôn!C:C,A2)", 3),
              formula('COUNTIFS(Thôn!C:C,A2,Thôn!G:G,"x")', 2),
              { value: formula("C2/B2", 0.6667), numFmt: "0.0%" },
            ],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "The clerk's own summary sheet (Xã | Số thôn | Nhất thể hóa | Tỷ lệ over COUNTIFS) beside the villages: not data, skipped with one information line; the figures come from the villages; no advice to add columns to it.",
      issues: [skipped("Tổng hợp", "tổng hợp")],
      sheets: [{ sheet: "Thôn", kind: "villages", headerRow: 1 }],
      counts: YEN_LO_COUNTS,
    },
  },
  {
    name: "pivot-like-table",
    inputs: [
      workbook(
        VILLAGES,
        sheet(
          "Pivot",
          ["Xã", "Thôn", "Tổng của Nhất thể hóa"],
          [
            ["Yên Lỗ", "Khuổi Chặng", 1],
            [null, "Khuổi Mè", 0],
            [null, "Pò Mầm", 1],
            ["Yên Lỗ Tổng", null, 2],
            ["Tổng Cuối", null, 2],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "A pivot table laid out as a table (Xã | Thôn | Tổng của Nhất thể hóa, “Tổng Cuối”): a summary of the data, skipped with one information line.",
      issues: [skipped("Pivot", "PivotTable")],
      counts: YEN_LO_COUNTS,
    },
  },
  {
    name: "printed-list-danh-sach",
    inputs: [
      workbook(
        VILLAGES,
        sheet(
          "In danh sách",
          ["STT", "Họ và tên", "Thôn", "Xã", "Ghi chú"],
          [
            [1, "Hoàng Văn Tuấn", "Pò Mầm", "Yên Lỗ", ""],
            [2, "Vi Văn Cường", "Khuổi Chặng", "Yên Lỗ", ""],
          ],
          { titles: ["DANH SÁCH BÍ THƯ CHI BỘ KIÊM TRƯỞNG THÔN", "(Kèm theo Báo cáo số 45-BC/HU)"] },
        ),
      ),
    ],
    expected: {
      description:
        "A printed “DANH SÁCH …” list of names beside the villages: it lacks the columns of any standard sheet, so it is skipped with one information line naming what it lacks.",
      issues: [skipped("In danh sách", "thiếu cột")],
      counts: YEN_LO_COUNTS,
    },
  },
  {
    name: "contact-list",
    inputs: [
      workbook(
        VILLAGES,
        sheet(
          "Danh bạ",
          ["Họ và tên", "Chức vụ", "Số điện thoại", "Email"],
          [
            ["Hoàng Văn Tuấn", "Bí thư chi bộ", "0912 345 678", ""],
            ["Nông Văn Hải", "Bí thư chi bộ", "0987 654 321", "hai@example.vn"],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "A contact list (Họ và tên | Chức vụ | Số điện thoại): not an Office-holders sheet (no commune), skipped with one information line; the workbook stays usable.",
      issues: [skipped("Danh bạ", "Cán bộ", "Xã")],
      counts: { ...YEN_LO_COUNTS, officeHolders: 0 },
    },
  },
  {
    name: "per-commune-tally",
    inputs: [
      workbook(
        VILLAGES,
        sheet(
          "Thống kê",
          ["Xã", "Số thôn", "Số chi bộ", "Số đảng viên"],
          [
            ["Yên Lỗ", 3, 3, 28],
            ["Tân Văn", 9, 8, 140],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "A per-commune tally (Xã | Số thôn | Số chi bộ | Số đảng viên) is a summary, not villages: skipped with one information line; only the village rows count.",
      issues: [skipped("Thống kê", "tổng hợp")],
      counts: { ...YEN_LO_COUNTS, partyMembers: 0 },
    },
  },
  {
    name: "pasted-report-sheet-without-mark",
    inputs: [
      workbook(
        VILLAGES,
        sheet(
          "Thôn chưa NTH (2)",
          ["STT", "Đơn vị / Thôn, tổ dân phố", "Bí thư chi bộ", "Trưởng thôn", "Ghi chú"],
          [
            ["", "Xã Yên Lỗ", "", "", ""],
            [1, "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", ""],
          ],
          {
            titles: [
              "HUYỆN ỦY BÌNH GIA",
              "DANH SÁCH",
              "THÔN, TỔ DÂN PHỐ CHƯA NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG THÔN",
            ],
          },
        ),
      ),
    ],
    expected: {
      description:
        "A copy of this product's “Thôn chưa NTH” report pasted into the data workbook (its mark lost in the copy): recognised by its title, never data; one information line.",
      issues: [skipped("Thôn chưa NTH (2)", "nth-rollup")],
      counts: YEN_LO_COUNTS,
    },
  },
  {
    name: "hidden-sheet-same-villages",
    inputs: [workbook(VILLAGES, sheet("Thôn (cũ)", V, YEN_LO_ROWS.slice(0, 2), { state: "hidden" }))],
    expected: {
      description:
        "A hidden sheet the clerk cannot see, holding the same villages: not read (no duplicate errors about rows the clerk cannot see), one information line.",
      issues: [skipped("Thôn (cũ)", "ẩn", "Thôn")],
      counts: YEN_LO_COUNTS,
    },
  },
  {
    name: "very-hidden-sheet",
    inputs: [
      workbook(
        VILLAGES,
        sheet("Dữ liệu gốc", V, [bg("Yên Lỗ", "Nà Lẹng", "Hà Thị Mai", "Hà Thị Mai", "x")], {
          state: "veryHidden",
        }),
      ),
    ],
    expected: {
      description:
        "A very hidden sheet (only visible through VBA) with another village: not read while a visible Villages sheet exists; one information line.",
      issues: [skipped("Dữ liệu gốc", "ẩn")],
      counts: YEN_LO_COUNTS,
    },
  },
  {
    name: "hidden-copy-of-last-years-sheet",
    inputs: [
      workbook(
        VILLAGES,
        sheet(
          "Thôn 2024",
          V,
          [
            bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Lộc Văn Bình", ""),
            bg("Yên Lỗ", "Bản Đáng", "Triệu Văn Sầm", "Triệu Văn Sầm", "x"),
            bg("Yên Lỗ", "Nà Ngà", "Lương Văn Pháo", "Chu Văn Lâm", "Không"),
          ],
          { state: "hidden" },
        ),
      ),
    ],
    expected: {
      description:
        "Last year's sheet kept as a hidden copy: its villages (two since merged away) are not added, and no duplicate is reported; one information line.",
      issues: [skipped("Thôn 2024", "ẩn")],
      counts: YEN_LO_COUNTS,
    },
  },
  {
    name: "hidden-only-data",
    inputs: [
      workbook(
        sheet("Ghi chú", ["Số liệu đến ngày 30/6/2025"], []),
        sheet("Thôn", V, YEN_LO_ROWS, { state: "hidden" }),
      ),
    ],
    expected: {
      description:
        "The only Villages sheet is hidden: it is read (there is no visible one), with an information line saying so.",
      issues: [["hidden-sheet-read", "info", "Thôn", "A1", "ẩn"], skipped("Ghi chú", "tiêu đề")],
      counts: YEN_LO_COUNTS,
    },
  },
  {
    name: "instructions-sheet-with-sample-row",
    inputs: [
      workbook(
        sheet("Hướng dẫn", V, [bg("Yên Lỗ", "Thôn mẫu", "Nguyễn Văn A", "Nguyễn Văn A", "x")], {
          titles: ["HƯỚNG DẪN NHẬP LIỆU: mỗi thôn một dòng, như dòng mẫu dưới đây"],
        }),
        VILLAGES,
      ),
    ],
    expected: {
      description:
        "An instructions sheet with the standard header and one sample row: the sample is not a village; the sheet is skipped with one information line.",
      issues: [skipped("Hướng dẫn", "hướng dẫn")],
      counts: YEN_LO_COUNTS,
    },
  },

  // ---- header shapes ----
  {
    name: "two-row-merged-header",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["STT", "Địa bàn", null, null, null, "Họ và tên", null, "Số đảng viên", "Nhất thể hóa"],
          [
            [null, "Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư", "Trưởng thôn", null, null],
            [1, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", 12, "x"],
            [2, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", 9, "Không"],
          ],
          { merges: ["A1:A2", "B1:E1", "F1:G1", "H1:H2", "I1:I2"] },
        ),
      ),
    ],
    expected: {
      description:
        "An official two-row header: “Địa bàn” merged over Tỉnh | Huyện | Xã | Thôn, “Họ và tên” over Bí thư | Trưởng thôn, and STT, Số đảng viên, Nhất thể hóa merged down both rows: every column is read (party members too).",
      issues: [],
      sheets: [{ sheet: "Thôn", kind: "villages", headerRow: 2 }],
      counts: { villages: 2, consolidated: 1, partyMembers: 21, unknownStatus: 0 },
    },
  },
  {
    name: "names-under-post-groups",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư chi bộ", null, "Trưởng thôn"],
          [
            [null, null, null, null, "Họ và tên", "Năm sinh", "Họ và tên"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", 1975, "Hoàng Văn Tuấn"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", 1980, "Lương Văn Sơn"],
          ],
          { merges: ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1"] },
        ),
      ),
    ],
    expected: {
      description:
        "Names merged down two rows (Tỉnh, Huyện, Xã, Thôn) beside posts with “Họ và tên” under them: the name under “Bí thư chi bộ” is the secretary, under “Trưởng thôn” the head; the row of names is header, not a village.",
      issues: [],
      sheets: [{ sheet: "Thôn", kind: "villages", headerRow: 2 }],
      counts: { villages: 2, consolidated: 1, unknownStatus: 0 },
    },
  },
  {
    name: "numbering-row-variants",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["STT", "Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
          [
            ["A", "B", 1, 2, 3, 4, 5, 6],
            [1, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
            [2, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"],
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
            [3, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Chặng", "Vi Văn Cường", "Vi Văn Cường", "x"],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "A numbering row “A B 1 2 3 …” under the header is part of it; another “(1) (2) (3) …” further down (a second printed page) is skipped and listed in one information line.",
      issues: [["rows-skipped", "info", "Thôn", "A5", "đánh số", "5"]],
      counts: { villages: 3, consolidated: 2, unknownStatus: 0 },
    },
  },
  {
    name: "repeated-header-mid-body",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          YEN_LO_ROWS[0],
          YEN_LO_ROWS[1],
          [...V],
          ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
          YEN_LO_ROWS[2],
          [...V],
        ]),
      ),
    ],
    expected: {
      description:
        "Pages copied together repeat the header (and its numbering row) in the body: these rows are not villages “Thôn” of province “Tỉnh”; one information line per kind lists them.",
      issues: [
        ["rows-skipped", "info", "Thôn", "A4", "tiêu đề lặp lại", "4, 7"],
        ["rows-skipped", "info", "Thôn", "A5", "đánh số", "5"],
      ],
      counts: YEN_LO_COUNTS,
    },
  },

  // ---- row kinds ----
  ...SUBTOTALS.map(subtotalCase),
  {
    name: "commune-heading-merged-supplies-commune",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["STT", "Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
          [
            ["I. XÃ YÊN LỖ"],
            [1, "Lạng Sơn", "Bình Gia", null, "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
            [2, "Lạng Sơn", "Bình Gia", null, "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"],
            ["II. XÃ TÂN VĂN"],
            [1, "Lạng Sơn", "Bình Gia", null, "Suối Cáp", "Vi Văn Cường", "Vi Văn Cường", "x"],
            ["Cộng", null, null, null, null, null, null, 2],
          ],
          { merges: ["A2:H2", "A5:H5"] },
        ),
      ),
    ],
    expected: {
      description:
        "Commune headings merged across the table (“I. XÃ YÊN LỖ”) with the Xã column left empty under them: each heading gives its commune to the rows below; headings and the total are listed at information level.",
      issues: [
        ["rows-skipped", "info", "Thôn", "A2", "đề mục", "2, 5"],
        ["rows-skipped", "info", "Thôn", "A7", "cộng/tổng", "7"],
      ],
      counts: { villages: 3, consolidated: 2, unknownStatus: 0, communes: 2 },
    },
  },
  {
    name: "commune-heading-not-merged-supplies-commune",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          [null, null, "Xã Yên Lỗ"],
          ["Lạng Sơn", "Bình Gia", null, "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
          ["Lạng Sơn", "Bình Gia", null, "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"],
          [null, null, "Xã Hồng Phong"],
          ["Lạng Sơn", "Bình Gia", null, "Nà Lẹng", "Hà Thị Mai", "Hà Thị Mai", "x"],
          ["Lạng Sơn", "Bình Gia", "Hồng Phong", "Bản Đáng", "Triệu Văn Sầm", "Lộc Văn Bình", "Không"],
        ]),
      ),
    ],
    expected: {
      description:
        "A commune heading typed in the Xã column and not merged (“Xã Yên Lỗ”): no error; it gives its commune to the rows under it whose Xã cell is empty.",
      issues: [["rows-skipped", "info", "Thôn", "A2", "đề mục", "2, 5"]],
      counts: { villages: 4, consolidated: 2, unknownStatus: 0, communes: 2 },
    },
  },

  // ---- nothing qualifies ----
  {
    name: "nothing-qualifies-summary-only",
    inputs: [
      workbook(
        sheet(
          "Tổng hợp",
          ["Xã", "Số thôn", "Nhất thể hóa", "Tỷ lệ"],
          [
            ["Yên Lỗ", 9, 3, { value: 0.3333, numFmt: "0.0%" }],
            ["Tân Văn", 10, 3, { value: 0.3, numFmt: "0.0%" }],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "Only the clerk's summary table: no summary can be made; the error names that sheet as a summary table and asks for a list of villages — it never advises adding columns to the summary.",
      unusable: true,
      issues: [["no-standard-sheet", "error", "", "", "Tổng hợp", "bảng tổng hợp", "Tỉnh, Xã, Thôn"]],
    },
  },
  {
    name: "nothing-qualifies-best-candidate-named",
    inputs: [
      workbook(
        sheet(
          "Danh bạ",
          ["Họ và tên", "Chức vụ", "Số điện thoại"],
          [["Hoàng Văn Tuấn", "Bí thư chi bộ", "0912 345 678"]],
        ),
        sheet(
          "DS thôn",
          ["STT", "Huyện", "Xã", "Tên thôn", "Bí thư chi bộ", "Trưởng thôn"],
          [[1, "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn"]],
        ),
      ),
    ],
    expected: {
      description:
        "No sheet qualifies: the nearest Villages sheet (“DS thôn”) is named with exactly the column it lacks (Tỉnh), the contact list is skipped with an information line; no summary.",
      unusable: true,
      issues: [
        ["missing-column", "error", "DS thôn", "A1", "Tỉnh", "DS thôn"],
        skipped("Danh bạ", "thiếu cột"),
      ],
      sheets: [{ sheet: "DS thôn", kind: "villages", headerRow: 1 }],
    },
  },
];
