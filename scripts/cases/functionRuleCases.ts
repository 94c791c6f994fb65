import { TARGETS } from "../../src/core/schema/sheets";
import type { CellInput } from "../common/xlsxWrite";
import { bg, sheet, VILLAGE_HEADERS, workbook, type CaseDefinition, type IssueTuple } from "./definitions";
import type { ExpectedTarget } from "./format";

/**
 * Issue 14: the reader follows the NTH functions' rules. One yes/no vocabulary (src/core/flags.ts:
 * the dash "-" for no, check marks and ballot crosses, beside the words), and one rule for targets
 * (src/core/rateInput.ts, docs/custom-functions.md): 0.9, 90%, 90 and "trên 90%" are read as the
 * functions read them, and 1.2 is refused as ambiguous with a message that says how to write it.
 * Each expectation is what a careful clerk would expect, written by hand.
 */

const V = [...VILLAGE_HEADERS];
const TARGET_HEADERS = TARGETS.columns.map((c) => c.vi); // Chỉ tiêu, Đơn vị, Cấp, Mục tiêu, So sánh, Năm
const WITH_CELL = [
  "Tỉnh",
  "Huyện",
  "Xã",
  "Thôn",
  "Có chi bộ",
  "Bí thư chi bộ",
  "Trưởng thôn",
  "Nhất thể hóa",
];
const pct = (value: number): CellInput => ({ value, numFmt: "0%" });

/** Three Yên Lỗ villages, two consolidated: the Villages sheet the target cases need. */
const YEN_LO = sheet("Thôn", V, [
  bg("Yên Lỗ", "Pò Mầm", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "x"),
  bg("Yên Lỗ", "Khuổi Mè", "Nông Văn Hải", "Lương Văn Sơn", "Không"),
  bg("Yên Lỗ", "Khuổi Chặng", "Triệu Văn Sầm", "Triệu Văn Sầm", "x"),
]);

/** A row of Bình Gia's Villages sheet with the "Có chi bộ" column. */
const withCell = (village: string, hasCell: CellInput, secretary: string, head: string, flag: CellInput) => [
  "Lạng Sơn",
  "Bình Gia",
  "Yên Lỗ",
  village,
  hasCell,
  secretary,
  head,
  flag,
];

/** One target cell in the Targets sheet (district level, 2025), read as the functions read it. */
function targetCase(
  name: string,
  label: string,
  target: CellInput,
  read: ExpectedTarget | null,
  issues: readonly IssueTuple[] = [],
): CaseDefinition {
  const how = read
    ? `read as ${Number((read.target * 100).toPrecision(12))}% ${read.comparator === ">" ? "with “above” (>)" : "with “at least” (≥)"}, as NTH.UNITS_NEEDED reads it`
    : "refused at its cell, as the NTH functions refuse it";
  return {
    name,
    inputs: [
      workbook(
        YEN_LO,
        sheet("Chỉ tiêu", TARGET_HEADERS, [["village_secretary_head", "", "huyện", target, "", 2025]]),
      ),
    ],
    expected: {
      description: `The target ${label} in the Targets sheet is ${how}${issues.length ? "" : ", with no issue"}.`,
      issues,
      counts: { targets: read ? 1 : 0, villages: 3, consolidated: 2 },
      targets: read ? [read] : [],
    },
  };
}

const AT_LEAST_90: ExpectedTarget = { target: 0.9, comparator: ">=" };
const ABOVE_90: ExpectedTarget = { target: 0.9, comparator: ">" };

