import type { Language } from "../core/summary";
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
  },
  titles: {
    summary: ["BIỂU TỔNG HỢP", "KẾT QUẢ NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG THÔN, TỔ DÂN PHỐ"],
    communePosts: ["BIỂU TỔNG HỢP", "KẾT QUẢ NHẤT THỂ HÓA CHỨC DANH CHỦ CHỐT CẤP XÃ"],
    secretaries: ["BIỂU TỔNG HỢP", "CHẤT LƯỢNG ĐỘI NGŨ BÍ THƯ CHI BỘ THÔN, TỔ DÂN PHỐ"],
    partyCells: ["BIỂU TỔNG HỢP", "TÌNH HÌNH CHI BỘ THÔN, TỔ DÂN PHỐ"],
    toConsolidate: ["DANH SÁCH", "THÔN, TỔ DÂN PHỐ CHƯA NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG THÔN"],
    dataCheck: ["KẾT QUẢ KIỂM TRA DỮ LIỆU", "CÁC VẤN ĐỀ PHÁT HIỆN TRONG SỐ LIỆU ĐẦU VÀO"],
    completeness: ["TÌNH HÌNH NỘP BÁO CÁO", "CỦA CÁC ĐƠN VỊ CẤP DƯỚI"],
    comparison: ["BIỂU SO SÁNH", "KẾT QUẢ NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG THÔN SO VỚI KỲ TRƯỚC"],
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
    villages: "Số thôn, tổ dân phố",
    consolidated: "Số thôn nhất thể hóa",
    rate: "Tỷ lệ (%)",
    target: "Chỉ tiêu (%)",
    gap: "Còn thiếu (điểm %)",
    needed: "Số thôn cần thêm",
    status: "Đánh giá",
    village: "Thôn, tổ dân phố",
  },
  posts: { communes: "Số xã", count: "Số xã", rate: "Tỷ lệ (%)", yes: "Có", no: "Không" },
  secretaries: { secretaries: "Số bí thư chi bộ", count: "Số người", rate: "Tỷ lệ (%)" },
  cells: {
    villages: "Số thôn, tổ dân phố",
    ownCell: "Thôn có chi bộ riêng",
    smallCells: "Chi bộ dưới 3 đảng viên",
    members: "Số đảng viên",
    membersPerCell: "Đảng viên bình quân / chi bộ",
    count: "Số lượng",
    rateOfVillages: "Tỷ lệ (%)",
    rateOfCells: "Tỷ lệ (%)",
  },
  toConsolidate: {
    village: "Đơn vị / Thôn, tổ dân phố",
    secretary: "Bí thư chi bộ",
    head: "Trưởng thôn",
    notConsolidated: "Số thôn chưa nhất thể hóa",
    needed: "Số thôn cần thêm để đạt chỉ tiêu",
    note: "Ghi chú",
    unknown: "Chưa rõ (thiếu dữ liệu)",
    none: "Tất cả thôn, tổ dân phố đã nhất thể hóa.",
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

export function labelsFor(language: Language): Labels {
  return language === "en" ? EN : VI;
}
