import type { Language } from "../core/summary";
import type { Rollup } from "../core/rollup/types";
import type { ReportId } from "./description";

/** Every fixed text of the reports, in Vietnamese (default) and English. */
export interface Labels {
  readonly sheetNames: Readonly<Record<ReportId, string>>;
  /** Title lines (bold capitals) of each report. */
  readonly titles: Readonly<Record<ReportId, readonly string[]>>;
  readonly party: string;
  readonly stateName: string;
  readonly stateMotto: string;
  readonly preparedBy: string;
  readonly recipients: string;
  readonly footer: string;
  readonly total: string;
  readonly stt: string;
  readonly unit: string;
  readonly met: string;
  readonly notMet: string;
  /** Number format of a negative gap ("exceeded by"). */
  readonly exceededPrefix: string;
  readonly summary: {
    readonly villages: string;
    readonly consolidated: string;
    readonly rate: string;
    readonly target: string;
    readonly gap: string;
    readonly needed: string;
    readonly status: string;
    readonly village: string;
    /** Group header of the Front-committee indicator. */
    readonly front: string;
    /** Group header of the combined indicator (head or Front committee head). */
    readonly either: string;
    /** The footnote of the combined indicator: its legal basis. */
    readonly eitherNote: string;
    readonly known: string;
    readonly count: string;
    /** Villages consolidated, as the commune-level list's column says ("x"). */
    readonly consolidatedMark: string;
    readonly secretary: string;
    readonly head: string;
    readonly note: string;
    /** Lines under the table: "{what}: chưa có số liệu." */
    readonly noData: string;
    /** "{what}: có số liệu {n}/{m} {unit}; tỷ lệ tính trên số có số liệu." */
    readonly partialData: string;
    readonly villagesTotal: string;
    readonly consolidatedTotal: string;
  };
  /** Short notes in a table's "Ghi chú" column. */
  readonly missing: {
    readonly note: string;
    readonly none: string;
    /** "có số liệu {n}/{m}" */
    readonly partial: string;
    readonly secretariesUnit: string;
    readonly communesUnit: string;
  };
  readonly posts: {
    readonly communes: string;
    readonly count: string;
    readonly rate: string;
    readonly yes: string;
    readonly no: string;
  };
  readonly secretaries: { readonly secretaries: string; readonly count: string; readonly rate: string };
  readonly cells: {
    readonly villages: string;
    readonly ownCell: string;
    readonly smallCells: string;
    readonly members: string;
    readonly membersPerCell: string;
    readonly count: string;
    readonly rateOfVillages: string;
    readonly rateOfCells: string;
  };
  readonly toConsolidate: {
    readonly village: string;
    readonly secretary: string;
    readonly head: string;
    readonly notConsolidated: string;
    readonly needed: string;
    readonly note: string;
    readonly unknown: string;
    readonly none: string;
    readonly noTarget: string;
  };
  readonly completeness: {
    readonly level: string;
    readonly status: string;
    readonly reported: string;
    readonly late: string;
    readonly missing: string;
    readonly file: string;
    readonly submittedAt: string;
    readonly deadline: string;
    /** "Đã nhận báo cáo của {n}/{m} đơn vị" with {n} and {m} replaced. */
    readonly reportedOf: string;
    readonly basis: Readonly<Record<"units-sheet" | "previous-period" | "targets", string>>;
  };
  readonly comparison: {
    readonly consolidated: string;
    readonly previous: string;
    readonly current: string;
    readonly change: string;
    readonly rate: string;
    readonly villages: string;
    readonly newUnit: string;
    /** The last column: the old units a figure is made of, the villages merged or split. */
    readonly notes: string;
  };
  readonly annex: {
    readonly sectionSecretaries: string;
    readonly sectionLeaders: string;
    readonly name: string;
    readonly what: string;
    readonly birthYear: string;
    readonly gender: string;
    readonly ethnicity: string;
    readonly education: string;
    readonly professional: string;
    readonly theory: string;
    readonly none: string;
    readonly attachedTo: string;
    readonly dated: string;
  };
  readonly dataCheck: {
    readonly severity: string;
    readonly error: string;
    readonly warning: string;
    /** Information lines (sheets and rows skipped): shown plainly, never as an alarm. */
    readonly info: string;
    readonly file: string;
    readonly sheet: string;
    readonly cell: string;
    readonly message: string;
    readonly none: string;
    readonly thisWorkbook: string;
  };
}

