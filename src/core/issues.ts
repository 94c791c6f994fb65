/**
 * Problems in the data are values, never exceptions: every problem the core finds becomes an
 * `Issue` with its place (file, sheet, cell) and a message in Vietnamese and English.
 * The catalogue below is the only place messages are written.
 */

/**
 * "error": a value is wrong or missing and the row or sheet is not (fully) used; "warning": read, but
 * check it; "info": what the reader did that a clerk may want to see (a sheet or rows it skipped),
 * never counted as a problem.
 */
export type Severity = "error" | "warning" | "info";

export interface Message {
  readonly vi: string;
  readonly en: string;
}

export interface Issue {
  readonly severity: Severity;
  readonly code: IssueCode;
  /** Workbook label (file name); empty for the open workbook. */
  readonly file: string;
  /** Sheet name; empty for problems of the whole workbook. */
  readonly sheet: string;
  /** A1 address of the cell (or a range such as "A5:N5"); empty when the problem has no single cell. */
  readonly cell: string;
  readonly message: Message;
}

export interface IssuePlace {
  readonly file: string;
  readonly sheet: string;
  readonly cell: string;
}

/** Characters of a cell's text a message quotes: enough to recognise it; the cell is named anyway. */
const QUOTE_LIMIT = 120;

/** Quotes a name or a cell's text, cut to QUOTE_LIMIT characters ("…") so a message stays one line to read. */
const q = (s: string): string => {
  if (s.length <= QUOTE_LIMIT) return `“${s}”`;
  const end = /[\ud800-\udbff]/.test(s.charAt(QUOTE_LIMIT - 2)) ? QUOTE_LIMIT - 2 : QUOTE_LIMIT - 1;
  return `“${s.slice(0, end)}…”`;
};

/** Why a sheet is not read as data, in both languages (made by the reader, see read/candidates.ts). */
export interface SheetSkipWhy {
  readonly vi: string;
  readonly en: string;
}

/** Rows the reader classified as not data and skipped (blank rows are skipped without a word). */
export type SkippedRowKind = "header" | "numbering" | "heading" | "total" | "note";

const SKIPPED_ROW_WORDS: Record<SkippedRowKind, Message> = {
  header: { vi: "dòng tiêu đề lặp lại", en: "repeated header row" },
  numbering: { vi: "dòng đánh số cột", en: "column-numbering row" },
  heading: { vi: "dòng đề mục (tên xã, nhóm)", en: "heading row (commune or group)" },
  total: { vi: "dòng cộng/tổng", en: "subtotal or total row" },
  note: { vi: "dòng ghi chú, dòng mẫu", en: "note or sample row" },
};

