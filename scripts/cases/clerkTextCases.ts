import { OFFICE_HOLDERS, TARGETS } from "../../src/core/schema/sheets";
import { encodeTcvn3, encodeVni } from "../../src/core/text/legacyEncoding";
import type { CellInput } from "../common/xlsxWrite";
import { bg, sheet, VILLAGE_HEADERS, workbook, type CaseDefinition, type IssueTuple } from "./definitions";

/**
 * Issue 10, the text half: what clerks type, read as they mean it. Invisible characters, sheets in
 * the legacy TCVN3 and VNI encodings, the head column ("Kiêm", ditto marks, forms of address, names
 * without diacritics), numbers as Vietnamese write them, a year in a date cell, post
 * abbreviations, two holders of one post, targets with their comparison, indicators by label.
 * Each expectation is what a careful clerk would expect, written by hand.
 */

const V = [...VILLAGE_HEADERS];
const HOLDER_HEADERS = OFFICE_HOLDERS.columns.slice(0, 6).map((c) => c.vi); // Họ và tên … Thôn
const TARGET_HEADERS = TARGETS.columns.map((c) => c.vi); // Chỉ tiêu, Đơn vị, Cấp, Mục tiêu, So sánh, Năm

/** Three Yên Lỗ villages whose secretary is the head, the head's name spoilt by `spoil`. */
function spoiltHeads(spoil: (name: string) => string): CellInput[][] {
  return [
    bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", spoil("Hoàng Văn Tuấn"), ""),
    bg("Yên Lỗ", "Khuổi Chặng", "Triệu Văn Sầm", spoil("Triệu Văn Sầm"), ""),
    bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", spoil("Nông Văn Hải"), ""),
    bg("Yên Lỗ", "Nà Lẹng", "Vi Văn Cường", "Lộc Văn Bình", ""),
  ];
}

/** A case about one invisible character: inside the heads' names and inside a repeated village name. */
function invisibleCase(name: string, label: string, ch: string): CaseDefinition {
  // Inside a word (not between words): the name would otherwise split ("Tu" + "ấn").
  const spoil = (n: string): string => n.replace(/(\S)(\S)$/u, `$1${ch}$2`).replace(/^(\S)/u, `$1${ch}`);
  return {
    name,
    inputs: [
      workbook(
        sheet("Thôn", V, [
          ...spoiltHeads(spoil),
          bg("Yên Lỗ", `Pò M${ch}ầm`, "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", ""),
        ]),
      ),
    ],
    expected: {
      description: `A ${label} inside the heads' names and inside a repeated village name is removed: the three secretaries are the heads (3 of 4 consolidated), and “Pò M${label}ầm” is a repeat of Pò Mầm, not a fifth village.`,
      issues: [["duplicate-village", "error", "Thôn", "D6", "Pò Mầm"]],
      counts: { villages: 4, consolidated: 3, unknownStatus: 0, communes: 1 },
    },
  };
}

/** Yên Lỗ as Bình Gia's clerk keeps it, cleanly typed (for the encoding cases). */
const CLEAN_ROWS: CellInput[][] = [
  bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "Có"),
  bg("Yên Lỗ", "Khuổi Chặng", "Triệu Văn Sầm", "Triệu Văn Sầm", "x"),
  bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Nông Văn Hải", "x"),
  bg("Yên Lỗ", "Nà Lẹng", "Vi Văn Cường", "Lộc Văn Bình", "Không"),
  bg("Yên Lỗ", "Bản Đáng", "Lương Văn Pháo", "Chu Văn Lâm", "Không"),
];

const encodeRows = (rows: readonly CellInput[][], encode: (t: string) => string): CellInput[][] =>
  rows.map((row) => row.map((cell) => (typeof cell === "string" ? encode(cell) : cell)));

/** A case about one spelling of "the secretary is also the head" in the head column. */
function kiemCase(name: string, text: string): CaseDefinition {
  return {
    name,
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", text, ""),
          bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", ""),
        ]),
      ),
    ],
    expected: {
      description: `“${text}” in the head column means the secretary is also the head: Pò Mầm is consolidated (1 of 2), with no issue.`,
      issues: [],
      counts: { villages: 2, consolidated: 1, unknownStatus: 0 },
    },
  };
}