const VI: Labels = {
  sheetNames: {
    summary: "Tổng hợp",
    communePosts: "Chức danh cấp xã",
    secretaries: "Chất lượng bí thư",
    partyCells: "Chi bộ thôn",
    toConsolidate: "Thôn chưa NTH",
    dataCheck: "Kiểm tra dữ liệu",
    completeness: "Tình hình nộp báo cáo",
    comparison: "So với kỳ trước",
    annex: "Phụ lục danh sách",
  },
  titles: {
    summary: ["BIỂU TỔNG HỢP", "KẾT QUẢ NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG {V}"],
    communePosts: ["BIỂU TỔNG HỢP", "KẾT QUẢ NHẤT THỂ HÓA CHỨC DANH CHỦ CHỐT CẤP XÃ"],
    secretaries: ["BIỂU TỔNG HỢP", "CHẤT LƯỢNG ĐỘI NGŨ BÍ THƯ CHI BỘ {V}"],
    partyCells: ["BIỂU TỔNG HỢP", "TÌNH HÌNH CHI BỘ {V}"],
    toConsolidate: ["DANH SÁCH {V}", "CHƯA NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG {V1}"],
    dataCheck: ["KẾT QUẢ KIỂM TRA DỮ LIỆU", "CÁC VẤN ĐỀ PHÁT HIỆN TRONG SỐ LIỆU ĐẦU VÀO"],
    completeness: ["TÌNH HÌNH NỘP BÁO CÁO", "CỦA CÁC ĐƠN VỊ CẤP DƯỚI"],
    comparison: ["BIỂU SO SÁNH", "KẾT QUẢ NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG THÔN SO VỚI KỲ TRƯỚC"],
    annex: ["PHỤ LỤC", "DANH SÁCH BÍ THƯ CHI BỘ KIÊM TRƯỞNG {V}", "VÀ CÁN BỘ CHỦ CHỐT CẤP XÃ KIÊM NHIỆM"],
  },
  party: "ĐẢNG CỘNG SẢN VIỆT NAM",
  stateName: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  stateMotto: "Độc lập - Tự do - Hạnh phúc",
  preparedBy: "NGƯỜI LẬP BIỂU",
  recipients: "Nơi nhận:",
  footer: "Trang &P/&N",
  total: "Tổng cộng",
  stt: "STT",
  unit: "Đơn vị",
  met: "Đạt",
  notMet: "Chưa đạt",
  exceededPrefix: "vượt ",
  summary: {
    villages: "Số {v}",
    consolidated: "Số {v1} nhất thể hóa",
    rate: "Tỷ lệ (%)",
    target: "Chỉ tiêu (%)",
    gap: "Còn thiếu (điểm %)",
    needed: "Số {v1} cần thêm",
    status: "Đánh giá",
    village: "{Vc}",
    front: "Bí thư kiêm trưởng ban công tác Mặt trận",
    either: "Bí thư kiêm trưởng {v1} hoặc trưởng ban CTMT (*)",
    eitherNote:
      "(*) Nghị định 33/2023/NĐ-CP, Điều 33 khoản 6: bí thư chi bộ kiêm trưởng {v1} hoặc trưởng ban công tác Mặt trận.",
    known: "Số {v1} có số liệu",
    count: "Số {v1}",
    consolidatedMark: "Bí thư kiêm trưởng {v1} (x)",
    secretary: "Bí thư chi bộ",
    head: "Trưởng {v1}",
    note: "Ghi chú",
    noData: "{what}: chưa có số liệu.",
    partialData: "{what}: có số liệu {n}/{m} {unit}; tỷ lệ tính trên số có số liệu.",
    villagesTotal: "Tổng số {v}",
    consolidatedTotal: "Số {v1} nhất thể hóa",
  },
  missing: {
    note: "Ghi chú",
    none: "Chưa có số liệu",
    partial: "Có số liệu {n}/{m}",
    secretariesUnit: "bí thư chi bộ",
    communesUnit: "xã",
  },
  posts: { communes: "Số xã", count: "Số xã", rate: "Tỷ lệ (%)", yes: "Có", no: "Không" },
  secretaries: { secretaries: "Số bí thư chi bộ", count: "Số người", rate: "Tỷ lệ (%)" },
  cells: {
    villages: "Số {v}",
    ownCell: "Thôn có chi bộ riêng",
    smallCells: "Chi bộ dưới 3 đảng viên",
    members: "Số đảng viên",
    membersPerCell: "Đảng viên bình quân / chi bộ",
    count: "Số lượng",
    rateOfVillages: "Tỷ lệ (%)",
    rateOfCells: "Tỷ lệ (%)",
  },
  toConsolidate: {
    village: "Đơn vị / {Vc}",
    secretary: "Bí thư chi bộ",
    head: "Trưởng {v1}",
    notConsolidated: "Số {v1} chưa nhất thể hóa",
    needed: "Số {v1} cần thêm để đạt chỉ tiêu",
    note: "Ghi chú",
    unknown: "Chưa rõ (thiếu dữ liệu)",
    none: "Tất cả {v} đã nhất thể hóa.",
    noTarget: "Chưa có chỉ tiêu",
  },
  completeness: {
    level: "Cấp",
    status: "Tình trạng",
    reported: "Đã nộp",
    late: "Nộp muộn",
    missing: "Chưa nộp",
    file: "Tệp nộp",
    submittedAt: "Thời điểm lập",
    deadline: "Hạn nộp",
    reportedOf: "Đã nhận báo cáo của {n}/{m} đơn vị",
    basis: {
      "units-sheet": "Danh sách đơn vị theo trang Đơn vị.",
      "previous-period": "Danh sách đơn vị theo số liệu kỳ trước.",
      targets: "Danh sách đơn vị theo các đơn vị có chỉ tiêu.",
    },
  },
  comparison: {
    consolidated: "Số thôn nhất thể hóa",
    previous: "Kỳ trước",
    current: "Kỳ này",
    change: "Tăng/giảm",
    rate: "Tỷ lệ (%)",
    villages: "Số thôn",
    newUnit: "Đơn vị mới",
    notes: "Thay đổi về đơn vị, thôn",
  },
  annex: {
    sectionSecretaries: "BÍ THƯ CHI BỘ KIÊM TRƯỞNG {V1}",
    sectionLeaders: "CÁN BỘ CHỦ CHỐT CẤP XÃ KIÊM NHIỆM",
    name: "Họ và tên",
    what: "{Vc} / Chức danh kiêm nhiệm",
    birthYear: "Năm sinh",
    gender: "Giới tính",
    ethnicity: "Dân tộc",
    education: "Văn hóa",
    professional: "Chuyên môn",
    theory: "Lý luận chính trị",
    none: "Không có trong số liệu.",
    attachedTo: "Kèm theo Báo cáo số",
    dated: "ngày",
  },
  dataCheck: {
    severity: "Mức độ",
    error: "Lỗi",
    warning: "Cảnh báo",
    info: "Thông tin",
    file: "Tệp",
    sheet: "Trang tính",
    cell: "Ô",
    message: "Nội dung",
    none: "Không phát hiện vấn đề nào trong số liệu.",
    thisWorkbook: "(sổ này)",
  },
};

