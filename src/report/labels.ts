import { REPORT_TITLE_LINES } from "../core/productSheets";
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
    /** "Chỉ tiêu áp dụng: chỉ tiêu đến năm {year}, hạn {date}." under the table (issue 15). */
    readonly deadline: string;
    readonly deadlinePassed: string;
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
    /** Issue 15: the rank (1 = closest to consolidating) and the reasons, in words. */
    readonly rank: string;
    readonly reasons: string;
    readonly reasonFront: string;
    readonly reasonHeadMember: string;
    /** "{who} hết nhiệm kỳ {date}, trước hạn chỉ tiêu" */
    readonly reasonTermEnds: string;
    readonly secretaryWord: string;
    readonly headWord: string;
  };
  /** The planning sheet (issue 15): quotas and the pace to the deadline. */
  readonly plan: {
    readonly villages: string;
    readonly consolidated: string;
    readonly room: string;
    readonly ownNeeded: string;
    readonly quota: string;
    readonly difference: string;
    /** Issue 15: the quota the clerk typed ("Chỉ tiêu giao" on the Targets sheet) and typed − computed. */
    readonly typedQuota: string;
    readonly typedDifference: string;
    readonly rateAfter: string;
    readonly note: string;
    /** Block row note: "Cần thêm {needed} để đạt {cmp} {target} của {villages} = {required}; hạn {deadline}". */
    readonly blockNote: string;
    readonly above: string;
    readonly atLeast: string;
    readonly noDeadline: string;
    readonly met: string;
    readonly infeasible: string;
    readonly unreachable: string;
    /** Why the children's own shortfalls add up to more (or less) than the parent's. */
    readonly whyDifferent: string;
    readonly sameTotal: string;
    readonly basisRoom: string;
    readonly basisOwn: string;
    readonly paceTitle: string;
    readonly paceItem: string;
    readonly paceValue: string;
    readonly previousDate: string;
    readonly previousCount: string;
    readonly currentDate: string;
    readonly currentCount: string;
    readonly perYear: string;
    readonly reachedOn: string;
    readonly never: string;
    readonly deadline: string;
    readonly neededPerYear: string;
    readonly verdict: string;
    readonly onTime: string;
    readonly late: string;
    readonly noPrevious: string;
    readonly none: string;
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
    /** The review columns (shown when submissions carry hashes or reviews). */
    readonly hash: string;
    readonly check: string;
    readonly review: string;
    readonly note: string;
    readonly content: Readonly<Record<"matches" | "edited" | "no-hash", string>>;
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
    plan: "Kế hoạch nhất thể hóa",
  },
  titles: REPORT_TITLE_LINES.vi,
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
    deadline: "Chỉ tiêu áp dụng: chỉ tiêu đến năm {year}, hạn {date}.",
    deadlinePassed:
      "Chỉ tiêu áp dụng: chỉ tiêu đến năm {year}, đã quá hạn {date} (chưa có chỉ tiêu năm sau).",
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
    rank: "Thứ tự ưu tiên",
    reasons: "Lý do ưu tiên",
    reasonFront: "Bí thư đang là trưởng ban công tác Mặt trận",
    reasonHeadMember: "Trưởng {v1} là đảng viên (phó bí thư chi bộ)",
    reasonTermEnds: "{who} hết nhiệm kỳ {date}, trước hạn chỉ tiêu",
    secretaryWord: "Bí thư",
    headWord: "Trưởng {v1}",
  },
  plan: {
    villages: "Số {v1}",
    consolidated: "Đã nhất thể hóa",
    room: "Chưa nhất thể hóa",
    ownNeeded: "Cần thêm theo chỉ tiêu riêng",
    quota: "Chỉ tiêu giao thêm",
    difference: "Chênh lệch (giao − riêng)",
    typedQuota: "Chỉ tiêu đã giao (nhập)",
    typedDifference: "Chênh lệch (nhập − tính)",
    rateAfter: "Tỷ lệ khi hoàn thành (%)",
    note: "Ghi chú",
    blockNote:
      "Cần thêm {needed} {v1} để đạt {cmp} {target} của {villages} {v1} ({required} {v1}); hạn {deadline}",
    above: "trên",
    atLeast: "từ",
    noDeadline: "chỉ tiêu không ghi năm",
    met: "Đã đạt chỉ tiêu: không phải giao thêm.",
    infeasible:
      "Không chia được: cần thêm {needed} nhưng các đơn vị trực thuộc chỉ còn {capacity} {v1} chưa nhất thể hóa (kiểm tra số liệu có đủ {v1} không).",
    unreachable: "Chỉ tiêu không thể đạt với số {v1} hiện có: không giao.",
    whyDifferent:
      "Các đơn vị trực thuộc tự tính theo chỉ tiêu riêng cần thêm {own} {v1}, còn {unit} cần thêm {needed}: chênh lệch {diff} vì mỗi đơn vị làm tròn lên riêng theo chỉ tiêu của mình (và chỉ tiêu có thể khác nhau). Chỉ tiêu giao thêm chia đúng {needed} {v1}.",
    sameTotal: "Tổng số tự tính theo chỉ tiêu riêng bằng số {unit} cần thêm ({needed}).",
    basisRoom:
      "Cách chia: theo số {v1} chưa nhất thể hóa của từng đơn vị, số nguyên, phần dư lớn nhất; không giao quá số {v1} chưa nhất thể hóa.",
    basisOwn:
      "Cách chia: theo số cần thêm theo chỉ tiêu riêng của từng đơn vị, số nguyên, phần dư lớn nhất; không giao quá số {v1} chưa nhất thể hóa.",
    paceTitle: "Tốc độ nhất thể hóa: {unit}",
    paceItem: "Nội dung",
    paceValue: "Số liệu",
    previousDate: "Ngày số liệu kỳ trước",
    previousCount: "Số {v1} đã nhất thể hóa kỳ trước",
    currentDate: "Ngày số liệu kỳ này",
    currentCount: "Số {v1} đã nhất thể hóa kỳ này",
    perYear: "Số {v1} nhất thể hóa thêm mỗi năm (tốc độ hiện nay)",
    reachedOn: "Với tốc độ này, đạt chỉ tiêu vào ngày",
    never: "Không đạt",
    deadline: "Hạn chỉ tiêu",
    neededPerYear: "Số {v1} cần nhất thể hóa mỗi năm để kịp hạn",
    verdict: "Đánh giá",
    onTime: "Kịp hạn",
    late: "Chậm so với hạn",
    noPrevious: "Chưa có số liệu kỳ trước (có ngày số liệu) nên chưa tính được tốc độ.",
    none: "Không có đơn vị nào có chỉ tiêu và đơn vị trực thuộc để giao chỉ tiêu.",
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
    hash: "Mã nội dung",
    check: "Kiểm tra mã",
    review: "Tiếp nhận",
    note: "Ghi chú",
    content: { matches: "Khớp", edited: "KHÔNG KHỚP: sửa sau khi lập", "no-hash": "Không có mã" },
  },
  comparison: {
    consolidated: "Số thôn nhất thể hóa",
    previous: "Kỳ trước",
    current: "Kỳ này",
    change: "Tăng/giảm",
    rate: "Tỷ lệ (%)",
    villages: "Số thôn",
    newUnit: "Không có số liệu kỳ trước",
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
    plan: "Consolidation plan",
  },
  titles: REPORT_TITLE_LINES.en,
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
    deadline: "Target that applies: the target for {year}, deadline {date}.",
    deadlinePassed:
      "Target that applies: the target for {year}, past its deadline {date} (no later target given).",
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
    rank: "Priority",
    reasons: "Why first",
    reasonFront: "The secretary already heads the Front committee",
    reasonHeadMember: "The village head is a party member (deputy cell secretary)",
    reasonTermEnds: "{who}'s term ends {date}, before the deadline",
    secretaryWord: "The secretary",
    headWord: "The village head",
  },
  plan: {
    villages: "Villages",
    consolidated: "Consolidated",
    room: "Not consolidated",
    ownNeeded: "Needed for its own target",
    quota: "Quota",
    difference: "Difference (quota − own)",
    typedQuota: "Quota typed",
    typedDifference: "Difference (typed − computed)",
    rateAfter: "Rate when done (%)",
    note: "Notes",
    blockNote:
      "{needed} more villages to reach {cmp} {target} of {villages} ({required}); deadline {deadline}",
    above: "above",
    atLeast: "at least",
    noDeadline: "the target gives no year",
    met: "Target met: no quotas.",
    infeasible:
      "Cannot split: {needed} more are needed but the units below have only {capacity} villages not consolidated (is every village in the data?).",
    unreachable: "The target cannot be met with the villages there are: no quotas.",
    whyDifferent:
      "The units below need {own} villages for their own targets, while {unit} needs {needed}: a difference of {diff}, because each unit rounds up its own target separately (and their targets may differ). The quotas add up to exactly {needed}.",
    sameTotal: "The units' own shortfalls add up to what {unit} needs ({needed}).",
    basisRoom:
      "How quotas are split: in proportion to each unit's villages not consolidated, whole numbers by largest remainder, never more than a unit can do.",
    basisOwn:
      "How quotas are split: in proportion to each unit's own shortfall, whole numbers by largest remainder, never more than a unit can do.",
    paceTitle: "Pace of consolidation: {unit}",
    paceItem: "Item",
    paceValue: "Value",
    previousDate: "Previous period's date",
    previousCount: "Villages consolidated, previous period",
    currentDate: "This period's date",
    currentCount: "Villages consolidated, this period",
    perYear: "Villages consolidated per year (current pace)",
    reachedOn: "At this pace the target is reached on",
    never: "Never",
    deadline: "Deadline",
    neededPerYear: "Villages per year needed to meet the deadline",
    verdict: "Assessment",
    onTime: "On time",
    late: "Behind the deadline",
    noPrevious: "No previous period with a date: the pace cannot be computed.",
    none: "No unit has both a target and units below it to give quotas to.",
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
    hash: "Content hash",
    check: "Hash check",
    review: "Review",
    note: "Note",
    content: { matches: "Matches", edited: "MISMATCH: edited after export", "no-hash": "No hash" },
  },
  comparison: {
    consolidated: "Villages consolidated",
    previous: "Previous",
    current: "Current",
    change: "Change",
    rate: "Rate (%)",
    villages: "Villages",
    newUnit: "No previous figure",
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
  // Every report asks, and 100,000 villages carry a few distinct type texts: each distinct text is
  // put in form once, and the answer is kept per rollup (performance, issue 11).
  let words = villageWordsCache.get(rollup);
  if (!words) {
    const seen = new Set<string>();
    const formed = new Map<string, string | undefined>();
    const villages = rollup.villages;
    // Villages of one type usually follow one another: a text like the one before adds nothing.
    let last: string | null = null;
    for (let i = 0; i < villages.length; i++) {
      const raw = villages[i].record.type;
      if (!raw || raw === last) continue;
      last = raw;
      let known = formed.get(raw);
      if (known === undefined && !formed.has(raw)) {
        const type = typeForm(raw);
        known = VILLAGE_TYPES.find((t) => t === type);
        formed.set(raw, known);
      }
      if (known) seen.add(known);
    }
    words = VILLAGE_TYPES.filter((t) => seen.has(t));
    villageWordsCache.set(rollup, words);
  }
  return [...words];
}

const villageWordsCache = new WeakMap<Rollup, readonly string[]>();
