import { OFFICE_HOLDERS } from "../../src/core/schema/sheets";
import type { CellInput } from "../common/xlsxWrite";
import { sheet, VILLAGE_HEADERS, workbook, type CaseDefinition } from "./definitions";

/**
 * The reliability corpus (issue 7): hostile and messy workbooks as clerks really send them, each
 * with what a careful clerk would expect. Written by hand, not copied from the reader's output.
 * They join the reader's cases (test/cases/reader/) and are also run through the real CLI by
 * test/reliability/cli-corpus.test.ts.
 */

const V = [...VILLAGE_HEADERS];
const HOLDER_HEADERS = OFFICE_HOLDERS.columns.slice(0, 6).map((c) => c.vi); // Họ và tên … Thôn

/** A Bình Gia village row in VILLAGE_HEADERS order, any cell type in any place. */
function bg(commune: CellInput, village: CellInput, secretary: CellInput, head: CellInput, flag: CellInput) {
  return ["Lạng Sơn", "Bình Gia", commune, village, secretary, head, flag];
}

/** A long name: 5,000 characters of a real name repeated (Excel holds up to 32,767 in a cell). */
const LONG_NAME = `Khuổi ${"Nà Lẹng Pò Mầm ".repeat(400)}`.slice(0, 5000).trim();