const EN: Labels = {
  sheetNames: {
    summary: "Summary",
    communePosts: "Commune posts",
    secretaries: "Secretaries",
    partyCells: "Party cells",
    toConsolidate: "To consolidate",
    dataCheck: "Data check",
    completeness: "Submissions",
    comparison: "Previous period",
    annex: "Annex - names",
  },
  titles: {
    summary: ["SUMMARY TABLE", "VILLAGE PARTY-CELL SECRETARIES WHO ARE ALSO VILLAGE HEADS"],
    communePosts: ["SUMMARY TABLE", "CONSOLIDATION OF THE KEY COMMUNE POSTS"],
    secretaries: ["SUMMARY TABLE", "QUALITY OF VILLAGE PARTY-CELL SECRETARIES"],
    partyCells: ["SUMMARY TABLE", "VILLAGE PARTY CELLS"],
    toConsolidate: ["LIST", "VILLAGES WHERE THE CELL SECRETARY IS NOT YET THE VILLAGE HEAD"],
    dataCheck: ["DATA CHECK", "PROBLEMS FOUND IN THE INPUT DATA"],
    completeness: ["REPORTING COMPLETENESS", "SUBMISSIONS FROM THE UNITS BELOW"],
    comparison: ["COMPARISON", "SECRETARIES WHO ARE ALSO VILLAGE HEADS, AGAINST THE PREVIOUS PERIOD"],
    annex: [
      "ANNEX",
      "VILLAGE CELL SECRETARIES WHO ARE ALSO VILLAGE HEADS",
      "AND COMMUNE LEADERS HOLDING TWO POSTS",
    ],
  },
  party: "COMMUNIST PARTY OF VIETNAM",
  stateName: "SOCIALIST REPUBLIC OF VIETNAM",
  stateMotto: "Independence - Freedom - Happiness",
  preparedBy: "PREPARED BY",
  recipients: "Recipients:",
  footer: "Page &P of &N",
  total: "Total",
  stt: "No.",
  unit: "Unit",
  met: "Met",
  notMet: "Not met",
  exceededPrefix: "over ",
  summary: {
    villages: "Villages",
    consolidated: "Consolidated",
    rate: "Rate (%)",
    target: "Target (%)",
    gap: "Gap (points)",
    needed: "Villages still needed",
    status: "Assessment",
    village: "Village",
    front: "Secretary also Front committee head",
    either: "Secretary also head or Front head (*)",
    eitherNote:
      "(*) Decree 33/2023/NĐ-CP, art. 33(6): the cell secretary also village head or Front committee head.",
    known: "Villages with data",
    count: "Villages",
    consolidatedMark: "Secretary also head (x)",
    secretary: "Cell secretary",
    head: "Village head",
    note: "Notes",
    noData: "{what}: no data yet.",
    partialData: "{what}: data for {n} of {m} {unit}; rates are over those with data.",
    villagesTotal: "Villages",
    consolidatedTotal: "Consolidated",
  },
  missing: {
    note: "Notes",
    none: "No data yet",
    partial: "Data for {n}/{m}",
    secretariesUnit: "cell secretaries",
    communesUnit: "communes",
  },
  posts: { communes: "Communes", count: "Communes", rate: "Rate (%)", yes: "Yes", no: "No" },
  secretaries: { secretaries: "Cell secretaries", count: "Number", rate: "Rate (%)" },
  cells: {
    villages: "Villages",
    ownCell: "Villages with own cell",
    smallCells: "Cells under 3 members",
    members: "Party members",
    membersPerCell: "Members per cell",
    count: "Number",
    rateOfVillages: "Rate (%)",
    rateOfCells: "Rate (%)",
  },
  toConsolidate: {
    village: "Unit / Village",
    secretary: "Cell secretary",
    head: "Village head",
    notConsolidated: "Villages not consolidated",
    needed: "Villages still needed for the target",
    note: "Notes",
    unknown: "Unknown (data missing)",
    none: "Every village is consolidated.",
    noTarget: "No target",
  },
  completeness: {
    level: "Level",
    status: "Status",
    reported: "Submitted",
    late: "Late",
    missing: "Missing",
    file: "File",
    submittedAt: "Generated at",
    deadline: "Deadline",
    reportedOf: "{n} of {m} units reported",
    basis: {
      "units-sheet": "Expected units from the Units sheet.",
      "previous-period": "Expected units from the previous period.",
      targets: "Expected units from the units that have targets.",
    },
  },
  comparison: {
    consolidated: "Villages consolidated",
    previous: "Previous",
    current: "Current",
    change: "Change",
    rate: "Rate (%)",
    villages: "Villages",
    newUnit: "New unit",
    notes: "Changes in units and villages",
  },
  annex: {
    sectionSecretaries: "CELL SECRETARIES WHO ARE ALSO VILLAGE HEADS",
    sectionLeaders: "COMMUNE LEADERS HOLDING TWO POSTS",
    name: "Full name",
    what: "Village / posts held",
    birthYear: "Born",
    gender: "Gender",
    ethnicity: "Ethnic group",
    education: "Education",
    professional: "Qualification",
    theory: "Political theory",
    none: "None in the data.",
    attachedTo: "Attached to report",
    dated: "of",
  },
  dataCheck: {
    severity: "Severity",
    error: "Error",
    warning: "Warning",
    info: "Information",
    file: "File",
    sheet: "Sheet",
    cell: "Cell",
    message: "Problem",
    none: "No problem found in the data.",
    thisWorkbook: "(this workbook)",
  },
};

