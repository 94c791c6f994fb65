/**
 * The standard sheets, as data. One generic reader (`read/readSheet.ts`) reads all of them.
 *
 * Headers are matched after `foldKey` (no case, no diacritics, no spaces or punctuation) and after
 * dropping anything in parentheses and a trailing "*", so "Số đảng viên (người)", "SO DANG VIEN"
 * and "Party members" all match `partyMembers`.
 */

export type ColumnType = "text" | "flag" | "count" | "year" | "raw";

export interface ColumnSpec {
  /** Field name in code. */
  readonly key: string;
  /** Canonical header, as the blank sheets are made. */
  readonly vi: string;
  /** English header, also accepted. */
  readonly en: string;
  /** Further accepted spellings (Vietnamese abbreviations, English variants). */
  readonly aliases: readonly string[];
  readonly type: ColumnType;
  readonly required: boolean;
}

export type SheetKind = "villages" | "officeHolders" | "targets" | "units";

export interface SheetSpec {
  readonly kind: SheetKind;
  readonly vi: string;
  readonly en: string;
  readonly columns: readonly ColumnSpec[];
  /**
   * Columns that only this kind of sheet has: a header row is recognised as this kind when it has
   * at least one of them and two matched columns in all.
   */
  readonly signature: readonly string[];
  /**
   * Optional columns that say where an imported row came from (the task pane's import of the
   * submissions of the units below, src/app/imports): matched and read like any other column, but
   * not part of the blank sheet a clerk fills in. Never required, never in the signature.
   */
  readonly provenance?: readonly ColumnSpec[];
}

const col = (
  key: string,
  vi: string,
  en: string,
  type: ColumnType,
  required: boolean,
  aliases: readonly string[] = [],
): ColumnSpec => ({ key, vi, en, type, required, aliases });

const PROVINCE = col("province", "Tỉnh", "Province", "text", true, [
  "Tỉnh/Thành phố",
  "Tỉnh, thành phố",
  "Tỉnh/TP",
]);
const DISTRICT = col("district", "Huyện", "District", "text", false, [
  "Huyện/Quận",
  "Huyện, quận, thị xã, thành phố",
  "Quận/Huyện",
]);
const COMMUNE = col("commune", "Xã", "Commune", "text", true, [
  "Xã/Phường",
  "Xã, phường, thị trấn",
  "Xã/Phường/Thị trấn",
  "Phường/Xã",
  "Ward",
]);

/** Where an imported row came from: added by the pane's import to the rows it writes. */
export const PROVENANCE_COLUMNS: readonly ColumnSpec[] = [
  col("sourceFile", "Tệp nguồn", "Source file", "raw", false),
  col("submittingUnit", "Đơn vị nộp", "Submitting unit", "raw", false),
  col("period", "Kỳ báo cáo", "Reporting period", "raw", false),
  col("importedAt", "Thời điểm nhập", "Imported at", "raw", false),
];

export const VILLAGES: SheetSpec = {
  kind: "villages",
  vi: "Thôn",
  en: "Villages",
  columns: [
    PROVINCE,
    DISTRICT,
    COMMUNE,
    col("village", "Thôn", "Village", "text", true, [
      "Thôn/Tổ dân phố",
      "Thôn, tổ dân phố",
      "Thôn, bản",
      "Thôn, khối phố",
      "Thôn/Bản",
      "Thôn/Khối phố",
      "Tên thôn",
      "Residential group",
    ]),
    col("communeCode", "Mã xã", "Commune code", "text", false, ["Mã đơn vị", "Mã ĐVHC"]),
    col("type", "Loại", "Type", "text", false, ["Loại thôn", "Village type"]),
    col("hasOwnCell", "Có chi bộ", "Has own party cell", "flag", false, [
      "Có chi bộ riêng",
      "Own party cell",
      "Own cell",
    ]),
    col("partyMembers", "Số đảng viên", "Party members", "count", false, ["Đảng viên", "Members"]),
    col("secretary", "Bí thư chi bộ", "Cell secretary", "text", false, [
      "Bí thư",
      "Party cell secretary",
      "Secretary",
    ]),
    col("head", "Trưởng thôn", "Village head", "text", false, [
      "Trưởng thôn/Tổ trưởng",
      "Trưởng thôn, tổ trưởng",
      "Trưởng bản",
      "Trưởng khối phố",
      "Head",
    ]),
    col("frontHead", "Trưởng ban CTMT", "Front committee head", "text", false, [
      "Trưởng ban công tác Mặt trận",
      "Trưởng ban công tác MT",
      "Trưởng ban MT",
    ]),
    col("consolidated", "Nhất thể hóa", "Secretary is also head", "flag", false, [
      "Bí thư kiêm trưởng thôn",
      "Bí thư chi bộ kiêm trưởng thôn",
      "Kiêm nhiệm",
      "NTH",
      "Consolidated",
    ]),
    col("notes", "Ghi chú", "Notes", "text", false, ["Note", "Remarks"]),
  ],
  signature: [
    "village",
    "hasOwnCell",
    "partyMembers",
    "secretary",
    "head",
    "frontHead",
    "consolidated",
    "type",
  ],
  provenance: PROVENANCE_COLUMNS,
};

