import { OFFICE_HOLDERS, TARGETS } from "../../src/core/schema/sheets";
import { CLERK_TEXT_CASES } from "./clerkTextCases";
import { CORPUS_CASES } from "./corpusCases";
import { FUNCTION_RULE_CASES } from "./functionRuleCases";
import { REAL_WORKBOOK_CASES } from "./realWorkbookCases";
import { bg, sheet, VILLAGE_HEADERS, workbook, type CaseDefinition } from "./definitions";

/**
 * The reader's case folders (test/cases/reader/), as data. Each expectation is what a careful
 * clerk would expect from the input, written by hand, not copied from the reader's output.
 * `npm run cases` writes the folders; test/reader-cases.test.ts runs them.
 */

const V = [...VILLAGE_HEADERS];
const HOLDER_HEADERS = OFFICE_HOLDERS.columns.slice(0, 6).map((c) => c.vi); // Họ và tên … Thôn
const TARGET_HEADERS = TARGETS.columns.map((c) => c.vi); // Chỉ tiêu, Đơn vị, Cấp, Mục tiêu, So sánh, Năm
const pct = (value: number) => ({ value, numFmt: "0%" });

/** Two villages of Yên Lỗ with a definite status, for cases about the other sheets. */
const YEN_LO = sheet("Thôn", V, [
  bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
  bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"),
]);