/** The village types clerks write, rural first then urban, in the order documents list them. */
export const VILLAGE_TYPES: readonly string[] = [
  "thôn",
  "bản",
  "làng",
  "xóm",
  "ấp",
  "buôn",
  "plei",
  "sóc",
  "khối phố",
  "khu phố",
  "tổ dân phố",
  "khối",
  "khu",
  "tổ",
];

/** The default village words: rural villages and urban residential groups. */
export const DEFAULT_VILLAGE_WORDS: readonly string[] = ["thôn", "tổ dân phố"];

function substitute<T>(value: T, words: readonly string[]): T {
  const list = words.length > 0 ? words : DEFAULT_VILLAGE_WORDS;
  const joined = list.join(", ");
  const fill = (s: string): string =>
    s
      .replace(/\{V\}/g, joined.toLocaleUpperCase("vi"))
      .replace(/\{V1\}/g, list[0].toLocaleUpperCase("vi"))
      .replace(/\{Vc\}/g, joined.charAt(0).toLocaleUpperCase("vi") + joined.slice(1))
      .replace(/\{v\}/g, joined)
      .replace(/\{v1\}/g, list[0]);
  if (typeof value === "string") return fill(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => substitute(v, words)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, substitute(v, words)]),
    ) as T;
  return value;
}

const cache = new Map<string, Labels>();

/**
 * The labels in a language. Vietnamese titles and column headers name the village types the data
 * has (`words`, see villageWordsOf): "THÔN, KHỐI PHỐ" for Lạng Sơn city, "BẢN, KHU PHỐ" for Quan Sơn.
 */
export function labelsFor(language: Language, words: readonly string[] = DEFAULT_VILLAGE_WORDS): Labels {
  if (language === "en") return EN;
  const key = words.join("|");
  let labels = cache.get(key);
  if (!labels) cache.set(key, (labels = substitute(VI, words)));
  return labels;
}

const typeForm = (s: string): string =>
  s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");

/**
 * The village types of the data, in document order, from the `Loại` column (names are not used:
 * "Bản Chu" may be a thôn). Empty when the data says nothing (the labels then say "thôn, tổ dân phố").
 */
export function villageWordsOf(rollup: Rollup): string[] {
  const seen = new Set<string>();
  for (const v of rollup.villages) {
    if (!v.record.type) continue;
    const type = typeForm(v.record.type);
    const known = VILLAGE_TYPES.find((t) => t === type);
    if (known) seen.add(known);
  }
  return VILLAGE_TYPES.filter((t) => seen.has(t));
}