export const OFFICE_HOLDERS: SheetSpec = {
  kind: "officeHolders",
  vi: "Cán bộ",
  en: "Office-holders",
  columns: [
    col("fullName", "Họ và tên", "Full name", "text", true, ["Họ tên", "Name"]),
    col("post", "Chức danh", "Post", "raw", true, ["Chức vụ", "Position"]),
    // Office-holders are matched to the Villages sheet's communes, so the province may be left out.
    { ...PROVINCE, required: false },
    DISTRICT,
    COMMUNE,
    col("village", "Thôn", "Village", "text", false, ["Thôn/Tổ dân phố", "Thôn, tổ dân phố", "Thôn/Bản"]),
    col("personId", "Mã cán bộ", "Person ID", "text", false, ["Mã CB", "Mã số", "ID"]),
    col("birthYear", "Năm sinh", "Birth year", "year", false, ["Sinh năm", "Year of birth"]),
    col("gender", "Giới tính", "Gender", "text", false, ["Nam/Nữ", "Sex"]),
    col("ethnicity", "Dân tộc", "Ethnic group", "text", false, ["Ethnicity"]),
    col("education", "Trình độ văn hóa", "General education", "text", false, [
      "Văn hóa",
      "Học vấn",
      "Education",
    ]),
    col("professional", "Chuyên môn", "Professional qualification", "text", false, [
      "Trình độ chuyên môn",
      "Chuyên môn nghiệp vụ",
      "Qualification",
    ]),
    col("politicalTheory", "Lý luận chính trị", "Political theory", "text", false, [
      "Trình độ lý luận chính trị",
      "LLCT",
      "Lý luận",
    ]),
    col("trained", "Bồi dưỡng nghiệp vụ", "Trained in party work", "flag", false, [
      "Đã bồi dưỡng nghiệp vụ",
      "Bồi dưỡng nghiệp vụ công tác Đảng",
      "Trained",
    ]),
    // Issue 15: when the term ends (a date, a year, or "2020-2025"); villages whose head or
    // secretary ends a term before the target's deadline are looked at first.
    col("termEnd", "Nhiệm kỳ đến", "Term ends", "raw", false, [
      "Hết nhiệm kỳ",
      "Nhiệm kỳ",
      "Hết hạn nhiệm kỳ",
      "Term end",
      "End of term",
    ]),
  ],
  signature: ["fullName", "post", "personId", "birthYear", "gender", "ethnicity"],
  provenance: PROVENANCE_COLUMNS,
};

export const TARGETS: SheetSpec = {
  kind: "targets",
  vi: "Chỉ tiêu",
  en: "Targets",
  columns: [
    col("indicator", "Chỉ tiêu", "Indicator", "text", true, ["Chỉ số", "Mã chỉ tiêu"]),
    col("unit", "Đơn vị", "Unit", "text", false, ["Tên đơn vị"]),
    col("level", "Cấp", "Level", "text", false, ["Cấp áp dụng"]),
    col("target", "Mục tiêu", "Target", "raw", true, ["Mức", "Tỷ lệ mục tiêu", "Giá trị"]),
    col("comparator", "So sánh", "Comparator", "text", false, ["Điều kiện"]),
    col("year", "Năm", "Year", "year", false, ["Đến năm"]),
    // Issue 15: the villages the parent assigned to this unit (a whole number), checked against the
    // parent's shortfall and the unit's room, and shown beside the computed quota.
    col("quota", "Chỉ tiêu giao", "Assigned quota", "count", false, [
      "Số thôn giao",
      "Chỉ tiêu được giao",
      "Giao thêm",
      "Quota",
    ]),
  ],
  signature: ["indicator", "target"],
  provenance: PROVENANCE_COLUMNS,
};

/**
 * The unit list (docs/unit-list.md): the units expected to submit (for completeness: who has
 * reported, who has not, who is late) and, when the dated columns are filled, the units' life
 * cycle: code, level, parent, valid from / to, and the units each was formed from (the crosswalk of
 * the 1 July 2025 reform and of later changes). Villages may be listed too (level "thôn"), for
 * their merges and splits. Optional; without it the expected units come from the previous period
 * or the Targets sheet. Also read from a separate workbook (`--units`).
 */
export const UNITS: SheetSpec = {
  kind: "units",
  vi: "Đơn vị",
  en: "Units",
  columns: [
    col("unit", "Đơn vị", "Unit", "text", true, ["Tên đơn vị", "Đơn vị báo cáo"]),
    col("level", "Cấp", "Level", "text", false, ["Cấp đơn vị"]),
    { ...PROVINCE, required: false },
    DISTRICT,
    col("unitCode", "Mã đơn vị", "Unit code", "text", false, ["Mã ĐVHC"]),
    col("parent", "Trực thuộc", "Parent", "text", false, ["Đơn vị cấp trên", "Cấp trên", "Parent unit"]),
    col("validFrom", "Hiệu lực từ", "Valid from", "raw", false, ["Từ ngày", "Ngày thành lập"]),
    col("validTo", "Hiệu lực đến", "Valid to", "raw", false, ["Đến ngày", "Ngày giải thể"]),
    col("formedFrom", "Hình thành từ", "Formed from", "text", false, [
      "Trước sắp xếp",
      "Trước sáp nhập",
      "Sáp nhập từ",
      "Đơn vị cũ",
    ]),
    col("deadline", "Hạn nộp", "Deadline", "raw", false, ["Hạn báo cáo", "Thời hạn"]),
  ],
  signature: ["unit", "deadline", "unitCode", "parent", "validFrom", "validTo", "formedFrom"],
};

export const SHEET_SPECS: readonly SheetSpec[] = [VILLAGES, OFFICE_HOLDERS, TARGETS, UNITS];

/** Village kinds ("Loại"), the words of DOMAIN.md. */
export const VILLAGE_TYPES = [
  "thôn",
  "bản",
  "ấp",
  "làng",
  "xóm",
  "khối phố",
  "khu phố",
  "tổ dân phố",
] as const;