/** Every kind of problem, with its severity and its message in both languages. */
export const ISSUE_CATALOGUE = {
  "no-standard-sheet": {
    severity: "error",
    message: (p: {
      file: string;
      /** The sheet that came nearest, when there is one. */
      best?: string;
      /** Its missing required columns, as the clerk sees them ("Tỉnh, Thôn"). */
      lacks?: string;
      lacksEn?: string;
      /** The nearest sheet is a summary or tally table: never advise adding columns to it. */
      summary?: boolean;
    }): Message => {
      if (p.best && p.summary) {
        return {
          vi: `Không tìm thấy danh sách thôn trong ${q(p.file)}: trang ${q(p.best)} là bảng tổng hợp (số liệu theo đơn vị), không phải danh sách từng thôn. Cần một trang mỗi dòng một thôn, có các cột Tỉnh, Xã, Thôn.`,
          en: `No list of villages found in ${q(p.file)}: sheet ${q(p.best)} is a summary table (figures per unit), not a list of villages. A sheet with one row per village and the columns Province, Commune and Village is needed.`,
        };
      }
      if (p.best && p.lacks) {
        return {
          vi: `Không có trang Thôn dùng được trong ${q(p.file)}: trang gần nhất là ${q(p.best)} nhưng thiếu cột ${p.lacks}.`,
          en: `No usable Villages sheet in ${q(p.file)}: the nearest is sheet ${q(p.best)}, which lacks the column(s) ${p.lacksEn}.`,
        };
      }
      return {
        vi: `Không tìm thấy trang Thôn (danh sách thôn, tổ dân phố) trong ${q(p.file)}: cần một trang có các cột Tỉnh, Xã, Thôn.`,
        en: `No Villages sheet found in ${q(p.file)}: a sheet needs the columns Province, Commune and Village.`,
      };
    },
  },
  "sheet-skipped": {
    severity: "info",
    message: (p: { sheet: string; why: SheetSkipWhy }): Message => ({
      vi: `Trang ${q(p.sheet)} không được đọc làm số liệu: ${p.why.vi}.`,
      en: `Sheet ${q(p.sheet)} is not read as data: ${p.why.en}.`,
    }),
  },
  "hidden-sheet-read": {
    severity: "info",
    message: (p: { sheet: string; kind: string; kindEn: string }): Message => ({
      vi: `Trang ${q(p.sheet)} đang ẩn nhưng vẫn được đọc vì không có trang ${p.kind} nào khác đang hiện.`,
      en: `Sheet ${q(p.sheet)} is hidden but is read, as no visible ${p.kindEn} sheet exists.`,
    }),
  },
  "rows-skipped": {
    severity: "info",
    message: (p: { sheet: string; kind: SkippedRowKind; count: number; rows: string }): Message => ({
      vi: `Trang ${q(p.sheet)}: bỏ qua ${p.count} ${SKIPPED_ROW_WORDS[p.kind].vi} (dòng ${p.rows}).`,
      en: `Sheet ${q(p.sheet)}: ${p.count} ${SKIPPED_ROW_WORDS[p.kind].en}${p.count === 1 ? "" : "s"} skipped (row${p.count === 1 ? "" : "s"} ${p.rows}).`,
    }),
  },
  "missing-column": {
    severity: "error",
    message: (p: { column: string; columnEn: string; sheet: string }): Message => ({
      vi: `Trang ${q(p.sheet)} thiếu cột bắt buộc ${q(p.column)}. Hãy thêm cột này vào dòng tiêu đề.`,
      en: `Sheet ${q(p.sheet)} lacks the required column ${q(p.columnEn)}. Add it to the header row.`,
    }),
  },
  "duplicate-column": {
    severity: "warning",
    message: (p: { column: string; columnEn: string; first: string }): Message => ({
      vi: `Cột ${q(p.column)} xuất hiện hai lần; chỉ dùng cột đầu tiên (${p.first}).`,
      en: `Column ${q(p.columnEn)} appears twice; only the first (${p.first}) is used.`,
    }),
  },
  "missing-value": {
    severity: "error",
    message: (p: { column: string; columnEn: string }): Message => ({
      vi: `Thiếu giá trị bắt buộc ở cột ${q(p.column)}; dòng này không được tính.`,
      en: `Required value missing in column ${q(p.columnEn)}; this row is not counted.`,
    }),
  },
  "excel-error": {
    severity: "error",
    message: (p: { code: string; column: string; columnEn: string }): Message => ({
      vi: `Ô có lỗi Excel ${p.code} ở cột ${q(p.column)}; hãy sửa công thức hoặc nhập giá trị.`,
      en: `The cell holds the Excel error ${p.code} in column ${q(p.columnEn)}; fix the formula or type a value.`,
    }),
  },
  "bad-flag": {
    severity: "error",
    message: (p: { text: string; column: string; columnEn: string }): Message => ({
      vi: `${q(p.text)} không phải giá trị Có/Không ở cột ${q(p.column)}. Dùng x, ✓, Có, Không, -, ✗, 1, 0, TRUE hoặc FALSE.`,
      en: `${q(p.text)} is not a yes/no value in column ${q(p.columnEn)}. Use x, ✓, Yes, No, -, ✗, 1, 0, TRUE or FALSE.`,
    }),
  },
  "bad-count": {
    severity: "error",
    message: (p: { text: string; column: string; columnEn: string }): Message => ({
      vi: `${q(p.text)} không phải số nguyên không âm ở cột ${q(p.column)}.`,
      en: `${q(p.text)} is not a whole number ≥ 0 in column ${q(p.columnEn)}.`,
    }),
  },
  "number-as-text": {
    severity: "warning",
    message: (p: { text: string; column: string; columnEn: string }): Message => ({
      vi: `Số ${q(p.text)} ở cột ${q(p.column)} được lưu dạng văn bản; vẫn được tính.`,
      en: `The number ${q(p.text)} in column ${q(p.columnEn)} is stored as text; it is still counted.`,
    }),
  },
  "not-text": {
    severity: "warning",
    message: (p: { text: string; column: string; columnEn: string }): Message => ({
      vi: `Cột ${q(p.column)} cần chữ nhưng ô chứa ${q(p.text)} (ngày hoặc giá trị logic); được đọc như chữ.`,
      en: `Column ${q(p.columnEn)} expects text but the cell holds ${q(p.text)} (a date or logical value); read as text.`,
    }),
  },
  "bad-year": {
    severity: "warning",
    message: (p: { text: string }): Message => ({
      vi: `Năm sinh ${q(p.text)} không hợp lệ (cần số năm như 1975); bỏ qua khi tính độ tuổi.`,
      en: `Birth year ${q(p.text)} is not valid (expected a year such as 1975); ignored for age.`,
    }),
  },
  "bad-date": {
    severity: "warning",
    message: (p: { text: string }): Message => ({
      vi: `Ngày ${q(p.text)} không đọc được (dùng dạng 15/9/2025); bỏ qua.`,
      en: `Date ${q(p.text)} cannot be read (use 15/9/2025); ignored.`,
    }),
  },
  "unknown-village-type": {
    severity: "warning",
    message: (p: { text: string }): Message => ({
      vi: `Loại ${q(p.text)} không thuộc danh mục (thôn, bản, ấp, làng, xóm, khối phố, khu phố, tổ dân phố).`,
      en: `Type ${q(p.text)} is not in the list (thôn, bản, ấp, làng, xóm, khối phố, khu phố, tổ dân phố).`,
    }),
  },
  "duplicate-village": {
    severity: "error",
    message: (p: { village: string; commune: string; first: string }): Message => ({
      vi: `Thôn ${q(p.village)} (xã ${p.commune}) đã có ở ô ${p.first}; dòng trùng này không được tính.`,
      en: `Village ${q(p.village)} (commune ${p.commune}) already appears at ${p.first}; this duplicate row is not counted.`,
    }),
  },
  "flag-contradicts-names": {
    severity: "warning",
    message: (p: { flag: boolean; secretary: string; head: string }): Message => ({
      vi: p.flag
        ? `Đánh dấu nhất thể hóa nhưng bí thư (${p.secretary}) và trưởng thôn (${p.head}) khác tên; theo ô đánh dấu.`
        : `Đánh dấu chưa nhất thể hóa nhưng bí thư và trưởng thôn cùng tên (${p.secretary}); theo ô đánh dấu.`,
      en: p.flag
        ? `Marked as consolidated but the secretary (${p.secretary}) and head (${p.head}) differ; the flag is used.`
        : `Marked as not consolidated but the secretary and head have the same name (${p.secretary}); the flag is used.`,
    }),
  },
  "consolidation-unknown": {
    severity: "warning",
    message: (p: { village: string }): Message => ({
      vi: `Chưa rõ thôn ${q(p.village)} đã nhất thể hóa chưa (không có ô đánh dấu, tên bí thư, trưởng thôn); tính là chưa.`,
      en: `Unknown whether village ${q(p.village)} is consolidated (no flag, no secretary or head names); counted as not.`,
    }),
  },
  "unknown-post": {
    severity: "error",
    message: (p: { text: string }): Message => ({
      vi: `Chức danh ${q(p.text)} không nhận ra. Dùng ví dụ: Bí thư chi bộ, Trưởng thôn, Bí thư đảng ủy, Chủ tịch UBND, Chủ tịch HĐND.`,
      en: `Post ${q(p.text)} is not recognised. Use e.g. Cell secretary, Village head, Commune party secretary, People's Committee chair.`,
    }),
  },
  "village-post-without-village": {
    severity: "warning",
    message: (p: { post: string }): Message => ({
      vi: `Chức danh cấp thôn ${q(p.post)} nhưng cột Thôn để trống.`,
      en: `Village post ${q(p.post)} but the Village column is empty.`,
    }),
  },
  "unknown-qualification": {
    severity: "warning",
    message: (p: { text: string; column: string; columnEn: string }): Message => ({
      vi: `${q(p.text)} ở cột ${q(p.column)} không nhận ra; không được tính vào chỉ số chất lượng.`,
      en: `${q(p.text)} in column ${q(p.columnEn)} is not recognised; not counted in the quality indicators.`,
    }),
  },
  "unknown-indicator": {
    severity: "error",
    message: (p: { text: string }): Message => ({
      vi: `Chỉ tiêu ${q(p.text)} không có trong danh mục; dòng mục tiêu này bị bỏ qua.`,
      en: `Indicator ${q(p.text)} is not in the catalogue; this target row is ignored.`,
    }),
  },
  "bad-target": {
    severity: "error",
    message: (p: { text: string }): Message => ({
      vi: `Mục tiêu ${q(p.text)} không đọc được; nhập như 90%, 0,9 hoặc 90.`,
      en: `Target ${q(p.text)} cannot be read; type it as 90%, 0.9 or 90.`,
    }),
  },
  "ambiguous-target": {
    severity: "error",
    message: (p: { text: string; value: number }): Message => {
      const vi = String(p.value).replace(".", ",");
      const percent = Number((p.value * 100).toPrecision(12));
      return {
        vi: `Mục tiêu ${q(p.text)} không rõ: là ${String(percent).replace(".", ",")}% hay ${vi}%? Nếu là ${vi} phần trăm, nhập "${vi}%" (số từ 0 đến 1 là tỷ lệ: 0,9 = 90%; số từ 2 đến 100 là phần trăm: 90 = 90%); dòng này bị bỏ qua.`,
        en: `Target ${q(p.text)} is ambiguous: ${percent}% or ${p.value}%? For ${p.value} percent type "${p.value}%" (0 to 1 is a fraction: 0.9 = 90%; 2 to 100 is a percent: 90 = 90%); this row is ignored.`,
      };
    },
  },
  "target-out-of-range": {
    severity: "error",
    message: (p: { text: string }): Message => ({
      vi: `Mục tiêu ${q(p.text)} nằm ngoài khoảng 0–100%; dòng này bị bỏ qua.`,
      en: `Target ${q(p.text)} is outside 0–100%; this row is ignored.`,
    }),
  },
  "quota-sum": {
    severity: "warning",
    message: (p: { unit: string; typed: number; needed: number }): Message => ({
      vi: `Chỉ tiêu giao cho các đơn vị trực thuộc ${p.unit} cộng lại là ${p.typed}, nhưng ${p.unit} cần thêm ${p.needed}: ${p.typed < p.needed ? `thiếu ${p.needed - p.typed}` : `thừa ${p.typed - p.needed}`}.`,
      en: `The quotas assigned to the units of ${p.unit} add up to ${p.typed}, but ${p.unit} needs ${p.needed} more: ${p.typed < p.needed ? `${p.needed - p.typed} short` : `${p.typed - p.needed} too many`}.`,
    }),
  },
  "quota-over-capacity": {
    severity: "warning",
    message: (p: { unit: string; quota: number; room: number }): Message => ({
      vi: `Chỉ tiêu giao cho ${p.unit} là ${p.quota}, nhiều hơn số thôn chưa nhất thể hóa của đơn vị (${p.room}).`,
      en: `The quota assigned to ${p.unit} is ${p.quota}, more than its villages not yet consolidated (${p.room}).`,
    }),
  },
  "quota-without-unit": {
    severity: "warning",
    message: (p: { quota: number }): Message => ({
      vi: `Chỉ tiêu giao ${p.quota} ở dòng không ghi đơn vị (áp dụng cho cả cấp): chỉ tiêu giao phải ghi cho từng đơn vị; bỏ qua.`,
      en: `Assigned quota ${p.quota} on a row that names no unit (a target for a whole level): a quota is for one unit; ignored.`,
    }),
  },
  "quota-no-parent-plan": {
    severity: "warning",
    message: (p: { unit: string; quota: number }): Message => ({
      vi: `Chỉ tiêu giao ${p.quota} cho ${p.unit} không được đối chiếu: cấp trên của đơn vị này không có chỉ tiêu, hoặc dòng này không phải chỉ tiêu đang áp dụng cho đơn vị.`,
      en: `Assigned quota ${p.quota} for ${p.unit} is not checked: the unit's parent has no target, or this row is not the target that applies to the unit.`,
    }),
  },
  "bad-level": {
    severity: "error",
    message: (p: { text: string }): Message => ({
      vi: `Cấp ${q(p.text)} không nhận ra; dùng tỉnh, huyện, xã (hoặc thôn trong danh sách đơn vị).`,
      en: `Level ${q(p.text)} is not recognised; use province, district, commune (or village in the unit list).`,
    }),
  },
  "bad-comparator": {
    severity: "error",
    message: (p: { text: string }): Message => ({
      vi: `So sánh ${q(p.text)} không nhận ra; dùng ≥ (đạt) hoặc > (trên).`,
      en: `Comparator ${q(p.text)} is not recognised; use ≥ (at least) or > (above).`,
    }),
  },
  "duplicate-target": {
    severity: "warning",
    message: (p: { first: string }): Message => ({
      vi: `Mục tiêu này trùng với dòng ở ô ${p.first}; dùng dòng đầu tiên.`,
      en: `This target duplicates the row at ${p.first}; the first row is used.`,
    }),
  },
  "target-unit-not-found": {
    severity: "warning",
    message: (p: { text: string }): Message => ({
      vi: `Đơn vị ${q(p.text)} của mục tiêu không có trong dữ liệu.`,
      en: `Target unit ${q(p.text)} does not occur in the data.`,
    }),
  },
  "mixed-hierarchy": {
    severity: "error",
    message: (p: { province: string; withDistrict: number; withoutDistrict: number }): Message => ({
      vi: `Tỉnh ${q(p.province)} trộn ${p.withDistrict} dòng có huyện và ${p.withoutDistrict} dòng không có huyện (mô hình hai cấp). Hãy thống nhất một cách ghi.`,
      en: `Province ${q(p.province)} mixes ${p.withDistrict} rows with a district and ${p.withoutDistrict} rows without (two-tier). Use one form throughout.`,
    }),
  },
  "commune-in-two-districts": {
    severity: "error",
    message: (p: { commune: string; first: string; second: string }): Message => ({
      vi: `Xã ${q(p.commune)} được ghi thuộc hai huyện: ${p.first} và ${p.second}.`,
      en: `Commune ${q(p.commune)} is listed under two districts: ${p.first} and ${p.second}.`,
    }),
  },
  "unit-not-in-villages": {
    severity: "warning",
    message: (p: { unit: string }): Message => ({
      vi: `Đơn vị ${q(p.unit)} có cán bộ nhưng không có trong trang Thôn.`,
      en: `Unit ${q(p.unit)} has office-holders but is not in the Villages sheet.`,
    }),
  },
  "submission-superseded": {
    severity: "warning",
    message: (p: { unit: string; older: string; newer: string }): Message => ({
      vi: `Đơn vị ${q(p.unit)} nộp hai lần: dùng tệp ${q(p.newer)} (lập sau), bỏ tệp ${q(p.older)}.`,
      en: `Unit ${q(p.unit)} submitted twice: using ${q(p.newer)} (the newer), not ${q(p.older)}.`,
    }),
  },
  "village-in-two-submissions": {
    severity: "error",
    message: (p: { village: string; commune: string; used: string; other: string }): Message => ({
      vi: `Thôn ${q(p.village)} (xã ${p.commune}) có trong hai tệp nộp: ${q(p.used)} và ${q(p.other)}; dùng số liệu của ${q(p.used)}.`,
      en: `Village ${q(p.village)} (commune ${p.commune}) is in two submissions: ${q(p.used)} and ${q(p.other)}; the data of ${q(p.used)} is used.`,
    }),
  },
  "commune-claimed-twice": {
    severity: "warning",
    message: (p: { commune: string; first: string; second: string }): Message => ({
      vi: `Xã ${q(p.commune)} có trong hai tệp nộp thuộc hai huyện khác nhau (${p.first}; ${p.second}); hãy kiểm tra có phải cùng một xã không.`,
      en: `Commune ${q(p.commune)} appears in two submissions under different districts (${p.first}; ${p.second}); check whether it is the same commune.`,
    }),
  },
  "submission-edited": {
    severity: "error",
    message: (p: { file: string; stated: string; actual: string }): Message => ({
      vi: `Tệp nộp ${q(p.file)} đã bị sửa sau khi lập: số liệu không khớp mã nội dung ghi trong trang “Thông tin nộp” (mã ghi ${p.stated}, số liệu hiện tại cho ${p.actual}). Số liệu vẫn được tổng hợp; hãy hỏi lại đơn vị nộp hoặc đề nghị nộp lại.`,
      en: `Submission ${q(p.file)} was edited after it was made: its data no longer matches the content hash in its “Thông tin nộp” sheet (stated ${p.stated}, the data gives ${p.actual}). The data is still rolled up; check with the unit or ask it to submit again.`,
    }),
  },
  "submission-accepted-kept": {
    severity: "warning",
    message: (p: {
      unit: string;
      accepted: string;
      acceptedHash: string;
      newer: string;
      newerHash: string;
    }): Message => ({
      vi: `Đơn vị ${q(p.unit)}: bản nộp ${q(p.accepted)} (mã ${p.acceptedHash}) đã được nhận, nên bản mới hơn ${q(p.newer)} (mã ${p.newerHash}) không được dùng. Muốn thay bản đã nhận, chạy lại với --replace-accepted (hoặc ghi “Trả lại” cho bản đã nhận).`,
      en: `Unit ${q(p.unit)}: submission ${q(p.accepted)} (hash ${p.acceptedHash}) was accepted, so the newer ${q(p.newer)} (hash ${p.newerHash}) is not used. To replace the accepted one, run again with --replace-accepted (or mark the accepted one “Trả lại”, returned).`,
    }),
  },
  "decision-unmatched": {
    severity: "warning",
    message: (p: { hash: string; state: string }): Message => ({
      vi: `Dòng quyết định tiếp nhận “${p.state}” cho mã ${p.hash} không khớp tệp nộp nào được đọc: bỏ qua.`,
      en: `The review decision “${p.state}” for hash ${p.hash} matches no submission read: ignored.`,
    }),
  },
  "submission-totals-mismatch": {
    severity: "error",
    message: (p: {
      file: string;
      statedVillages: number;
      statedConsolidated: number;
      villages: number;
      consolidated: number;
    }): Message => ({
      vi: `Tệp ${q(p.file)} ghi tổng ${p.statedConsolidated}/${p.statedVillages} thôn nhất thể hóa nhưng các dòng dữ liệu cho ${p.consolidated}/${p.villages}; tổng hợp theo các dòng dữ liệu.`,
      en: `${q(p.file)} states ${p.statedConsolidated}/${p.statedVillages} villages consolidated but its rows give ${p.consolidated}/${p.villages}; the rows are used.`,
    }),
  },
  "submission-other-period": {
    severity: "error",
    message: (p: { file: string; period: string; expected: string }): Message => ({
      vi: `Tệp ${q(p.file)} là số liệu kỳ ${q(p.period)}, khác kỳ đang tổng hợp ${q(p.expected)}; vẫn được tính — hãy kiểm tra lại.`,
      en: `${q(p.file)} is for period ${q(p.period)}, not the period being compiled ${q(p.expected)}; it is still counted — check it.`,
    }),
  },
  "legacy-encoding": {
    severity: "warning",
    message: (p: { sheet: string; encoding: string; cells: number }): Message => ({
      vi: `Trang ${q(p.sheet)} gõ bằng bảng mã ${p.encoding}; đã chuyển sang Unicode (${p.cells} ô). Hãy kiểm tra lại các tên đã chuyển.`,
      en: `Sheet ${q(p.sheet)} is typed in the ${p.encoding} encoding; converted to Unicode (${p.cells} cells). Check the converted names.`,
    }),
  },
  "ditto-value": {
    severity: "warning",
    message: (p: { text: string; column: string; columnEn: string; value: string }): Message => ({
      vi: `${q(p.text)} (như trên) ở cột ${q(p.column)}: lấy giá trị của dòng trên, ${q(p.value)}.`,
      en: `${q(p.text)} (ditto) in column ${q(p.columnEn)}: the value of the row above, ${q(p.value)}, is used.`,
    }),
  },
  "ditto-nothing-above": {
    severity: "warning",
    message: (p: { text: string; column: string; columnEn: string }): Message => ({
      vi: `${q(p.text)} (như trên) ở cột ${q(p.column)} nhưng dòng trên không có giá trị; coi như để trống.`,
      en: `${q(p.text)} (ditto) in column ${q(p.columnEn)} but the row above has no value; read as blank.`,
    }),
  },
  "ditto-nothing-above-required": {
    severity: "error",
    message: (p: { text: string; column: string; columnEn: string }): Message => ({
      vi: `${q(p.text)} (như trên) ở cột ${q(p.column)} nhưng dòng trên không có giá trị: thiếu giá trị bắt buộc; dòng này không được tính.`,
      en: `${q(p.text)} (ditto) in column ${q(p.columnEn)} but the row above has no value: a required value is missing; this row is not counted.`,
    }),
  },
  "names-differ-in-diacritics": {
    severity: "warning",
    message: (p: { secretary: string; head: string }): Message => ({
      vi: `Bí thư ${q(p.secretary)} và trưởng thôn ${q(p.head)} chỉ khác nhau dấu: có lẽ là một người; được tính là bí thư kiêm trưởng thôn. Hãy sửa cho thống nhất.`,
      en: `Secretary ${q(p.secretary)} and head ${q(p.head)} differ only in diacritics: probably one person; counted as the secretary also being the head. Make them the same.`,
    }),
  },
  "names-differ-in-marks": {
    severity: "warning",
    message: (p: { secretary: string; head: string }): Message => ({
      vi: `Bí thư ${q(p.secretary)} và trưởng thôn ${q(p.head)} có dấu khác nhau: có lẽ là hai người khác nhau; được tính là không kiêm nhiệm. Nếu là một người, hãy sửa cho thống nhất.`,
      en: `Secretary ${q(p.secretary)} and head ${q(p.head)} are typed with different diacritics: probably two different people; counted as not consolidated. If they are one person, make them the same.`,
    }),
  },
  "year-from-date": {
    severity: "warning",
    message: (p: { text: string; year: number }): Message => ({
      vi: `Ô năm sinh định dạng ngày (${p.text}); đọc là năm ${p.year} như đã gõ. Hãy đổi định dạng ô sang số.`,
      en: `The birth-year cell is formatted as a date (${p.text}); read as the year typed, ${p.year}. Format the cell as a number.`,
    }),
  },
  "post-held-twice": {
    severity: "warning",
    message: (p: { post: string; unit: string; other: string }): Message => ({
      vi: `${q(p.unit)} có hai người giữ chức ${q(p.post)} (người kia: ${q(p.other)}); hãy kiểm tra lại.`,
      en: `${q(p.unit)} has two different holders of the post ${q(p.post)} (the other: ${q(p.other)}); check it.`,
    }),
  },
  "comparator-contradicts-target": {
    severity: "warning",
    message: (p: { target: string; comparator: string }): Message => ({
      vi: `Mục tiêu ${q(p.target)} và cột So sánh ${q(p.comparator)} mâu thuẫn; dùng cách so sánh ghi trong ô mục tiêu.`,
      en: `Target ${q(p.target)} and the Comparator column ${q(p.comparator)} disagree; the comparison written in the target cell is used.`,
    }),
  },
  "no-unit-list": {
    severity: "error",
    message: (p: { file: string }): Message => ({
      vi: `Tệp ${q(p.file)} không có trang danh sách đơn vị (tiêu đề cột “Đơn vị” cùng “Mã đơn vị”, “Trực thuộc”, “Hiệu lực từ”, “Hiệu lực đến” hoặc “Hình thành từ”).`,
      en: `File ${q(p.file)} has no unit-list sheet (a “Unit” column with “Unit code”, “Parent”, “Valid from”, “Valid to” or “Formed from”).`,
    }),
  },
  "unit-dates-reversed": {
    severity: "warning",
    message: (p: { unit: string; from: string; to: string }): Message => ({
      vi: `Đơn vị ${q(p.unit)}: “Hiệu lực đến” ${p.to} trước “Hiệu lực từ” ${p.from}, nên đơn vị không tồn tại ngày nào (không được chờ báo cáo, không nhận số liệu chuyển sang). Hãy sửa lại hai ngày.`,
      en: `Unit ${q(p.unit)}: “Valid to” ${p.to} is before “Valid from” ${p.from}, so the unit exists on no day (no report is expected from it, no figures move to it). Correct the two dates.`,
    }),
  },
  "previous-not-earlier": {
    severity: "warning",
    message: (p: { previous: string; current: string }): Message => ({
      vi: `Kỳ trước ghi ngày ${p.previous}, không sớm hơn kỳ này (${p.current}): có thể đã chọn nhầm tệp. Vẫn so sánh, nhưng không tính tốc độ đến hạn.`,
      en: `The previous period is dated ${p.previous}, not before this one (${p.current}): the files may be swapped. Compared anyway, but no pace to the deadline is drawn.`,
    }),
  },
  "village-event-ambiguous": {
    severity: "warning",
    message: (p: { village: string }): Message => ({
      vi: `Dòng thôn ${q(p.village)} trong danh sách đơn vị không ghi “Trực thuộc” (xã nào), mà nhiều xã có thôn tên này: không áp dụng cho thôn nào. Hãy ghi xã ở cột “Trực thuộc”.`,
      en: `The unit list's village row ${q(p.village)} names no commune (“Parent”), and several communes have a village of that name: applied to none. Give its commune in “Parent”.`,
    }),
  },
  "village-ended": {
    severity: "info",
    message: (p: {
      village: string;
      commune: string;
      merged: boolean;
      into: string;
      date: string;
    }): Message => {
      const when = p.date ? ` từ ${p.date}` : "";
      const whenEn = p.date ? ` from ${p.date}` : "";
      const vi = p.merged
        ? `đã sáp nhập${p.into ? ` vào ${q(p.into)}` : ""}${when}`
        : `đã tách thành ${q(p.into)}${when}`;
      const en = p.merged
        ? `was merged${p.into ? ` into ${q(p.into)}` : ""}${whenEn}`
        : `was split into ${q(p.into)}${whenEn}`;
      return {
        vi: `Thôn ${q(p.village)} (xã ${q(p.commune)}) ${vi}: không còn tính vào số thôn.`,
        en: `Village ${q(p.village)} (commune ${q(p.commune)}) ${en}: no longer counted among the villages.`,
      };
    },
  },
  "previous-village-unplaced": {
    severity: "warning",
    message: (p: { count: number; commune: string; villages: string; candidates: string }): Message => ({
      vi: `Kỳ trước: ${p.count} thôn của xã ${q(p.commune)} (${p.villages}) không xếp được vào đơn vị hiện nay${p.candidates ? ` (có thể thuộc ${p.candidates})` : ""}: không tính trong phần so sánh. Hãy ghi cột “Hình thành từ” trong danh sách đơn vị.`,
      en: `Previous period: ${p.count} villages of commune ${q(p.commune)} (${p.villages}) cannot be placed in today's units${p.candidates ? ` (perhaps ${p.candidates})` : ""}: left out of the comparison. Fill the “Formed from” column of the unit list.`,
    }),
  },
  "districts-after-reform": {
    severity: "warning",
    message: (p: { date: string; districts: string; count: number }): Message => ({
      vi: `Số liệu ngày ${p.date}, sau khi bỏ cấp huyện (1/7/2025), vẫn ghi ${p.count} huyện (${p.districts}). Hãy bỏ cột Huyện hoặc ghi xã mới; báo cáo không ghi cơ quan cấp huyện.`,
      en: `Data dated ${p.date}, after the district level was abolished (1 July 2025), still names ${p.count === 1 ? "a district" : `${p.count} districts`} (${p.districts}). Leave the District column empty or use the new communes; the reports name no district body.`,
    }),
  },
} as const;

export type IssueCode = keyof typeof ISSUE_CATALOGUE;

type ParamsOf<C extends IssueCode> = Parameters<(typeof ISSUE_CATALOGUE)[C]["message"]>[0];

/** Builds an issue from the catalogue. */
export function issue<C extends IssueCode>(code: C, place: IssuePlace, params: ParamsOf<C>): Issue {
  const entry = ISSUE_CATALOGUE[code];
  const message = (entry.message as (p: ParamsOf<C>) => Message)(params);
  return { severity: entry.severity as Severity, code, ...place, message };
}

/** Orders issues by file, sheet, row, column, so lists read top to bottom like the sheet. */
export function compareIssues(a: Issue, b: Issue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  const pa = splitCell(a.cell);
  const pb = splitCell(b.cell);
  return pa.row - pb.row || pa.column - pb.column;
}

function splitCell(cell: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)/.exec(cell);
  if (!m) return { row: 0, column: 0 };
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}