export const CORPUS_CASES: readonly CaseDefinition[] = [
  // ---- headers ----
  {
    name: "duplicate-header-column",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa", "Thôn"],
          [
            [...bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"), "Pò Mầm cũ"],
            [...bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"), ""],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "The Village (Thôn) header appears twice: a warning at the second header cell, and the first column is the one read.",
      issues: [["duplicate-column", "warning", "Thôn", "H1", "Thôn", "D1"]],
      counts: { villages: 2, consolidated: 1 },
    },
  },
  {
    name: "duplicate-header-english-and-vietnamese",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["Tỉnh", "Huyện", "Xã", "Commune", "Thôn", "Bí thư chi bộ", "Trưởng thôn"],
          [
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Yen Lo", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Yen Lo", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn"],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "“Xã” and its English name “Commune” are the same column twice: a warning at the second, the first is read (one commune, Yên Lỗ).",
      issues: [["duplicate-column", "warning", "Thôn", "D1", "Commune"]],
      counts: { villages: 2, consolidated: 1, communes: 1 },
    },
  },
  {
    name: "no-header-row",
    inputs: [
      workbook(
        sheet(
          "Sheet1",
          ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
          [bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không")],
        ),
      ),
    ],
    expected: {
      description:
        "Data without a header row: no sheet is recognised, one error for the workbook saying which columns a Villages sheet needs, and an information line saying why Sheet1 was not read; no summary.",
      unusable: true,
      issues: [
        ["no-standard-sheet", "error", "", "", "Tỉnh, Xã, Thôn"],
        ["sheet-skipped", "info", "Sheet1", "A1", "tiêu đề"],
      ],
    },
  },
  {
    name: "header-only-no-rows",
    inputs: [workbook(sheet("Thôn", V, []))],
    expected: {
      description:
        "A Villages sheet with its header and no village yet: readable, an empty summary (0 villages), no issue.",
      issues: [],
      sheets: [{ sheet: "Thôn", kind: "villages", headerRow: 1 }],
      counts: { villages: 0, consolidated: 0 },
    },
  },
  {
    name: "header-with-line-breaks-and-notes",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          [
            "Tỉnh\n(thành phố)",
            "Huyện\n(quận, thị xã)",
            "Xã\n(phường, thị trấn)",
            "Thôn\n(tổ dân phố)",
            "Bí thư\nchi bộ",
            "Trưởng\nthôn",
            "Nhất thể hóa\n(x = có)",
          ],
          [
            bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
            bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", ""),
          ],
        ),
      ),
    ],
    expected: {
      description:
        "Headers wrapped on two lines (Alt+Enter) with notes in parentheses are recognised: parentheses and line breaks are ignored.",
      issues: [],
      counts: { villages: 2, consolidated: 1, unknownStatus: 0 },
    },
  },

  // ---- layout: blank rows, merged cells, hidden rows and columns ----
  {
    name: "blank-rows-and-columns-inside-data",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["Tỉnh", "Huyện", "Xã", "", "Thôn", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
          [
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", null, "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
            [],
            [],
            ["   ", null, "", null, "  ", null, null, null],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", null, "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"],
            [],
            ["Lạng Sơn", "Bình Gia", "Tân Văn", null, "Suối Cáp", "Vi Văn Cường", "Vi Văn Cường", "x"],
          ],
          { titles: ["DANH SÁCH THÔN"], gap: 3 },
        ),
      ),
    ],
    expected: {
      description:
        "Three blank rows between the title and the header, blank rows (and a row of spaces only) among the data, an empty column between Xã and Thôn: blank rows are skipped without a word, every village is counted.",
      issues: [],
      sheets: [{ sheet: "Thôn", kind: "villages", headerRow: 5 }],
      counts: { villages: 3, consolidated: 2, communes: 2 },
    },
  },
  {
    name: "merged-commune-cells",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          V,
          [
            bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
            ["Lạng Sơn", "Bình Gia", null, "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"],
            ["Lạng Sơn", "Bình Gia", null, "Khuổi Chặng", "Vi Văn Cường", "Vi Văn Cường", "x"],
            bg("Tân Văn", "Suối Cáp", "Hà Thị Mai", "Hà Thị Mai", "x"),
            ["Lạng Sơn", "Bình Gia", null, "Nà Lầm", "Lộc Văn Bình", "Chu Văn Lâm", "Không"],
          ],
          { merges: ["C2:C4", "C5:C6"] },
        ),
      ),
    ],
    expected: {
      description:
        "The commune typed once in a cell merged down over its villages (Yên Lỗ over three rows, Tân Văn over two), as clerks lay out lists: every village belongs to the merged commune and is counted, no issue.",
      issues: [],
      counts: { villages: 5, consolidated: 3, communes: 2 },
    },
  },
  {
    name: "merged-title-and-note-rows",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["STT", "Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
          [
            [1, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
            [2, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"],
          ],
          {
            titles: ["ĐẢNG BỘ HUYỆN BÌNH GIA", "DANH SÁCH THÔN"],
            merges: ["A7:H7"],
            cells: { A7: "Ghi chú: số liệu đến ngày 30/6/2025, chưa gồm thôn mới sáp nhập." },
          },
        ),
      ),
    ],
    expected: {
      description:
        "Title rows merged across the header, and a note merged across the table under the data: the header is found on row 4; the note is not a village: it is skipped and listed in one information line.",
      issues: [["rows-skipped", "info", "Thôn", "A7", "ghi chú", "7"]],
      sheets: [{ sheet: "Thôn", kind: "villages", headerRow: 4 }],
      counts: { villages: 2, consolidated: 1 },
    },
  },
  {
    name: "merged-group-heading-rows",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["STT", "Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
          [
            ["I", "XÃ YÊN LỖ"],
            [1, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
            [2, "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"],
            ["II", "XÃ TÂN VĂN"],
            [1, "Lạng Sơn", "Bình Gia", "Tân Văn", "Suối Cáp", "Vi Văn Cường", "Vi Văn Cường", "x"],
            [],
            ["Danh sách gồm 3 thôn của 2 xã."],
          ],
          { merges: ["B2:H2", "B5:H5", "A8:H8"] },
        ),
      ),
    ],
    expected: {
      description:
        "Group headings “I. XÃ YÊN LỖ”, “II. XÃ TÂN VĂN” merged across the table, and a closing line merged across it: not villages; skipped and listed in one information line per kind (headings, note).",
      issues: [
        ["rows-skipped", "info", "Thôn", "A2", "2, 5"],
        ["rows-skipped", "info", "Thôn", "A8", "8"],
      ],
      counts: { villages: 3, consolidated: 2, communes: 2 },
    },
  },
  {
    name: "hidden-rows-and-columns",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["Tỉnh", "Huyện", "Xã", "Thôn", "Số đảng viên", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
          [
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", 12, "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", 9, "Nông Văn Hải", "Lương Văn Sơn", "Không"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Chặng", 7, "Vi Văn Cường", "Vi Văn Cường", "x"],
          ],
          { hiddenRows: [3], hiddenColumns: [2, 5] },
        ),
      ),
    ],
    expected: {
      description:
        "Hidden rows and columns are data like any other: the hidden village (row 3) and the hidden District and Party-members columns are read and counted.",
      issues: [],
      counts: { villages: 3, consolidated: 2, partyMembers: 28, districts: 1 },
    },
  },
  {
    name: "hidden-sheet-and-other-sheets",
    inputs: [
      workbook(
        sheet("Hướng dẫn", ["Hướng dẫn nhập liệu"], [["Mỗi thôn một dòng."], ["Không để trống cột Xã."]]),
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
          bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"),
        ]),
        sheet("Danh mục", ["Xã", "Mã"], [["Yên Lỗ", "06418"]], { state: "hidden" }),
      ),
    ],
    expected: {
      description:
        "A workbook with an instructions sheet and a hidden lookup sheet besides the Villages sheet: the others are not read, each named in one information line.",
      issues: [
        ["sheet-skipped", "info", "Hướng dẫn", "A1"],
        ["sheet-skipped", "info", "Danh mục", "A1"],
      ],
      sheets: [{ sheet: "Thôn", kind: "villages", headerRow: 1 }],
      counts: { villages: 2, consolidated: 1 },
    },
  },

  // ---- cell types ----
  {
    name: "dates-and-booleans-where-text-expected",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
          bg("Yên Lỗ", new Date(Date.UTC(2025, 2, 8)), "Nông Văn Hải", "Nông Văn Hải", "x"),
          bg("Yên Lỗ", "Khuổi Chặng", true, "Vi Văn Cường", ""),
          bg("Yên Lỗ", "Nà Lẹng", "Hà Thị Mai", false, ""),
        ]),
      ),
    ],
    expected: {
      description:
        "A village typed as 8/3 that Excel turned into a date, and TRUE/FALSE in the name columns: a warning at each cell (read as text); the rows still count.",
      issues: [
        ["not-text", "warning", "Thôn", "D3", "Thôn"],
        ["not-text", "warning", "Thôn", "E4", "Bí thư chi bộ"],
        ["not-text", "warning", "Thôn", "F5", "Trưởng thôn"],
      ],
      counts: { villages: 4, consolidated: 2, unknownStatus: 0 },
    },
  },
  {
    name: "numbers-where-names-expected",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          ["Hà Nội", "", "Phường Hoàn Kiếm", 1, "Nguyễn Văn An", "Nguyễn Văn An", "x"],
          ["Hà Nội", "", "Phường Hoàn Kiếm", 2, "Trần Thị Bình", "Lê Văn Cường", "Không"],
          ["Hà Nội", "", "Phường Hoàn Kiếm", "Tổ dân phố số 3", "Phạm Văn Dũng", "Phạm Văn Dũng", "x"],
        ]),
      ),
    ],
    expected: {
      description:
        "Residential groups numbered 1, 2 (numbers in the Village column, as clerks type them): they are the groups “1” and “2”, counted, no issue.",
      issues: [],
      counts: { villages: 3, consolidated: 2, communes: 1 },
    },
  },
  {
    name: "formulas-with-cached-results",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["Tỉnh", "Huyện", "Xã", "Thôn", "Số đảng viên", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
          [
            [
              "Lạng Sơn",
              "Bình Gia",
              "Yên Lỗ",
              "Pò Mầm",
              { formula: "10+2", result: 12 },
              "Hoàng Văn Tuấn",
              { formula: "F2", result: "Hoàng Văn Tuấn" },
              { formula: 'IF(F2=G2,"x","")', result: "x" },
            ],
            [
              { formula: "A2", result: "Lạng Sơn" },
              { formula: "B2", result: "Bình Gia" },
              { formula: "C2", result: "Yên Lỗ" },
              { formula: 'PROPER("khuổi mè")', result: "Khuổi Mè" },
              { formula: "E2-3", result: 9 },
              "Nông Văn Hải",
              "Lương Văn Sơn",
              { formula: 'IF(F3=G3,"x","Không")', result: "Không" },
            ],
            [
              "Lạng Sơn",
              "Bình Gia",
              "Yên Lỗ",
              "Khuổi Chặng",
              { formula: "SUM(E2:E3)/3", result: 7 },
              "Vi Văn Cường",
              "Vi Văn Cường",
              { formula: "F4=G4", result: true },
            ],
            [
              "Lạng Sơn",
              "Bình Gia",
              "Yên Lỗ",
              "Nà Lẹng",
              { formula: "E2-E2", result: 0 },
              "Hà Thị Mai",
              "Hà Thị Mai",
              { formula: "E5>0", result: false },
            ],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "Names, counts and flags computed by formulas are read as the results Excel saved with the file (=F2, =IF(…), =F4=G4 → TRUE), without a word; a result of 0 or FALSE is a value, not an empty cell: Nà Lẹng's flag FALSE stands against its names (a warning).",
      issues: [["flag-contradicts-names", "warning", "Thôn", "H5"]],
      counts: { villages: 4, consolidated: 2, partyMembers: 28, unknownStatus: 0 },
    },
  },
  {
    name: "formulas-without-cached-results",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
          bg("Yên Lỗ", { formula: 'CONCAT("Khuổi ","Mè")' }, "Nông Văn Hải", "Nông Văn Hải", "x"),
        ]),
      ),
    ],
    expected: {
      description:
        "A formula saved without its result (a file written by a program, never opened in Excel) reads as an empty cell: the village is missing, an error at the cell.",
      issues: [["missing-value", "error", "Thôn", "D3", "Thôn"]],
      counts: { villages: 1, consolidated: 1 },
    },
  },
  {
    name: "excel-errors-in-header-and-flags",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa", { error: "#REF!" }],
          [
            [...bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", { error: "#NAME?" }), 1],
            [...bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"), { error: "#REF!" }],
            [...bg("Yên Lỗ", "Khuổi Chặng", { error: "#VALUE!" }, "Vi Văn Cường", { error: "#N/A" }), null],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "#REF! as a header and in its column (not a standard column) is ignored; #NAME? in a flag is an error and the names decide; #VALUE! in a name and #N/A in the flag leave the status unknown.",
      issues: [
        ["excel-error", "error", "Thôn", "G2", "#NAME?"],
        ["excel-error", "error", "Thôn", "E4", "#VALUE!"],
        ["excel-error", "error", "Thôn", "G4", "#N/A"],
        ["consolidation-unknown", "warning", "Thôn", "D4", "Khuổi Chặng"],
      ],
      counts: { villages: 3, consolidated: 1, unknownStatus: 1 },
    },
  },
  {
    name: "rich-text-and-hyperlink-cells",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg(
            "Yên Lỗ",
            { richText: [{ text: "Pò " }, { text: "Mầm", font: { bold: true } }] },
            "Hoàng Văn Tuấn",
            { richText: [{ text: "Hoàng Văn ", font: { italic: true } }, { text: "Tuấn" }] },
            "",
          ),
          bg(
            { text: "Yên Lỗ", hyperlink: "#'Danh mục'!A2" },
            "Khuổi Mè",
            "Nông Văn Hải",
            "Lương Văn Sơn",
            "Không",
          ),
        ]),
      ),
    ],
    expected: {
      description:
        "Names partly in bold or italic (rich text) and a commune that is a link read as their plain text: the names match, one commune.",
      issues: [],
      counts: { villages: 2, consolidated: 1, communes: 1, unknownStatus: 0 },
    },
  },

  // ---- names ----
  {
    name: "very-long-names",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", LONG_NAME, "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
          bg("Yên Lỗ", "Khuổi Mè", LONG_NAME, LONG_NAME, ""),
          bg(LONG_NAME, "Khuổi Chặng", "Vi Văn Cường", "Lộc Văn Bình", "Không"),
        ]),
      ),
    ],
    expected: {
      description:
        "Names of 5,000 characters (a village, a secretary and head, a commune) are read whole and compared like any name: counted, no issue.",
      issues: [],
      counts: { villages: 3, consolidated: 2, communes: 2 },
    },
  },
  {
    name: "unicode-forms-and-tone-marks",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Hòa Bình", "Thủy Lợi", "Nông Thị Hoà", "Nông Thị Hòa", ""),
          bg(
            "Hoà Bình".normalize("NFD"),
            "Khuổi Mè",
            "Lương Văn Thủy".normalize("NFD"),
            "Lương Văn Thuỷ",
            "",
          ),
          bg("HOÀ BÌNH", "Nà Ngà", "Triệu Văn Sầm", "Triệu Văn Sầm", ""),
          ["Lạng  Sơn", "Bình\u00a0Gia", " Hòa Bình ", "Bản Đáng", "Chu Văn Lâm", "Hà Văn Quý", ""],
        ]),
      ),
    ],
    expected: {
      description:
        "One commune written Hòa Bình, Hoà Bình (old tone placement), the same decomposed (NFD), in capitals, and with stray spaces and a no-break space in the district: one province, one district, one commune; Hoà/Hòa and Thủy/Thuỷ in NFD name the same person.",
      issues: [],
      counts: { villages: 4, consolidated: 3, provinces: 1, districts: 1, communes: 1, unknownStatus: 0 },
    },
  },
  {
    name: "names-beginning-with-formula-characters",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "=1+1", "Hoàng Văn Tuấn", "+Lương Văn Sơn", ""),
          bg("Yên Lỗ", "+84 Khuổi Mè", "Nông Văn Hải", "Nông Văn Hải", ""),
          bg("Yên Lỗ", "-Khuổi Chặng", "@Vi Văn Cường", "-Vi Văn Cường", ""),
          bg("Yên Lỗ", '=HYPERLINK("http://example.invalid","Nà Lẹng")', "Hà Thị Mai", "@Lộc Văn Bình", ""),
          bg("-Tân Văn", "@Nà Ngà", "@Chu Văn Lâm", "@Chu Văn Lâm", ""),
        ]),
      ),
    ],
    expected: {
      description:
        "Text beginning with = + - @ (typed after an apostrophe, or pasted) is a name like any other: read as text, never run as a formula (“@Chu Văn Lâm” twice is one person); the report keeps every such name as text.",
      issues: [],
      counts: { villages: 5, consolidated: 2, communes: 2, unknownStatus: 0 },
    },
  },
  {
    name: "control-characters-in-names",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm\n(cũ)", "Hoàng Văn Tuấn\t", "Hoàng Văn Tuấn", ""),
          bg("Yên Lỗ", "Khuổi\u200bMè", "Nông Văn Hải", "Nông Văn Hải\r\n", ""),
        ]),
      ),
    ],
    expected: {
      description:
        "Line breaks, tabs and a zero-width space inside names (pasted from Word or a web page) do not stop a name matching: both villages are consolidated by their names.",
      issues: [],
      counts: { villages: 2, consolidated: 2, unknownStatus: 0 },
    },
  },

  // ---- hierarchy ----
  {
    name: "village-in-two-communes",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Nà Lẹng", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
          bg("Tân Văn", "Nà Lẹng", "Nông Văn Hải", "Lương Văn Sơn", "Không"),
          bg("Hồng Phong", "Nà Lẹng", "Vi Văn Cường", "Vi Văn Cường", "x"),
        ]),
      ),
    ],
    expected: {
      description:
        "Three communes each with a village called Nà Lẹng: village names repeat between communes, so these are three villages, all counted, no issue.",
      issues: [],
      counts: { villages: 3, consolidated: 2, communes: 3 },
    },
  },
  {
    name: "commune-in-two-districts",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          ["Tỉnh", "Huyện", "Xã", "Mã xã", "Thôn", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"],
          [
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "06418", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"],
            ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "06418", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"],
            ["Lạng Sơn", "Văn Quan", "Yên Lỗ", "06418", "Khuổi Chặng", "Vi Văn Cường", "Vi Văn Cường", "x"],
            ["Lạng Sơn", "Bình Gia", "Tân Văn", "06421", "Suối Cáp", "Hà Thị Mai", "Hà Thị Mai", "x"],
            ["Lạng Sơn", "Văn Quan", "Tân Văn", "06511", "Nà Lầm", "Lộc Văn Bình", "Chu Văn Lâm", "Không"],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "Commune code 06418 (Yên Lỗ) under Bình Gia and under Văn Quan is one commune put in two districts: an error at the code on the row that contradicts the first. Two different communes both called Tân Văn (codes 06421, 06511) in two districts are fine.",
      issues: [["commune-in-two-districts", "error", "Thôn", "D4", "Yên Lỗ", "Bình Gia", "Văn Quan"]],
    },
  },
  {
    name: "mixed-hierarchy-across-files",
    inputs: [
      {
        file: "input-1-binh-gia.xlsx",
        workbook: {
          sheets: [
            sheet("Thôn", V, [
              bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
              bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"),
            ]),
          ],
        },
      },
      {
        file: "input-2-tan-van.xlsx",
        workbook: {
          sheets: [
            sheet("Thôn", V, [
              ["Lạng Sơn", "", "Tân Văn", "Suối Cáp", "Vi Văn Cường", "Vi Văn Cường", "x"],
              ["Lạng Sơn", "", "Tân Văn", "Nà Lầm", "Hà Thị Mai", "Lộc Văn Bình", "Không"],
            ]),
          ],
        },
      },
    ],
    expected: {
      description:
        "One file of Lạng Sơn with districts, another of Lạng Sơn in the two-tier form (no district): the province mixes both forms, an error at the first row without a district, in the second file.",
      issues: [["mixed-hierarchy", "error", "Thôn", "B2", "Lạng Sơn"]],
      counts: { villages: 4, consolidated: 2, provinces: 1 },
    },
  },

  // ---- workbooks with nothing to read ----
  {
    name: "empty-workbook",
    inputs: [workbook(sheet("Sheet1", [], []))],
    expected: {
      description:
        "A new, empty workbook (one blank sheet): no Villages sheet, one error saying which columns are needed; no summary.",
      unusable: true,
      issues: [["no-standard-sheet", "error", "", "", "Tỉnh, Xã, Thôn"]],
    },
  },
  {
    name: "only-a-title",
    inputs: [
      workbook(
        sheet("Thôn", [], [], {
          titles: ["DANH SÁCH THÔN THỰC HIỆN NHẤT THỂ HÓA", "(Kèm theo Báo cáo số 45-BC/HU)"],
        }),
      ),
    ],
    expected: {
      description:
        "A sheet with only its title rows (the clerk has not filled it in): no Villages sheet is found, one error, and an information line for the sheet; no summary.",
      unusable: true,
      issues: [
        ["no-standard-sheet", "error", "", "", "Tỉnh, Xã, Thôn"],
        ["sheet-skipped", "info", "Thôn", "A1", "tiêu đề"],
      ],
    },
  },
  {
    name: "empty-file",
    inputs: [{ text: "" }],
    expected: {
      description: "A file of 0 bytes (a failed copy or download): refused with one clear message.",
      fileError: "empty",
      issues: [],
    },
  },
  {
    name: "last-row-1048576",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          V,
          [
            bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
            bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"),
          ],
          {
            cells: {
              A1048576: "Lạng Sơn",
              B1048576: "Bình Gia",
              C1048576: "Yên Lỗ",
              D1048576: "Khuổi Chặng",
              E1048576: "Vi Văn Cường",
              F1048576: "Vi Văn Cường",
              G1048576: "x",
            },
          },
        ),
      ),
    ],
    expected: {
      description:
        "A village on the last row Excel has (1,048,576), a million blank rows below the others: it is found and counted, and reading stays fast and small.",
      issues: [],
      counts: { villages: 3, consolidated: 2 },
    },
  },

  // ---- files that are not workbooks ----
  {
    name: "corrupt-xlsx-cut",
    inputs: [
      {
        workbook: {
          sheets: [sheet("Thôn", V, [bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x")])],
        },
        cut: 0.6,
      },
    ],
    expected: {
      description:
        "An .xlsx cut short (an interrupted copy or e-mail attachment): refused as damaged with one clear message.",
      fileError: "corrupt",
      issues: [],
    },
  },
  {
    name: "password-protected",
    inputs: [{ fixture: "password-protected.xlsx" }],
    expected: {
      description:
        "A workbook saved with a password to open (real ECMA-376 agile encryption): refused with one message telling how to remove the password.",
      fileError: "encrypted",
      issues: [],
    },
  },
  {
    name: "xls-renamed-xlsx",
    inputs: [{ fixture: "legacy.xls" }],
    expected: {
      description:
        "An old Excel 97–2003 .xls file renamed .xlsx: refused with one message saying to save it as .xlsx.",
      fileError: "legacy-xls",
      issues: [],
    },
  },
  {
    name: "html-table-renamed-xlsx",
    inputs: [
      {
        text: '<html><head><meta charset="utf-8"></head><body><table><tr><td>Tỉnh</td><td>Xã</td><td>Thôn</td></tr><tr><td>Lạng Sơn</td><td>Yên Lỗ</td><td>Pò Mầm</td></tr></table></body></html>\n',
      },
    ],
    expected: {
      description:
        "An HTML table saved with the .xlsx extension (what some web systems export as “Excel”): not a workbook, refused with one clear message.",
      fileError: "not-zip",
      issues: [],
    },
  },
  {
    name: "csv-semicolon-utf8-bom-renamed-xlsx",
    inputs: [{ text: "\ufeffTỉnh;Huyện;Xã;Thôn\r\nLạng Sơn;Bình Gia;Yên Lỗ;Pò Mầm\r\n" }],
    expected: {
      description:
        "A semicolon CSV with a UTF-8 byte-order mark, as Excel saves “CSV UTF-8” with Vietnamese regional settings, renamed .xlsx: refused with one clear message.",
      fileError: "not-zip",
      issues: [],
    },
  },

  // ---- office-holders ----
  {
    name: "office-holders-with-messy-cells",
    inputs: [
      workbook(
        sheet("Thôn", V, [bg("Yên Lỗ", "Pò Mầm", "", "", ""), bg("Yên Lỗ", "Khuổi Mè", "", "", "")]),
        sheet(
          "Cán bộ",
          [...HOLDER_HEADERS, "Năm sinh"],
          [
            ["Hoàng Văn Tuấn", "BTCB kiêm trưởng thôn", "Lạng Sơn", "Bình Gia", "Xã Yên Lỗ", "Pò Mầm", 1975],
            [
              "Nông Văn Hải".normalize("NFD"),
              "Bí thư chi bộ",
              "Lạng Sơn",
              "Bình Gia",
              "Yên Lỗ",
              "Khuổi Mè",
              { error: "#N/A" },
            ],
            [
              "Lương Văn Sơn",
              "Trưởng thôn",
              "Lạng Sơn",
              "Bình Gia",
              "YÊN LỖ",
              "khuổi mè",
              new Date(Date.UTC(1980, 4, 1)),
            ],
            ["", "Trưởng thôn", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", 1990],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "Office-holders decide the villages' status when the Villages sheet has no names: “BTCB kiêm trưởng thôn” makes Pò Mầm consolidated; Khuổi Mè's secretary and head are two people. An #N/A in Năm sinh is an error (age unknown), a birth date there gives its year; a row without a name is an error.",
      issues: [
        ["excel-error", "error", "Cán bộ", "G3", "#N/A"],
        ["missing-value", "error", "Cán bộ", "A5", "Họ và tên"],
      ],
      counts: { villages: 2, consolidated: 1, unknownStatus: 0, officeHolders: 3 },
    },
  },
];