export const FUNCTION_RULE_CASES: readonly CaseDefinition[] = [
  {
    name: "flag-marks",
    inputs: [
      workbook(
        sheet("Thôn", WITH_CELL, [
          withCell("Pò Mầm", "✓", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "✓"),
          withCell("Khuổi Mè", "✔", "Nông Văn Hải", "Lương Văn Sơn", "-"),
          withCell("Khuổi Chặng", "-", "Triệu Văn Sầm", "Chu Văn Lâm", "✗"),
          // A dash in the head column is no name (blank), not "no": the flag decides.
          withCell("Nà Lẹng", "✓", "Vi Văn Cường", "-", "✔"),
          withCell("Bản Đáng", "✓", "Lương Văn Pháo", "Dương Văn Khoa", "✘"),
          withCell("Nà Ngà", "—", "Hà Thị Mai", "Lộc Văn Bình", "–"),
          withCell("Pác Lùng", "✓", "Hoàng Văn Nam", "Hoàng Văn Nam", "✔\ufe0f"),
        ]),
      ),
    ],
    expected: {
      description:
        "Flags written as marks, as in Vietnamese tables and as the NTH functions take them: “✓”, “✔” (also the emoji “✔️”) are yes; “-” and the dashes “–”, “—”, “✗”, “✘” are no; a dash in the head column is no name, so the flag decides. 3 of 7 consolidated, no issue.",
      issues: [],
      counts: { villages: 7, consolidated: 3, unknownStatus: 0 },
    },
  },
  {
    name: "flag-marks-unclear",
    inputs: [
      workbook(
        sheet("Thôn", WITH_CELL, [
          withCell("Pò Mầm", "×", "Hoàng Văn Tuấn", "Hoàng Văn Tuấn", "✓"),
          withCell("Khuổi Mè", "✓", "Nông Văn Hải", "Nông Văn Hải", "×"),
          withCell("Khuổi Chặng", "✓", "Triệu Văn Sầm", "Chu Văn Lâm", "--"),
          withCell("Nà Lẹng", "✓", "Vi Văn Cường", "Lộc Văn Bình", "✓✗"),
        ]),
      ),
    ],
    expected: {
      description:
        "“×” (the multiplication sign: an “x” for yes, or a cross for no?), “--” and “✓✗” are not flags: errors at their cells, in the Có chi bộ and the Nhất thể hóa columns alike; the bad Nhất thể hóa flags fall back to comparing the names (Pò Mầm by its flag, Khuổi Mè by the names: 2 of 4).",
      issues: [
        ["bad-flag", "error", "Thôn", "E2", "×", "Có chi bộ"],
        ["bad-flag", "error", "Thôn", "H3", "×", "Nhất thể hóa", "✓", "-", "✗"],
        ["bad-flag", "error", "Thôn", "H4", "--"],
        ["bad-flag", "error", "Thôn", "H5", "✓✗"],
      ],
      counts: { villages: 4, consolidated: 2, unknownStatus: 0 },
    },
  },
  targetCase("target-rule-fraction-0-9", "0.9 (a number)", 0.9, AT_LEAST_90),
  targetCase("target-rule-percent-cell-90", "90% (a number in a % cell)", pct(0.9), AT_LEAST_90),
  targetCase("target-rule-percent-text-90", "“90%” (text)", "90%", AT_LEAST_90),
  targetCase("target-rule-whole-90", "90 (a number)", 90, AT_LEAST_90),
  targetCase("target-rule-whole-text-90", "“90” (text)", "90", AT_LEAST_90),
  targetCase("target-rule-tren-90", "“trên 90%”", "trên 90%", ABOVE_90),
  targetCase("target-rule-greater-90", "“>90%”", ">90%", ABOVE_90),
  targetCase("target-rule-at-least-sign-90", "“≥90%”", "≥90%", AT_LEAST_90),
  targetCase("target-rule-dat-90", "“đạt 90%”", "đạt 90%", AT_LEAST_90),
  targetCase("target-rule-percent-space", "“90 %”", "90 %", AT_LEAST_90),
  targetCase("target-rule-decimal-comma-percent", "“90,5%”", "90,5%", { target: 0.905, comparator: ">=" }),
  targetCase("target-rule-small-percent", "“1,2%” (the way to write 1.2 percent)", "1,2%", {
    target: 0.012,
    comparator: ">=",
  }),
  targetCase("target-rule-ambiguous-1-2", "1.2 (a number: 120% or 1.2%?)", 1.2, null, [
    ["ambiguous-target", "error", "Chỉ tiêu", "D2", "1,2%", "120%", "1.2%"],
  ]),
  targetCase("target-rule-ambiguous-1-5", "1.5 (a number: 150% or 1.5%?)", 1.5, null, [
    ["ambiguous-target", "error", "Chỉ tiêu", "D2", "1,5%", "150%"],
  ]),
  targetCase("target-rule-ambiguous-text", "“trên 1,2” (text: 120% or 1.2%?)", "trên 1,2", null, [
    ["ambiguous-target", "error", "Chỉ tiêu", "D2", "1,2%"],
  ]),
  targetCase("target-rule-whole-150", "150 (a number, above 100%)", 150, null, [
    ["target-out-of-range", "error", "Chỉ tiêu", "D2", "150"],
  ]),
];
