import { foldKey } from "./text/normalize";

/**
 * The sheets this product writes into workbooks, as the reader must recognise them when they come
 * back as input: the report settings sheet (read by the reports, not data) and the reports' title
 * lines (a report copied into a submission is not data either, even when its mark was lost). They
 * live in core because the reader (core/read) needs them and core depends on nothing above it; the
 * report layer (src/report/labels.ts, src/report/settingsSheet.ts) takes them from here.
 */

/** The name of the sheet clerks fill in to set the header block ("Cài đặt báo cáo"); matched loosely. */
export const SETTINGS_SHEET_NAME = "Cài đặt báo cáo";
export const SETTINGS_SHEET_NAME_EN = "Report settings";

/** True for the report settings sheet's name in either language (no case, diacritics or spaces). */
export function isSettingsSheetName(name: string): boolean {
  const k = foldKey(name);
  return k === foldKey(SETTINGS_SHEET_NAME) || k === foldKey(SETTINGS_SHEET_NAME_EN);
}

/**
 * The title lines of each report, by report id, in Vietnamese and English. In the Vietnamese ones
 * `{V}` stands for the village types of the data joined ("THÔN, TỔ DÂN PHỐ") and `{V1}` for the
 * first of them (see `labelsFor` in src/report/labels.ts, which fills them in).
 */
export const REPORT_TITLE_LINES = {
  vi: {
    summary: ["BIỂU TỔNG HỢP", "KẾT QUẢ NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG {V}"],
    communePosts: ["BIỂU TỔNG HỢP", "KẾT QUẢ NHẤT THỂ HÓA CHỨC DANH CHỦ CHỐT CẤP XÃ"],
    secretaries: ["BIỂU TỔNG HỢP", "CHẤT LƯỢNG ĐỘI NGŨ BÍ THƯ CHI BỘ {V}"],
    partyCells: ["BIỂU TỔNG HỢP", "TÌNH HÌNH CHI BỘ {V}"],
    toConsolidate: ["DANH SÁCH {V}", "CHƯA NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG {V1}"],
    dataCheck: ["KẾT QUẢ KIỂM TRA DỮ LIỆU", "CÁC VẤN ĐỀ PHÁT HIỆN TRONG SỐ LIỆU ĐẦU VÀO"],
    completeness: ["TÌNH HÌNH NỘP BÁO CÁO", "CỦA CÁC ĐƠN VỊ CẤP DƯỚI"],
    comparison: ["BIỂU SO SÁNH", "KẾT QUẢ NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG THÔN SO VỚI KỲ TRƯỚC"],
    annex: ["PHỤ LỤC", "DANH SÁCH BÍ THƯ CHI BỘ KIÊM TRƯỞNG {V}", "VÀ CÁN BỘ CHỦ CHỐT CẤP XÃ KIÊM NHIỆM"],
    plan: ["KẾ HOẠCH NHẤT THỂ HÓA BÍ THƯ CHI BỘ KIÊM TRƯỞNG {V1}", "CHỈ TIÊU GIAO CHO CÁC ĐƠN VỊ TRỰC THUỘC"],
  },
  en: {
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
    plan: ["CONSOLIDATION PLAN: CELL SECRETARIES WHO ARE ALSO VILLAGE HEADS", "QUOTAS FOR THE UNITS BELOW"],
  },
} as const satisfies Record<"vi" | "en", Record<string, readonly string[]>>;