/** The reader's own cases; READER_CASES adds the reliability corpus (corpusCases.ts). */
const CASES: readonly CaseDefinition[] = [
  {
    name: "missing-required-column",
    inputs: [
      workbook(
        sheet(
          "Danh sách thôn",
          ["Tỉnh", "Huyện", "Thôn", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
          [
            ["Lạng Sơn", "Bình Gia", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
            ["Lạng Sơn", "Bình Gia", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"],
          ],
          { titles: ["DANH SÁCH THÔN"] },
        ),
      ),
    ],
    expected: {
      description:
        "The Villages sheet has no Commune (Xã) column: one error on its header row naming the column and the sheet; no summary.",
      unusable: true,
      issues: [["missing-column", "error", "Danh sách thôn", "A3", "Xã", "Commune", "Danh sách thôn"]],
      sheets: [{ sheet: "Danh sách thôn", kind: "villages", headerRow: 3 }],
    },
  },
  {
    name: "missing-required-value",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
          bg("Yên Lỗ", "   ", "Nông Văn Hải", "Nông Văn Hải", "x"),
          bg("", "Nà Lẹng", "Vi Văn Cường", "Lộc Văn Bình", "Không"),
          ["", "Bình Gia", "Yên Lỗ", "Khuổi Mè", "Hà Thị Mai", "Hà Thị Mai", "x"],
          bg("Yên Lỗ", "Khuổi Chặng", "Triệu Văn Sầm", "Lương Văn Pháo", ""),
        ]),
      ),
    ],
    expected: {
      description:
        "Rows without a village (only spaces), commune or province are reported at the empty cell and not counted.",
      issues: [
        ["missing-value", "error", "Thôn", "D3", "Thôn"],
        ["missing-value", "error", "Thôn", "C4", "Xã"],
        ["missing-value", "error", "Thôn", "A5", "Tỉnh"],
      ],
      counts: { villages: 2, consolidated: 1, unknownStatus: 0 },
    },
  },
  {
    name: "duplicate-village-after-normalisation",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Hòa Bình", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
          bg("Yên Lỗ", "Hoà Bình", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
          bg("Yên Lỗ", "Hòa Bình".normalize("NFD"), "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
          bg("Xã Yên Lỗ", "  HÒA   BÌNH ", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
          bg("Yên Lỗ", "Hoa Bình", "Nông Văn Hải", "Lương Văn Sơn", "Không"),
          bg("Hồng Phong", "Hòa Bình", "Vi Văn Cường", "Vi Văn Cường", "x"),
        ]),
      ),
    ],
    expected: {
      description:
        "“Hòa Bình”, “Hoà Bình” (old tone placement), the same in NFD, and “HÒA BÌNH” under “Xã Yên Lỗ” are one village: each repeat is an error and is not counted. “Hoa Bình” (no tone) and Hòa Bình of another commune are different villages.",
      issues: [
        ["duplicate-village", "error", "Thôn", "D3"],
        ["duplicate-village", "error", "Thôn", "D4"],
        ["duplicate-village", "error", "Thôn", "D5"],
      ],
      counts: { villages: 3, consolidated: 2, communes: 2 },
    },
  },
  {
    name: "bad-flag",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["Tỉnh", "Huyện", "Xã", "Thôn", "Có chi bộ", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
          [
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "x", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", "có", "Nông Văn Hải", "Nông Văn Hải", "?"],
            [
              "Lạng Sơn",
              "Bình Gia",
              "Yên Lỗ",
              "Khuổi Chặng",
              "Có",
              "Vi Văn Cường",
              "Lộc Văn Bình",
              "chắc chắn",
            ],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Nà Lẹng", "ghép", "Hà Thị Mai", "Hà Thị Mai", "x"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Bản Đáng", 2, "Triệu Văn Sầm", "Triệu Văn Sầm", 1],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Nà Ngà", true, "Lương Văn Pháo", "Chu Văn Lâm", false],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pác Lùng", "Y", "Dương Văn Khoa", "Dương Văn Khoa", "rồi"],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "Yes/no cells that are none of the documented words are errors at the cell; the row still counts, and a bad “Nhất thể hóa” flag falls back to comparing the names.",
      issues: [
        ["bad-flag", "error", "Thôn", "H3", "?"],
        ["bad-flag", "error", "Thôn", "H4", "chắc chắn"],
        ["bad-flag", "error", "Thôn", "E5", "ghép"],
        ["bad-flag", "error", "Thôn", "E6", "2"],
      ],
      counts: { villages: 7, consolidated: 5, unknownStatus: 0 },
    },
  },
  {
    name: "bad-member-counts",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["Tỉnh", "Huyện", "Xã", "Thôn", "Số đảng viên", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
          [
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", 12, "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", -3, "Nông Văn Hải", "Nông Văn Hải", "x"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Chặng", 4.5, "Vi Văn Cường", "Lộc Văn Bình", "Không"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Nà Lẹng", "mười hai", "Hà Thị Mai", "Hà Thị Mai", "x"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Bản Đáng", 0, "Triệu Văn Sầm", "Chu Văn Lâm", "Không"],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "Negative, fractional and worded party-member counts are errors at the cell; the village still counts, without a member count.",
      issues: [
        ["bad-count", "error", "Thôn", "E3", "-3"],
        ["bad-count", "error", "Thôn", "E4", "4.5"],
        ["bad-count", "error", "Thôn", "E5", "mười hai"],
      ],
      counts: { villages: 5, consolidated: 3, partyMembers: 12 },
    },
  },
  {
    name: "numbers-stored-as-text",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["Tỉnh", "Huyện", "Xã", "Thôn", "Số đảng viên", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
          [
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "15", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", " 8 ", "Nông Văn Hải", "Nông Văn Hải", "1"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Chặng", 10, "Vi Văn Cường", "Lộc Văn Bình", "0"],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "Counts typed as text (“15”, “ 8 ”) are accepted and counted, with a warning at each cell; flags typed as text “1”/“0” are ordinary flags.",
      issues: [
        ["number-as-text", "warning", "Thôn", "E2", "15"],
        ["number-as-text", "warning", "Thôn", "E3", "8"],
      ],
      counts: { villages: 3, consolidated: 2, partyMembers: 33 },
    },
  },
  {
    name: "excel-error-values",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["Tỉnh", "Huyện", "Xã", "Thôn", "Số đảng viên", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
          [
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", 12, "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", { error: "#N/A" }, 9, "Nông Văn Hải", "Nông Văn Hải", "x"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Chặng", 7, "Vi Văn Cường", { error: "#REF!" }, "x"],
            [
              "Lạng Sơn",
              "Bình Gia",
              "Yên Lỗ",
              "Nà Lẹng",
              { formula: "E2/0", result: { error: "#DIV/0!" } },
              "Hà Thị Mai",
              "Lộc Văn Bình",
              "Không",
            ],
            [
              "Lạng Sơn",
              "Bình Gia",
              { formula: "VLOOKUP(D6,Xa!A:B,2,FALSE)", result: { error: "#N/A" } },
              "Bản Đáng",
              5,
              "Triệu Văn Sầm",
              "Triệu Văn Sầm",
              "x",
            ],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "Excel error values (#N/A, #REF!, and #DIV/0! / #N/A cached by formulas) are errors at their cells; a row whose village or commune is an error is not counted, other rows are.",
      issues: [
        ["excel-error", "error", "Thôn", "D3", "#N/A"],
        ["excel-error", "error", "Thôn", "G4", "#REF!"],
        ["excel-error", "error", "Thôn", "E5", "#DIV/0!"],
        ["excel-error", "error", "Thôn", "C6", "#N/A"],
      ],
      counts: { villages: 3, consolidated: 2, unknownStatus: 0 },
    },
  },
  {
    name: "unknown-post",
    inputs: [
      workbook(
        YEN_LO,
        sheet("Cán bộ", HOLDER_HEADERS, [
          ["Hoàng Văn Tuấn", "Bí thư chi bộ", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm"],
          ["Nông Thị Mai", "Thủ quỹ", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm"],
          ["Lương Văn Sơn", "Trưởng thôn kiêm Thủ quỹ chi bộ", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè"],
          ["Vi Văn Hải", "Chánh văn phòng", "Lạng Sơn", "Bình Gia", "Yên Lỗ", ""],
          ["Hà Văn Lâm", "Trưởng bản", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè"],
        ]),
      ),
    ],
    expected: {
      description:
        "Posts outside the vocabulary are errors at the post cell, quoting the unknown words; in “Trưởng thôn kiêm Thủ quỹ chi bộ” the known post still counts.",
      issues: [
        ["unknown-post", "error", "Cán bộ", "B3", "Thủ quỹ"],
        ["unknown-post", "error", "Cán bộ", "B4", "Thủ quỹ chi bộ"],
        ["unknown-post", "error", "Cán bộ", "B5", "Chánh văn phòng"],
        // Lương Văn Sơn and Hà Văn Lâm are both heads of Khuổi Mè: a warning at both rows.
        ["post-held-twice", "warning", "Cán bộ", "B4", "Khuổi Mè", "Hà Văn Lâm"],
        ["post-held-twice", "warning", "Cán bộ", "B6", "Khuổi Mè", "Lương Văn Sơn"],
      ],
      counts: { villages: 2, officeHolders: 3 },
    },
  },
  {
    name: "unknown-indicator",
    inputs: [
      workbook(
        YEN_LO,
        sheet("Chỉ tiêu", TARGET_HEADERS, [
          ["village_secretary_head", "", "huyện", pct(0.9), "trên", 2025],
          ["Tỷ lệ hộ nghèo", "", "huyện", pct(0.05), "", 2025],
          ["Bí thư chi bộ kiêm trưởng thôn, tổ dân phố", "Yên Lỗ", "xã", pct(0.5), "đạt", 2025],
          ["NTH thôn", "", "tỉnh", pct(0.9), "", 2025],
        ]),
      ),
    ],
    expected: {
      description:
        "Indicators named neither by id nor by label are errors at the indicator cell and the row is ignored; an indicator written as its Vietnamese label is accepted.",
      issues: [
        ["unknown-indicator", "error", "Chỉ tiêu", "A3", "Tỷ lệ hộ nghèo"],
        ["unknown-indicator", "error", "Chỉ tiêu", "A5", "NTH thôn"],
      ],
      counts: { villages: 2, targets: 2 },
    },
  },
  {
    name: "target-out-of-range",
    inputs: [
      workbook(
        YEN_LO,
        sheet("Chỉ tiêu", TARGET_HEADERS, [
          ["village_secretary_head", "", "xã", "120%", "", 2025],
          ["village_secretary_head", "", "huyện", 150, "", 2025],
          ["village_secretary_head", "", "tỉnh", pct(1), "đạt", 2025],
          ["village_secretary_head", "Yên Lỗ", "xã", 0, "", 2025],
          ["village_secretary_front", "", "", "90%", "", 2025],
        ]),
      ),
    ],
    expected: {
      description:
        "Targets above 100% (“120%” typed as text, 150 as a number) are errors at the target cell and ignored; 0% and 100% are allowed.",
      issues: [
        ["target-out-of-range", "error", "Chỉ tiêu", "D2", "120%"],
        ["target-out-of-range", "error", "Chỉ tiêu", "D3", "150"],
      ],
      counts: { targets: 3 },
    },
  },
  {
    name: "mixed-hierarchy",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
          bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"),
          ["Lạng Sơn", "", "Tân Văn", "Suối Cáp", "Vi Văn Cường", "Vi Văn Cường", "x"],
          ["Lạng Sơn", "", "Tân Văn", "Nà Lầm", "Hà Thị Mai", "Lộc Văn Bình", "Không"],
          ["Lào Cai", "", "Xuân Hòa", "Xóm Thượng", "Giàng A Páo", "Giàng A Páo", "x"],
        ]),
      ),
    ],
    expected: {
      description:
        "Lạng Sơn has rows with a district and rows without one (two-tier): one error at the first row without a district. Lào Cai, two-tier throughout, is fine.",
      issues: [["mixed-hierarchy", "error", "Thôn", "B4", "Lạng Sơn"]],
      counts: { villages: 5, consolidated: 3, provinces: 2 },
    },
  },
  {
    name: "two-tier-empty-district-column",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          ["Lào Cai", "", "Xuân Hòa", "Xóm Thượng", "Giàng A Páo", "Giàng A Páo", "x"],
          ["Lào Cai", "", "Xuân Hòa", "Nậm Chảy", "Sùng Seo Chứ", "Vàng A Sử", "Không"],
          ["Lào Cai", null, "Cốc Lầu", "Làng Phìn", "Triệu Văn Lở", "Triệu Văn Lở", "x"],
        ]),
      ),
    ],
    expected: {
      description:
        "Since 1 July 2025 there are no districts: a District column left empty everywhere is normal two-tier data.",
      issues: [],
      counts: { villages: 3, consolidated: 2, provinces: 1, districts: 0, communes: 2 },
    },
  },
  {
    name: "title-rows-above-header",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          V,
          [
            bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
            [],
            bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"),
            bg("Yên Lỗ", "Khuổi Chặng", "Vi Văn Cường", "Vi Văn Cường", "Có"),
          ],
          {
            titles: [
              "ĐẢNG BỘ HUYỆN BÌNH GIA",
              "DANH SÁCH THÔN THỰC HIỆN NHẤT THỂ HÓA",
              "(Kèm theo Báo cáo số 45-BC/HU ngày 19/9/2021)",
            ],
          },
        ),
      ),
    ],
    expected: {
      description:
        "Three merged title rows and a blank row above the header, a blank row among the data: the header is found on row 5, no issue.",
      issues: [],
      sheets: [{ sheet: "Thôn", kind: "villages", headerRow: 5 }],
      counts: { villages: 3, consolidated: 2 },
    },
  },
  {
    name: "headers-in-english",
    inputs: [
      workbook(
        sheet(
          "Villages",
          [
            "Province",
            "District",
            "Commune",
            "Village",
            "Cell secretary",
            "Village head",
            "Secretary is also head",
          ],
          [
            bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "Yes"),
            bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "No"),
            bg("Yên Lỗ", "Khuổi Chặng", "Vi Văn Cường", "Vi Văn Cường", ""),
          ],
        ),
      ),
    ],
    expected: {
      description: "English headers are recognised like the Vietnamese ones.",
      issues: [],
      sheets: [{ sheet: "Villages", kind: "villages", headerRow: 1 }],
      counts: { villages: 3, consolidated: 2, unknownStatus: 0 },
    },
  },
  {
    name: "headers-without-diacritics",
    inputs: [
      workbook(
        sheet(
          "thon",
          ["TINH", "huyen", "Xa", "THON", "Bi thu chi bo", "TRUONG THON", "Nhat the hoa"],
          [
            bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "C"),
            bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "K"),
          ],
        ),
      ),
    ],
    expected: {
      description: "Headers typed without diacritics and in any case are recognised.",
      issues: [],
      sheets: [{ sheet: "thon", kind: "villages", headerRow: 1 }],
      counts: { villages: 2, consolidated: 1 },
    },
  },
  {
    name: "headers-other-order-extra-columns",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          [
            "STT",
            "Thôn",
            "Xã",
            "Nhất thể hóa",
            "Tỉnh",
            "Số hộ",
            "Trưởng thôn",
            "Bí thư chi bộ",
            "Huyện",
            "Ý kiến của xã",
          ],
          [
            [
              1,
              "Pò Mầm",
              "Yên Lỗ",
              "x",
              "Lạng Sơn",
              84,
              "Hoàng Văn Tuấn",
              "Hoàng Văn Tuấn",
              "Bình Gia",
              "Đề nghị giữ nguyên",
            ],
            [2, "Khuổi Mè", "Yên Lỗ", "", "Lạng Sơn", 61, "Lương Văn Sơn", "Nông Văn Hải", "Bình Gia", ""],
            [3, "Khuổi Chặng", "Yên Lỗ", "", "Lạng Sơn", 57, "Vi Văn Cường", "Vi Văn Cường", "Bình Gia", ""],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "Columns in another order, with an ordinal column and columns the standard does not know: the known ones are read, the others ignored.",
      issues: [],
      counts: { villages: 3, consolidated: 2, unknownStatus: 0 },
    },
  },
  {
    name: "excel-table",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          V,
          [
            bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
            bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"),
            bg("Tân Văn", "Suối Cáp", "Vi Văn Cường", "Vi Văn Cường", "x"),
          ],
          { titles: ["DANH SÁCH THÔN"], table: true },
        ),
      ),
    ],
    expected: {
      description: "The data as an Excel table (ListObject) under a title row reads like a plain range.",
      issues: [],
      sheets: [{ sheet: "Thôn", kind: "villages", headerRow: 3 }],
      counts: { villages: 3, consolidated: 2, communes: 2 },
    },
  },
  {
    name: "plain-range-not-at-a1",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          V,
          [
            bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
            bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"),
            bg("Tân Văn", "Suối Cáp", "Vi Văn Cường", "Vi Văn Cường", "x"),
          ],
          { titles: ["DANH SÁCH THÔN"], firstColumn: 3 },
        ),
      ),
    ],
    expected: {
      description:
        "A plain range that starts in column C under a title row: issues and counts are as for A1.",
      issues: [],
      sheets: [{ sheet: "Thôn", kind: "villages", headerRow: 3 }],
      counts: { villages: 3, consolidated: 2, communes: 2 },
    },
  },
  {
    name: "flag-contradicts-names",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Lương Văn Sơn", "x"),
          bg("Yên Lỗ", "Khuổi Mè", "Hoàng Văn Hòa", "Hoàng Văn Hoà", "Không"),
          bg("Yên Lỗ", "Khuổi Chặng", "Vi Văn Cường", "Vi Văn Cường", "x"),
        ]),
      ),
    ],
    expected: {
      description:
        "A flag that contradicts the names (marked consolidated with two different people; marked not consolidated with one name written Hòa/Hoà) is a warning at the flag cell, and the flag stands.",
      issues: [
        ["flag-contradicts-names", "warning", "Thôn", "G2"],
        ["flag-contradicts-names", "warning", "Thôn", "G3"],
      ],
      counts: { villages: 3, consolidated: 2 },
    },
  },
  {
    name: "consolidation-unknown",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "", "", ""),
          bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "", ""),
          bg("Yên Lỗ", "Khuổi Chặng", "", "Vi Văn Cường", ""),
          bg("Yên Lỗ", "Nà Lẹng", "", "", "x"),
        ]),
      ),
    ],
    expected: {
      description:
        "Without a flag and without both names (and no office-holders), a village's status is unknown: a warning at the village cell, counted as not consolidated.",
      issues: [
        ["consolidation-unknown", "warning", "Thôn", "D2", "Pò Mầm"],
        ["consolidation-unknown", "warning", "Thôn", "D3", "Khuổi Mè"],
        ["consolidation-unknown", "warning", "Thôn", "D4", "Khuổi Chặng"],
      ],
      counts: { villages: 4, consolidated: 1, unknownStatus: 3 },
    },
  },
  {
    name: "totals-row-skipped",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["Tỉnh", "Huyện", "Xã", "Thôn", "Số đảng viên", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
          [
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", 12, "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", 9, "Nông Văn Hải", "Lương Văn Sơn", "Không"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Chặng", 7, "Vi Văn Cường", "Vi Văn Cường", "x"],
            ["Tổng cộng", "", "", "", { formula: "SUM(E2:E4)", result: 28 }, "", "", 2],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "A “Tổng cộng” row under the data is skipped: not a village, its numbers not re-counted; one information line names its row.",
      issues: [["rows-skipped", "info", "Thôn", "A5", "cộng/tổng", "5"]],
      counts: { villages: 3, consolidated: 2, partyMembers: 28 },
    },
  },
  {
    name: "birth-year-as-text",
    inputs: [
      workbook(
        YEN_LO,
        sheet(
          "Cán bộ",
          [...HOLDER_HEADERS, "Năm sinh"],
          [
            ["Hoàng Văn Tuấn", "Bí thư chi bộ", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", 1975],
            ["Nông Văn Hải", "Bí thư chi bộ", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", "1980"],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "A birth year typed as text (“1980”) is accepted, and noted like every other number stored as text.",
      issues: [["number-as-text", "warning", "Cán bộ", "G3", "1980"]],
      counts: { officeHolders: 2 },
    },
  },
  {
    name: "negative-count-as-text",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["Tỉnh", "Huyện", "Xã", "Thôn", "Số đảng viên", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
          [
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "-2", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", "4", "Nông Văn Hải", "Lương Văn Sơn", "Không"],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "“-2” typed as text is a bad count, and only that: a “stored as text; still counted” warning on the same cell would be wrong, since it is not counted. “4” as text is counted with a warning.",
      issues: [
        ["bad-count", "error", "Thôn", "E2", "-2"],
        ["number-as-text", "warning", "Thôn", "E3", "4"],
      ],
      counts: { villages: 2, partyMembers: 4 },
    },
  },
  {
    name: "target-negative-percent",
    inputs: [
      workbook(
        YEN_LO,
        sheet("Chỉ tiêu", TARGET_HEADERS, [["village_secretary_head", "", "xã", "-10%", "", 2025]]),
      ),
    ],
    expected: {
      description: "“-10%” is a readable number outside 0–100%: target-out-of-range, not “cannot be read”.",
      issues: [["target-out-of-range", "error", "Chỉ tiêu", "D2", "-10%"]],
      counts: { targets: 0 },
    },
  },
  {
    name: "target-percent-format-above-100",
    inputs: [
      workbook(
        YEN_LO,
        sheet("Chỉ tiêu", TARGET_HEADERS, [["village_secretary_head", "", "xã", pct(1.2), "", 2025]]),
      ),
    ],
    expected: {
      description:
        "A clerk who types 120% gets the number 1.2 in a % cell, and sees “120%”: that is above 100%, not a target of 1.2%.",
      issues: [["target-out-of-range", "error", "Chỉ tiêu", "D2"]],
      counts: { targets: 0 },
    },
  },
  {
    name: "column-number-row-under-header",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
          bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
          bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"),
        ]),
      ),
    ],
    expected: {
      description:
        "Official tables number their columns in a row under the header — (1), (2), (3)… That row is part of the header, not a village.",
      issues: [],
      counts: { villages: 2, consolidated: 1, unknownStatus: 0 },
    },
  },
  {
    name: "totals-row-in-merged-ordinal-cell",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          [
            "STT",
            "Tỉnh",
            "Huyện",
            "Xã",
            "Thôn",
            "Số đảng viên",
            "Bí thư chi bộ",
            "Trưởng thôn",
            "Nhất thể hóa",
          ],
          [
            [1, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", 12, "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
            [2, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", 9, "Nông Văn Hải", "Lương Văn Sơn", "Không"],
            ["Tổng cộng", null, null, null, null, { formula: "SUM(F2:F3)", result: 21 }, null, null, 1],
          ],
          { merges: ["A4:E4"] },
        ),
      ),
    ],
    expected: {
      description:
        "The usual totals row: “Tổng cộng” in the ordinal column, merged across to the village column, sums to the right. It is skipped like any totals row, with one information line.",
      issues: [["rows-skipped", "info", "Thôn", "A4", "4"]],
      counts: { villages: 2, consolidated: 1, partyMembers: 21 },
    },
  },
  {
    name: "no-villages-sheet",
    inputs: [
      workbook(
        sheet("Cán bộ", HOLDER_HEADERS, [
          ["Hoàng Văn Tuấn", "Bí thư chi bộ", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm"],
        ]),
      ),
    ],
    expected: {
      description:
        "A workbook with an Office-holders sheet but no Villages sheet cannot be summarised: one error for the workbook.",
      unusable: true,
      issues: [["no-standard-sheet", "error", "", "", "Tỉnh, Xã, Thôn"]],
      sheets: [{ sheet: "Cán bộ", kind: "officeHolders", headerRow: 1 }],
    },
  },
  {
    name: "csv-renamed-xlsx",
    inputs: [{ text: "Tỉnh,Huyện,Xã,Thôn\r\nLạng Sơn,Bình Gia,Yên Lỗ,Pò Mầm\r\n" }],
    expected: {
      description:
        "A CSV file saved with the .xlsx extension is not a workbook: the file is refused with one clear message.",
      fileError: "not-zip",
      issues: [],
    },
  },
];

export const READER_CASES: readonly CaseDefinition[] = [
  ...CASES,
  ...CORPUS_CASES,
  ...CLERK_TEXT_CASES,
  ...REAL_WORKBOOK_CASES,
  ...FUNCTION_RULE_CASES,
];