/** Three Yên Lỗ villages for the office-holder cases (one consolidated). */
const YEN_LO = sheet("Thôn", V, [
  bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
  bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"),
  bg("Tân Văn", "Suối Cáp", "Hà Thị Mai", "Hà Thị Mai", "x"),
]);

/** A case about one way of typing a target with its comparison. */
function targetCase(name: string, text: string, comparator: ">" | ">="): CaseDefinition {
  return {
    name,
    inputs: [
      workbook(
        YEN_LO,
        sheet("Chỉ tiêu", TARGET_HEADERS, [["village_secretary_head", "", "huyện", text, "", 2025]]),
      ),
    ],
    expected: {
      description: `The target “${text}” is read as 90% with the comparison ${comparator === ">" ? "“above” (>)" : "“at least” (≥)"}, with no issue.`,
      issues: [],
      counts: { targets: 1, villages: 3, consolidated: 2 },
    },
  };
}

const legacyWarning = (sheetName: string, cell: string, words: string): IssueTuple => [
  "legacy-encoding",
  "warning",
  sheetName,
  cell,
  words,
];

export const CLERK_TEXT_CASES: readonly CaseDefinition[] = [
  // ---- invisible characters ----
  invisibleCase("invisible-soft-hyphen", "soft hyphen", "\u00ad"),
  invisibleCase("invisible-zero-width-space", "zero-width space", "\u200b"),
  invisibleCase("invisible-zero-width-joiner", "zero-width joiner", "\u200d"),
  invisibleCase("invisible-zero-width-non-joiner", "zero-width non-joiner", "\u200c"),
  invisibleCase("invisible-word-joiner", "word joiner", "\u2060"),
  invisibleCase("invisible-bom", "byte-order mark", "\ufeff"),

  // ---- legacy encodings ----
  {
    name: "tcvn3-whole-sheet",
    inputs: [workbook(sheet("Thôn", V.map(encodeTcvn3), encodeRows(CLEAN_ROWS, encodeTcvn3)))],
    expected: {
      description:
        "A sheet typed wholly in TCVN3 (.VnTime: “TØnh”, “Th«n”, “L¹ng S¬n”), headers included, is found as the Villages sheet and converted: the same figures as the clean sheet (3 of 5), one warning naming the encoding.",
      issues: [legacyWarning("Thôn", "A1", "TCVN3")],
      sheets: [{ sheet: "Thôn", kind: "villages", headerRow: 1 }],
      counts: { villages: 5, consolidated: 3, unknownStatus: 0, communes: 1, districts: 1 },
    },
  },
  {
    name: "tcvn3-data-under-unicode-headers",
    inputs: [workbook(sheet("Thôn", V, encodeRows(CLEAN_ROWS, encodeTcvn3)))],
    expected: {
      description:
        "Unicode headers over rows typed in TCVN3: the rows are converted (Unicode headers untouched), one warning at the first converted cell; 3 of 5 consolidated in one commune.",
      issues: [legacyWarning("Thôn", "A2", "TCVN3")],
      counts: { villages: 5, consolidated: 3, unknownStatus: 0, communes: 1 },
    },
  },
  {
    name: "tcvn3-file-next-to-unicode-file",
    inputs: [
      workbook(sheet("Thôn", V, CLEAN_ROWS)),
      workbook(sheet("Thôn", V, encodeRows(CLEAN_ROWS, encodeTcvn3))),
    ],
    expected: {
      description:
        "The same five villages in a Unicode file and in a TCVN3 file: after conversion they are the same villages, so each is counted once and each repeat is reported as a village in two submissions (not silently counted twice).",
      issues: [
        legacyWarning("Thôn", "A2", "TCVN3"),
        ["village-in-two-submissions", "error", "Thôn", "D2", "Pò Mầm"],
        ["village-in-two-submissions", "error", "Thôn", "D3", "Khuổi Chặng"],
        ["village-in-two-submissions", "error", "Thôn", "D4", "Khuổi Mè"],
        ["village-in-two-submissions", "error", "Thôn", "D5", "Nà Lẹng"],
        ["village-in-two-submissions", "error", "Thôn", "D6", "Bản Đáng"],
      ],
      counts: { villages: 5, consolidated: 3, communes: 1 },
    },
  },
  {
    name: "vni-whole-sheet",
    inputs: [workbook(sheet("Thôn", V.map(encodeVni), encodeRows(CLEAN_ROWS, encodeVni)))],
    expected: {
      description:
        "A sheet typed wholly in VNI (VNI-Times: “Thoân”, “Laïng Sôn”) is found and converted: the same figures as the clean sheet, one warning naming VNI.",
      issues: [legacyWarning("Thôn", "A1", "VNI")],
      sheets: [{ sheet: "Thôn", kind: "villages", headerRow: 1 }],
      counts: { villages: 5, consolidated: 3, unknownStatus: 0, communes: 1 },
    },
  },

  // ---- the head column ----
  kiemCase("head-kiem", "Kiêm"),
  kiemCase("head-bt-kiem", "BT kiêm"),
  kiemCase("head-bi-thu-kiem-nhiem-in-brackets", "(Bí thư kiêm nhiệm)"),
  kiemCase("head-bi-thu-kiem", "Bí thư kiêm"),
  kiemCase("head-dong-chi-bi-thu", "Đồng chí Bí thư"),
  kiemCase("head-bt-alone", "BT"),
  {
    name: "head-x-is-not-a-name",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "x", ""),
          bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", ""),
        ]),
      ),
    ],
    expected: {
      description:
        "“x” in the head column is no one's name: Pò Mầm's status is unknown and reported (not silently “not consolidated” against a person called “x”).",
      issues: [["consolidation-unknown", "warning", "Thôn", "D2"]],
      counts: { villages: 2, consolidated: 0, unknownStatus: 1 },
    },
  },
  {
    name: "ditto-marks",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", ""),
          bg("nt", "Khuổi Chặng", "Triệu Văn Sầm", "Triệu Văn Sầm", ""),
          bg("như trên", "Khuổi Mè", "Nông Văn Hải", "Nông Văn Hải", ""),
          bg('"', "Nà Lẹng", "Vi Văn Cường", "Lộc Văn Bình", ""),
          bg("”", "Bản Đáng", "Lương Văn Pháo", "Chu Văn Lâm", ""),
          bg("-nt-", "Nà Ngà", "Hà Văn Lâm", "nt", ""),
        ]),
      ),
    ],
    expected: {
      description:
        'Ditto marks (“nt”, “như trên”, ", ”, “-nt-”) in the commune column take the commune above (one commune, not six), each with a warning; “nt” in the head column takes the head above (Chu Văn Lâm), so Nà Ngà is not consolidated, also with a warning.',
      issues: [
        ["ditto-value", "warning", "Thôn", "C3", "Yên Lỗ"],
        ["ditto-value", "warning", "Thôn", "C4", "Yên Lỗ"],
        ["ditto-value", "warning", "Thôn", "C5", "Yên Lỗ"],
        ["ditto-value", "warning", "Thôn", "C6", "Yên Lỗ"],
        ["ditto-value", "warning", "Thôn", "C7", "Yên Lỗ"],
        ["ditto-value", "warning", "Thôn", "F7", "Chu Văn Lâm"],
      ],
      counts: { villages: 6, consolidated: 3, unknownStatus: 0, communes: 1 },
    },
  },
  {
    name: "honorifics-in-names",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "Đ/c Hoàng Văn E", "Hoàng Văn E", ""),
          bg("Yên Lỗ", "Khuổi Chặng", "Triệu Văn Sầm", "đ/c Triệu Văn Sầm", ""),
          bg("Yên Lỗ", "Khuổi Mè", "Đồng chí Nông Văn Hải", "Nông Văn Hải", ""),
          bg("Yên Lỗ", "Nà Lẹng", "Ông Vi Văn Cường", "Vi Văn Cường", ""),
          bg("Yên Lỗ", "Bản Đáng", "Bà Hà Thị Mai", "Hà Thị Mai", ""),
          bg("Yên Lỗ", "Nà Ngà", "Anh Lương Văn Pháo", "Lương Văn Pháo", ""),
          bg("Yên Lỗ", "Pác Lùng", "Chị Chu Thị Lâm", "Chu Thị Lâm", ""),
          bg("Yên Lỗ", "Nà Pàn", "Đ/c Dương Văn Khoa", "Đ/c Lộc Văn Bình", ""),
        ]),
      ),
    ],
    expected: {
      description:
        "Forms of address (Đ/c, đ/c, Đồng chí, Ông, Bà, Anh, Chị) are ignored when comparing the secretary with the head: seven of eight villages are consolidated, the eighth has two different people.",
      issues: [],
      counts: { villages: 8, consolidated: 7, unknownStatus: 0 },
    },
  },
  {
    name: "name-without-diacritics",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn D", "Hoang Van D", ""),
          bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", ""),
        ]),
      ),
    ],
    expected: {
      description:
        "“Hoang Van D” and “Hoàng Văn D” differ only in diacritics: probably one person, counted as consolidated, with a warning at the head's cell saying so.",
      issues: [["names-differ-in-diacritics", "warning", "Thôn", "F2", "Hoang Van D", "Hoàng Văn D"]],
      counts: { villages: 2, consolidated: 1, unknownStatus: 0 },
    },
  },

  {
    name: "names-differ-in-marks",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "Nguyễn Thị Hòa", "Nguyễn Thị Hoa", ""),
          bg("Yên Lỗ", "Khuổi Mè", "Hoàng Văn Đức", "Hoàng Văn Dục", ""),
          bg("Yên Lỗ", "Nà Pàn", "Hoang Van Duc", "Hoàng Văn Đức", ""),
        ]),
      ),
    ],
    expected: {
      description:
        "Names both typed with diacritics that differ (“Hòa” / “Hoa”, “Đức” / “Dục”) are different names: two people, counted as not consolidated, with a warning at the head's cell; only a name typed with no diacritics at all (“Hoang Van Duc”) is probably the same person.",
      issues: [
        ["names-differ-in-marks", "warning", "Thôn", "F2", "Nguyễn Thị Hòa", "Nguyễn Thị Hoa"],
        ["names-differ-in-marks", "warning", "Thôn", "F3", "Hoàng Văn Đức", "Hoàng Văn Dục"],
        ["names-differ-in-diacritics", "warning", "Thôn", "F4", "Hoang Van Duc", "Hoàng Văn Đức"],
      ],
      counts: { villages: 3, consolidated: 1, unknownStatus: 0 },
    },
  },
  {
    name: "honorific-without-space",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "Đ/cHoàng Văn E", "Hoàng Văn E", ""),
          bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "đ.cNông Văn Hải", ""),
        ]),
      ),
    ],
    expected: {
      description:
        "“Đ/c” or “đ.c” typed with no space before the name (“Đ/cHoàng Văn E”) is still a form of address: both villages are consolidated, without any issue.",
      issues: [],
      counts: { villages: 2, consolidated: 2, unknownStatus: 0 },
    },
  },

  // ---- numbers ----
  {
    name: "count-with-thousands-separators",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          [...V, "Số đảng viên"],
          [
            [...bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"), "1.000"],
            [...bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"), "1 000"],
            [...bg("Yên Lỗ", "Nà Lẹng", "Vi Văn Cường", "Vi Văn Cường", "x"), 12],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "“1.000” and “1 000” in a count column are one thousand each (a dot or a space groups thousands in Vietnamese), counted with the usual note that they are text: 2,012 party members.",
      issues: [
        ["number-as-text", "warning", "Thôn", "H2", "1.000"],
        ["number-as-text", "warning", "Thôn", "H3", "1 000"],
      ],
      counts: { villages: 3, partyMembers: 2012 },
    },
  },
  {
    name: "count-with-decimal-comma",
    inputs: [
      workbook(
        sheet(
          "Thôn",
          [...V, "Số đảng viên"],
          [
            [...bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"), "2,5"],
            [...bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"), "1.500,0"],
            [...bg("Yên Lỗ", "Nà Lẹng", "Vi Văn Cường", "Vi Văn Cường", "x"), "7"],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "A comma is the decimal mark: “2,5” party members is two and a half, not a whole number, so an error and not counted; “1.500,0” is one thousand five hundred: 1,507 party members.",
      issues: [
        ["bad-count", "error", "Thôn", "H2", "2,5"],
        ["number-as-text", "warning", "Thôn", "H3", "1.500,0"],
        ["number-as-text", "warning", "Thôn", "H4", "7"],
      ],
      counts: { villages: 3, partyMembers: 1507 },
    },
  },
  {
    name: "birth-year-in-date-cell",
    inputs: [
      workbook(
        YEN_LO,
        sheet(
          "Cán bộ",
          [...HOLDER_HEADERS, "Năm sinh"],
          [
            [
              "Hoàng Văn Tuấn",
              "Bí thư chi bộ",
              "Lạng Sơn",
              "Bình Gia",
              "Yên Lỗ",
              "Pò Mầm",
              { value: 1990, numFmt: "dd/mm/yyyy" },
            ],
            ["Nông Văn Hải", "Bí thư chi bộ", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", 1975],
          ],
        ),
      ),
    ],
    expected: {
      description:
        "1990 typed into a date-formatted birth-year cell (Excel shows 12/06/1905) is read as the year typed, 1990, with a warning to format the cell as a number.",
      issues: [["year-from-date", "warning", "Cán bộ", "G2", "1990"]],
      counts: { officeHolders: 2 },
    },
  },

  // ---- posts ----
  {
    name: "post-abbreviations",
    inputs: [
      workbook(
        YEN_LO,
        sheet("Cán bộ", HOLDER_HEADERS, [
          ["Lương Văn Đức", "BTĐU", "Lạng Sơn", "Bình Gia", "Yên Lỗ", ""],
          ["Nông Thị Hoa", "PBT TT", "Lạng Sơn", "Bình Gia", "Yên Lỗ", ""],
          ["Vi Văn Cường", "CT UBND", "Lạng Sơn", "Bình Gia", "Yên Lỗ", ""],
          ["Hà Văn Lâm", "CTHĐND", "Lạng Sơn", "Bình Gia", "Yên Lỗ", ""],
          ["Chu Văn Lâm", "Bí thư ĐU - Chủ tịch UBND", "Lạng Sơn", "Bình Gia", "Tân Văn", ""],
          ["Lộc Thị Lan", "PBTĐU / CT HĐND", "Lạng Sơn", "Bình Gia", "Tân Văn", ""],
          ["Hoàng Văn Tuấn", "BTCB - TT", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm"],
          ["Nông Văn Hải", "BT CB", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè"],
          ["Lương Văn Sơn", "TT/TB", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè"],
          ["Hà Thị Mai", "BTCB kiêm TBCTMT", "Lạng Sơn", "Bình Gia", "Tân Văn", "Suối Cáp"],
        ]),
      ),
    ],
    expected: {
      description:
        "Posts as clerks abbreviate them (BTĐU, PBT TT, CT UBND, CTHĐND, BTCB, BT CB, TT/TB, TBCTMT) and joined by “-”, “/” or “kiêm” are all recognised: no unknown post, every row counted.",
      issues: [],
      counts: { officeHolders: 10, villages: 3, consolidated: 2 },
    },
  },
  {
    name: "two-chairs-of-one-commune",
    inputs: [
      workbook(
        YEN_LO,
        sheet("Cán bộ", HOLDER_HEADERS, [
          ["Lương Văn Đức", "Bí thư đảng ủy", "Lạng Sơn", "Bình Gia", "Yên Lỗ", ""],
          ["Vi Văn Cường", "Chủ tịch UBND", "Lạng Sơn", "Bình Gia", "Yên Lỗ", ""],
          ["Hà Văn Lâm", "Chủ tịch UBND", "Lạng Sơn", "Bình Gia", "Yên Lỗ", ""],
        ]),
      ),
    ],
    expected: {
      description:
        "Two different people as People's Committee chair of Yên Lỗ: a warning at both rows, each naming the other.",
      issues: [
        ["post-held-twice", "warning", "Cán bộ", "B3", "Chủ tịch UBND", "Hà Văn Lâm"],
        ["post-held-twice", "warning", "Cán bộ", "B4", "Chủ tịch UBND", "Vi Văn Cường"],
      ],
      counts: { officeHolders: 3 },
    },
  },
  {
    name: "two-secretaries-of-one-village",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "", "", ""),
          bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", ""),
        ]),
        sheet("Cán bộ", HOLDER_HEADERS, [
          ["Hoàng Văn Tuấn", "Bí thư chi bộ", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm"],
          ["Triệu Văn Sầm", "Bí thư chi bộ", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm"],
          ["Hoàng Văn Tuấn", "Trưởng thôn", "Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm"],
        ]),
      ),
    ],
    expected: {
      description:
        "Two different cell secretaries of Pò Mầm: a warning at both rows. One of them is also the head, so Pò Mầm still counts as consolidated.",
      issues: [
        ["post-held-twice", "warning", "Cán bộ", "B2", "Pò Mầm", "Triệu Văn Sầm"],
        ["post-held-twice", "warning", "Cán bộ", "B3", "Pò Mầm", "Hoàng Văn Tuấn"],
      ],
      counts: { officeHolders: 3, villages: 2, consolidated: 1 },
    },
  },

  // ---- targets ----
  targetCase("target-tren-90", "trên 90%", ">"),
  targetCase("target-greater-than-90", "> 90%", ">"),
  targetCase("target-at-least-sign-90", "≥ 90%", ">="),
  targetCase("target-ascii-at-least-90", ">=90%", ">="),
  targetCase("target-dat-90", "đạt 90%", ">="),
  targetCase("target-tu-90-tro-len", "từ 90% trở lên", ">="),
  {
    name: "target-comparator-column-contradicts",
    inputs: [
      workbook(
        YEN_LO,
        sheet("Chỉ tiêu", TARGET_HEADERS, [
          ["village_secretary_head", "", "huyện", "trên 90%", "≥", 2025],
          ["village_secretary_head", "", "xã", "đạt 90%", "đạt", 2025],
        ]),
      ),
    ],
    expected: {
      description:
        "“trên 90%” with “≥” in the So sánh column: the two disagree, a warning at the comparator cell, and the words in the target cell are used; “đạt 90%” with “đạt” agree: no issue.",
      issues: [["comparator-contradicts-target", "warning", "Chỉ tiêu", "E2", "trên 90%"]],
      counts: { targets: 2 },
    },
  },
  {
    name: "indicator-by-label",
    inputs: [
      workbook(
        YEN_LO,
        sheet("Chỉ tiêu", TARGET_HEADERS, [
          ["Bí thư chi bộ kiêm trưởng thôn", "", "huyện", 0.9, "", 2025],
          ["BT kiêm TT", "", "huyện", 0.8, "", 2024],
          ["Tỷ lệ bí thư chi bộ kiêm trưởng thôn, tổ dân phố", "", "huyện", 0.7, "", 2023],
          ["bi thu dang uy kiem chu tich ubnd", "", "xã", 0.5, "", 2025],
          ["Village cell secretary is also village head", "", "xã", 0.9, "", 2025],
        ]),
      ),
    ],
    expected: {
      description:
        "Indicators named by their Vietnamese or English label or a common short form (case and diacritics ignored) are accepted: five targets, no unknown indicator.",
      issues: [],
      counts: { targets: 5 },
    },
  },

  // ---- all at once ----
  {
    name: "yen-lo-as-typed",
    inputs: [
      workbook(
        sheet("Thôn", V, [
          bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "BT kiêm", ""),
          bg("nt", "Khuổi Chặng", "Đ/c Triệu Văn Sầm", "Triệu Văn Sầm", ""),
          bg("nt", "Khuổi Mè", "Nông Văn Hải", "Nong Van Hai", ""),
          bg("nt", "Nà Lẹng", "Vi Văn Cường", "Lộc Văn Bình", ""),
          bg("nt", "Bản Đáng", "Lương Văn Pháo", "Chu Văn Lâm", ""),
          bg("nt", "Nà Ngà", "Hà Văn Lâm", "Dương Văn Khoa", ""),
          bg("nt", "Pác Lùng", "Lộc Văn Tài", "Hoàng Văn Bảy", ""),
          bg("nt", "Nà Pàn", "Chu Văn Thắng", "Nông Văn Tú", ""),
          bg("nt", "Khuổi Khú", "Lương Thị Hằng", "Vi Văn Thủy", ""),
        ]),
      ),
    ],
    expected: {
      description:
        "Yên Lỗ's nine villages as a clerk typed them (“nt” for the commune, “BT kiêm”, “Đ/c”, a head without diacritics): 3 of 9 consolidated — Pò Mầm, Khuổi Chặng, Khuổi Mè — as the newspaper reported, in one commune.",
      issues: [
        ...["C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10"].map((cell): IssueTuple => [
          "ditto-value",
          "warning",
          "Thôn",
          cell,
          "Yên Lỗ",
        ]),
        ["names-differ-in-diacritics", "warning", "Thôn", "F4", "Nong Van Hai"],
      ],
      counts: { villages: 9, consolidated: 3, unknownStatus: 0, communes: 1 },
    },
  },
];
