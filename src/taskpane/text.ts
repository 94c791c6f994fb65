import type { Message } from "../core/issues";
import type { Language } from "../core/summary";
import type { ReadProgress } from "../port/workbookPort";

/** Every fixed text of the pane, Vietnamese first. */
export const T = {
  title: { vi: "Nhất thể hóa — Tổng hợp", en: "Consolidation of posts — rollup" },
  subtitle: {
    vi: "Bí thư chi bộ kiêm trưởng thôn và các chức danh chủ chốt",
    en: "Cell secretaries who are also village heads, and commune leaders",
  },
  english: { vi: "English", en: "English" },
  languageSwitch: { vi: "Hiển thị bằng tiếng Anh", en: "Show in English" },
  demoBadge: { vi: "Chế độ thử", en: "Demo mode" },
  demoNote: {
    vi: "Ngoài Excel: bảng tính mẫu Lạng Sơn trong bộ nhớ (có 4 lỗi nhập liệu cố ý). Không có gì được gửi đi.",
    en: "Outside Excel: the Lạng Sơn sample workbook, in memory (with 4 deliberate typing mistakes). Nothing is sent anywhere.",
  },
  demoNoteEmpty: {
    vi: "Ngoài Excel: một bảng tính trống, trong bộ nhớ. Không có gì được gửi đi.",
    en: "Outside Excel: an empty workbook, in memory. Nothing is sent anywhere.",
  },
  demoNoteDistrict: {
    vi: "Ngoài Excel: sổ tổng hợp của huyện Bình Gia, trong bộ nhớ (mới có danh sách 19 xã phải nộp). Không có gì được gửi đi.",
    en: "Outside Excel: Bình Gia district's workbook, in memory (only the list of the 19 communes that must report). Nothing is sent anywhere.",
  },
  submitTitle: { vi: "Nộp báo cáo", en: "Submit" },
  submitHelp: {
    vi: "Lập tệp nộp cho cấp trên: các báo cáo của đơn vị, các trang số liệu chuẩn và trang “Thông tin nộp”.",
    en: "Make the submission for the level above: the unit's reports, the standard data sheets and the “Thông tin nộp” sheet.",
  },
  submitPeriod: { vi: "Kỳ báo cáo", en: "Reporting period" },
  submitPeriodPlaceholder: {
    vi: "ví dụ Quý III/2025 (trống: theo cài đặt)",
    en: "e.g. Quý III/2025 (empty: from the settings)",
  },
  submitMake: { vi: "Tạo tệp nộp", en: "Make the submission" },
  submitRunning: { vi: "Đang lập tệp nộp…", en: "Making the submission…" },
  submitOpened: {
    vi: "Tệp nộp đã mở thành sổ tính mới trong Excel: hãy lưu rồi gửi.",
    en: "The submission opened as a new workbook in Excel: save it, then send it.",
  },
  submitDownloaded: { vi: "Đã tải tệp nộp xuống:", en: "The submission was downloaded:" },
  selfTest: { vi: "Kiểm tra tương thích", en: "Compatibility self-test" },
  selfTestAbout: {
    vi: "Chạy thử trên một trang tạm (xóa khi xong) mọi thao tác Excel mà phần bổ trợ dùng, rồi cho một báo cáo để sao chép và gửi.",
    en: "Tries every Excel operation the add-in uses on a temporary sheet (removed afterwards), then gives a report to copy and send.",
  },
  selfTestRun: { vi: "Chạy kiểm tra", en: "Run the self-test" },
  selfTestRunning: { vi: "Đang kiểm tra…", en: "Checking…" },
  selfTestCopy: { vi: "Sao chép báo cáo", en: "Copy the report" },
  selfTestCopied: { vi: "Đã sao chép.", en: "Copied." },
  selfTestReport: { vi: "Báo cáo kiểm tra", en: "Self-test report" },
  excelBadge: { vi: "Trong Excel", en: "In Excel" },
  tabs: { vi: "Các mục", en: "Sections" },
  tabData: { vi: "Dữ liệu", en: "Data" },
  tabImport: { vi: "Nhập", en: "Import" },
  tabReports: { vi: "Báo cáo", en: "Reports" },
  tabFunctions: { vi: "Hàm NTH", en: "NTH functions" },
  unsupported: { vi: "Phiên bản Excel này thiếu một số tính năng", en: "This Excel lacks some features" },
  needs: { vi: "cần", en: "needs" },
  unsupportedHint: {
    vi: "Hãy dùng Excel cho Microsoft 365, Excel 2021 trở lên hoặc Excel trên web.",
    en: "Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web.",
  },
  features: {
    read: { vi: "Đọc dữ liệu", en: "Reading the data" },
    createSheets: { vi: "Tạo trang chuẩn", en: "Creating the standard sheets" },
    reports: { vi: "Lập báo cáo", en: "Generating reports" },
    chart: { vi: "Biểu đồ trong trang Tổng hợp", en: "The chart on the summary sheet" },
    selectCell: { vi: "Chọn ô có lỗi", en: "Selecting a cell" },
    insertFormula: { vi: "Chèn công thức", en: "Inserting a formula" },
    settings: { vi: "Ghi nhớ lựa chọn trong bảng tính", en: "Remembering choices in the workbook" },
  },
  // Data tab
  createTitle: { vi: "Các trang chuẩn", en: "The standard sheets" },
  createHelp: {
    vi: "Tạo các trang Thôn, Cán bộ, Chỉ tiêu (bảng Excel có danh sách chọn), trang Cài đặt báo cáo và trang Hướng dẫn. Không ghi đè trang nào đã có.",
    en: "Creates the Villages, Office-holders and Targets sheets (Excel tables with drop-down lists), a report settings sheet and an instructions sheet. No existing sheet is overwritten.",
  },
  createButton: { vi: "Tạo các trang chuẩn", en: "Create the standard sheets" },
  creating: { vi: "Đang tạo…", en: "Creating…" },
  created: { vi: "Đã tạo", en: "Created" },
  alreadyThere: { vi: "Đã có sẵn (giữ nguyên)", en: "Already there (kept)" },
  nothingCreated: {
    vi: "Bảng tính đã có đủ các trang chuẩn.",
    en: "The workbook already has every standard sheet.",
  },
  checkTitle: { vi: "Kiểm tra dữ liệu", en: "Check the data" },
  checkHelp: {
    vi: "Đọc các trang dữ liệu và liệt kê mọi chỗ cần sửa; bấm vào một dòng để chọn ô đó.",
    en: "Reads the data sheets and lists everything to fix; click a line to select that cell.",
  },
  checkButton: { vi: "Kiểm tra dữ liệu", en: "Check the data" },
  checking: { vi: "Đang đọc và kiểm tra…", en: "Reading and checking…" },
  noIssues: {
    vi: "Không có lỗi nào. Dữ liệu sẵn sàng để lập báo cáo.",
    en: "No issues. The data is ready for the reports.",
  },
  errors: { vi: "lỗi", en: "errors" },
  warnings: { vi: "cảnh báo", en: "warnings" },
  error1: { vi: "lỗi", en: "error" },
  warning1: { vi: "cảnh báo", en: "warning" },
  file1: { vi: "tệp", en: "file" },
  errorHeading: { vi: "Lỗi", en: "Errors" },
  warningHeading: { vi: "Cảnh báo", en: "Warnings" },
  infoHeading: { vi: "Thông tin (trang, dòng đã bỏ qua)", en: "Information (sheets and rows skipped)" },
  wholeWorkbook: { vi: "Toàn bảng tính", en: "Whole workbook" },
  sheet: { vi: "Trang", en: "Sheet" },
  issueList: { vi: "Các vấn đề theo trang", en: "Issues by sheet" },
  selectCellOf: { vi: "Chọn ô", en: "Select cell" },
  previous: { vi: "Trang trước", en: "Previous page" },
  next: { vi: "Trang sau", en: "Next page" },
  page: { vi: "Trang", en: "Page" },
  of: { vi: "/", en: "of" },
  emptyWorkbook: {
    vi: "Bảng tính chưa có dữ liệu. Bấm “Tạo các trang chuẩn” rồi nhập danh sách thôn vào trang Thôn.",
    en: "The workbook has no data yet. Click “Create the standard sheets”, then fill in the villages sheet.",
  },
  cannotUse: { vi: "Chưa đọc được dữ liệu", en: "The data cannot be read yet" },
  needsSheets: {
    vi: "Bổ trợ cần một trang Thôn (mỗi thôn một dòng, có các cột Tỉnh, Xã, Thôn); bấm “Tạo các trang chuẩn” để tạo trang này cùng trang Cán bộ và Chỉ tiêu.",
    en: "The add-in needs a villages sheet (one row per village, with Province, Commune and Village columns); click “Create the standard sheets” to make it, with the office-holders and targets sheets.",
  },
  // Inserting a formula over something
  overwriteTitle: { vi: "Ghi đè ô đang có dữ liệu?", en: "Overwrite a cell that holds data?" },
  overwriteBody: {
    vi: "Ô {cell} đang có dữ liệu. Chèn công thức sẽ thay thế nội dung này.",
    en: "Cell {cell} holds data. Inserting the formula replaces it.",
  },
  dataAreaTitle: { vi: "Ô trong vùng dữ liệu của trang chuẩn", en: "A cell in a standard sheet's data" },
  dataAreaBody: {
    vi: "Ô {cell} nằm trong vùng dữ liệu của trang {sheet}, nơi bổ trợ đọc số liệu. Một công thức ở đây sẽ được đọc như dữ liệu. Vẫn chèn?",
    en: "Cell {cell} is in the data of the {sheet} sheet, which the add-in reads. A formula here is read as data. Insert anyway?",
  },
  insertAnyway: { vi: "Vẫn chèn", en: "Insert anyway" },
  keepCell: { vi: "Không chèn", en: "Don't insert" },
  // Announcements (the live region)
  announceChecking: { vi: "Đang kiểm tra dữ liệu…", en: "Checking the data…" },
  readingSheet: { vi: "Đang đọc trang", en: "Reading sheet" },
  rowsOf: { vi: "dòng", en: "rows" },
  cancellingCheck: { vi: "Đang dừng sau phần đang đọc…", en: "Stopping after the rows being read…" },
  checkCancelled: {
    vi: "Đã dừng kiểm tra. Bảng tính không thay đổi.",
    en: "Check cancelled. Nothing in the workbook was changed.",
  },
  announceCreating: { vi: "Đang tạo các trang chuẩn…", en: "Creating the standard sheets…" },
  announceGenerating: { vi: "Đang lập báo cáo…", en: "Generating the reports…" },
  // Glance
  glanceTitle: { vi: "Tổng quan", en: "At a glance" },
  villages: { vi: "Thôn, tổ dân phố", en: "Villages" },
  consolidated: { vi: "Bí thư kiêm trưởng thôn", en: "Secretary also head" },
  rate: { vi: "Tỷ lệ", en: "Rate" },
  target: { vi: "Chỉ tiêu", en: "Target" },
  noTarget: { vi: "chưa có chỉ tiêu", en: "no target" },
  stillNeeded: { vi: "Còn cần", en: "Still needed" },
  villagesMore: { vi: "thôn nữa", en: "more" },
  met: { vi: "Đạt chỉ tiêu", en: "Target met" },
  notMet: { vi: "Chưa đạt", en: "Not met" },
  chartTitle: { vi: "Tỷ lệ theo đơn vị", en: "Rate by unit" },
  chartTargetLine: { vi: "Vạch chỉ tiêu", en: "Target line" },
  above: { vi: "trên", en: "above" },
  // Reports tab
  reportsTitle: { vi: "Lập báo cáo", en: "Generate reports" },
  reportsHelp: {
    vi: "Lập các biểu tổng hợp theo mẫu từ dữ liệu trong bảng tính. Lập lại chỉ thay các trang báo cáo của tiện ích.",
    en: "Builds the official summary sheets from the workbook's data. Regenerating replaces only the add-in's own report sheets.",
  },
  level: { vi: "Cấp báo cáo", en: "Reporting level" },
  unit: { vi: "Đơn vị báo cáo", en: "Reporting unit" },
  levels: {
    province: { vi: "Tỉnh, thành phố", en: "Province" },
    district: { vi: "Huyện, quận, thị xã", en: "District" },
    commune: { vi: "Xã, phường, thị trấn", en: "Commune" },
  },
  unitsUnknown: {
    vi: "Đơn vị báo cáo: theo dữ liệu. Bấm “Đọc đơn vị” để chọn cấp khác.",
    en: "Reporting unit: as the data says. Click “Read units” to choose another level.",
  },
  readUnits: { vi: "Đọc đơn vị", en: "Read units" },
  whichReports: { vi: "Các biểu cần lập", en: "Which report sheets" },
  reportLanguage: { vi: "Ngôn ngữ báo cáo", en: "Report language" },
  vietnamese: { vi: "Tiếng Việt", en: "Vietnamese" },
  englishLanguage: { vi: "Tiếng Anh", en: "English" },
  layout: { vi: "Trình bày cấp tỉnh", en: "Province layout" },
  nested: { vi: "Huyện và các xã", en: "Districts with their communes" },
  flat: { vi: "Chỉ cấp huyện", en: "Districts only" },
  headerBlock: {
    vi: "Phần đầu và chữ ký (lưu ở trang Cài đặt báo cáo)",
    en: "Header and signature (kept in the report settings sheet)",
  },
  headerHelp: {
    vi: "Để trống để dùng giá trị gợi ý theo dữ liệu.",
    en: "Leave empty to use the suggestion from the data.",
  },
  headerUsed: { vi: "Sẽ in", en: "Will print" },
  generateButton: { vi: "Lập báo cáo", en: "Generate reports" },
  chooseOne: { vi: "Chọn ít nhất một biểu.", en: "Choose at least one sheet." },
  cancel: { vi: "Dừng", en: "Cancel" },
  cancelling: { vi: "Đang dừng sau trang hiện tại…", en: "Stopping after the current sheet…" },
  progressLabel: { vi: "Tiến độ lập báo cáo", en: "Report generation progress" },
  stepRead: { vi: "Đang đọc dữ liệu…", en: "Reading the data…" },
  stepAnalyse: { vi: "Đang kiểm tra và tổng hợp…", en: "Checking and rolling up…" },
  stepWrite: { vi: "Đang ghi trang", en: "Writing sheet" },
  stepChart: { vi: "Đang vẽ biểu đồ…", en: "Drawing the chart…" },
  done: { vi: "Đã lập xong", en: "Done" },
  sheetsMade: { vi: "trang báo cáo", en: "report sheets" },
  replaced: { vi: "thay bản cũ", en: "replaced" },
  openSheet: { vi: "Mở trang", en: "Open sheet" },
  withChart: {
    vi: "Trang Tổng hợp có biểu đồ tỷ lệ theo đơn vị.",
    en: "The summary sheet has a chart of the rate by unit.",
  },
  cancelled: { vi: "Đã dừng", en: "Cancelled" },
  cancelledBody: {
    vi: "Các trang đã lập xong được giữ nguyên; các trang còn lại chưa được lập.",
    en: "The sheets finished are kept; the others were not made.",
  },
  failed: { vi: "Lập báo cáo không thành công", en: "Report generation failed" },
  unusable: { vi: "Chưa lập được báo cáo", en: "Reports cannot be made yet" },
  settingsProblems: {
    vi: "Trang Cài đặt báo cáo có ô không đọc được",
    en: "Some report settings could not be read",
  },
  // Import tab
  importTitle: { vi: "Nhập báo cáo của đơn vị cấp dưới", en: "Import the submissions of the units below" },
  importHelp: {
    vi: "Chọn một hoặc nhiều tệp nộp (.xlsx) do xã, huyện gửi lên. Tệp được đọc ngay trên máy này, không gửi đi đâu. Trước khi ghi, xem những gì sẽ thay đổi.",
    en: "Pick one or more submission files (.xlsx) sent by the communes or districts. They are read on this computer and sent nowhere. See what changes before anything is written.",
  },
  pickFiles: { vi: "Chọn tệp nộp…", en: "Pick submission files…" },
  pickFilesLabel: { vi: "Tệp nộp báo cáo (.xlsx)", en: "Submission files (.xlsx)" },
  readingFiles: { vi: "Đang đọc", en: "Reading" },
  files: { vi: "tệp", en: "files" },
  importMode: { vi: "Ghi vào", en: "Write into" },
  modeSheets: {
    vi: "Các trang chuẩn của sổ này (Thôn, Cán bộ, Chỉ tiêu)",
    en: "This workbook's standard sheets (Villages, Office-holders, Targets)",
  },
  modeCopy: {
    vi: "Bản gộp riêng (giữ nguyên các trang của sổ)",
    en: "A combined copy (this workbook's sheets stay as they are)",
  },
  modeLocked: {
    vi: "Sổ đã có bản gộp: dữ liệu nhập tiếp vào bản gộp.",
    en: "The workbook has a combined copy: imports go on into it.",
  },
  previewTitle: { vi: "Xem trước khi nhập", en: "Before importing" },
  willImport: { vi: "sẽ nhập", en: "to import" },
  notImported: { vi: "không nhập", en: "not imported" },
  status: {
    new: { vi: "Mới", en: "New" },
    replaces: { vi: "Thay bản cũ", en: "Replaces" },
    older: { vi: "Cũ hơn — không nhập", en: "Older — refused" },
    same: { vi: "Đã nhập rồi", en: "Already imported" },
    superseded: { vi: "Có bản mới hơn", en: "Newer one picked" },
    "not-submission": { vi: "Không phải tệp nộp", en: "Not a submission" },
    unreadable: { vi: "Không đọc được", en: "Unreadable" },
    "no-rows": { vi: "Không có dữ liệu", en: "No data" },
    "replaces-accepted": { vi: "Thay bản đã nhận?", en: "Replaces an accepted one?" },
  },
  hashWord: { vi: "mã", en: "hash" },
  editedAfterExport: {
    vi: "Số liệu không khớp mã nội dung: tệp đã bị sửa sau khi lập. Hãy hỏi lại đơn vị nộp.",
    en: "The data does not match its content hash: the file was edited after it was made. Check with the unit.",
  },
  replaceAccepted: { vi: "Thay bản đã nhận…", en: "Replace the accepted one…" },
  replaceAcceptedTitle: { vi: "Thay bản nộp đã nhận?", en: "Replace an accepted submission?" },
  keepAccepted: { vi: "Giữ bản đã nhận", en: "Keep the accepted one" },
  replaceAcceptedConfirm: { vi: "Thay bằng tệp này", en: "Replace with this file" },
  period: { vi: "Kỳ", en: "Period" },
  madeAt: { vi: "lập", en: "made" },
  villagesWord: { vi: "thôn", en: "villages" },
  consolidatedWord: { vi: "nhất thể hóa", en: "consolidated" },
  andMore: { vi: "và", en: "and" },
  more: { vi: "mục nữa", en: "more" },
  versusWorkbook: { vi: "So với sổ", en: "Against the workbook" },
  added: { vi: "thêm", en: "added" },
  removed: { vi: "bớt", en: "removed" },
  changedFields: { vi: "thay đổi", en: "changed" },
  noChange: { vi: "không đổi", en: "no change" },
  details: { vi: "Chi tiết", en: "Details" },
  villageAdded: { vi: "Thêm thôn", en: "Village added" },
  villageRemoved: { vi: "Bớt thôn", en: "Village removed" },
  fields: {
    consolidatedFlag: { vi: "Nhất thể hóa", en: "Consolidated" },
    secretary: { vi: "Bí thư", en: "Secretary" },
    head: { vi: "Trưởng thôn", en: "Head" },
    hasOwnCell: { vi: "Có chi bộ", en: "Own cell" },
    partyMembers: { vi: "Số đảng viên", en: "Members" },
  },
  yes: { vi: "Có", en: "Yes" },
  no: { vi: "Không", en: "No" },
  empty: { vi: "trống", en: "empty" },
  replacedRows: { vi: "dòng của lần nhập trước được thay", en: "rows of the earlier import replaced" },
  keptVillages: {
    vi: "thôn của đơn vị này đã có trong sổ (nhập tay hoặc từ tệp khác) được giữ nguyên — sẽ trùng với tệp nộp",
    en: "villages of this unit already in the workbook (typed, or from another file) are kept — they will duplicate the submission",
  },
  skippedRows: {
    vi: "dòng không phải dữ liệu thôn (dòng tổng, dòng thiếu tên) bị bỏ qua",
    en: "rows that are not village data (totals, rows missing a name) skipped",
  },
  conflictsTitle: { vi: "Điểm vênh cần xem", en: "Conflicts to look at" },
  noConflicts: { vi: "Không có điểm vênh giữa các nguồn.", en: "No conflict between the sources." },
  otherIssues: {
    vi: "vấn đề khác trong dữ liệu nộp (xem ở Kiểm tra dữ liệu sau khi nhập)",
    en: "other issues in the submitted data (see Check the data after the import)",
  },
  confirmImport: { vi: "Nhập vào sổ", en: "Import" },
  cancelImport: { vi: "Hủy", en: "Cancel" },
  applying: { vi: "Đang ghi", en: "Writing" },
  importDone: { vi: "Đã nhập", en: "Imported" },
  importDoneBody: {
    vi: "Mỗi dòng ghi rõ nguồn ở các cột Tệp nguồn, Đơn vị nộp, Kỳ báo cáo, Thời điểm nhập; nhật ký ở trang Nhật ký nhập.",
    en: "Each row says where it came from in the columns Tệp nguồn, Đơn vị nộp, Kỳ báo cáo, Thời điểm nhập (source file, unit, period, time); the log is on the import log sheet.",
  },
  toReports: { vi: "Lập báo cáo", en: "Generate reports" },
  importFailed: { vi: "Nhập không thành công", en: "The import failed" },
  completenessTitle: { vi: "Tình hình nộp báo cáo", en: "Who has reported" },
  completenessAfter: { vi: "Sau khi nhập", en: "After the import" },
  unitsReported: { vi: "đơn vị đã nộp", en: "units reported" },
  late: { vi: "nộp muộn", en: "late" },
  missing: { vi: "chưa nộp", en: "missing" },
  basis: {
    "units-sheet": { vi: "theo trang Đơn vị", en: "against the Units sheet" },
    "previous-period": {
      vi: "theo các đơn vị đã có trong sổ",
      en: "against the units already in the workbook",
    },
    targets: { vi: "theo trang Chỉ tiêu", en: "against the Targets sheet" },
  },
  unitStatus: {
    reported: { vi: "Đã nộp", en: "Reported" },
    late: { vi: "Nộp muộn", en: "Late" },
    missing: { vi: "Chưa nộp", en: "Missing" },
  },
  deadline: { vi: "hạn", en: "deadline" },
  // Functions tab
  functionsTitle: { vi: "Các hàm NTH trong ô tính", en: "NTH functions in cells" },
  functionsHelp: {
    vi: "Chọn một ô trong Excel rồi bấm “Chèn” để đưa ví dụ vào ô đó.",
    en: "Select a cell in Excel, then click “Insert” to put the example in it.",
  },
  insert: { vi: "Chèn", en: "Insert" },
  insertInto: { vi: "vào ô đang chọn", en: "into the selected cell" },
  example: { vi: "Ví dụ", en: "Example" },
  dismiss: { vi: "Đóng", en: "Dismiss" },
} as const;

/** The text in the pane's language. */
export function tr(lang: Language, message: Message): string {
  return message[lang];
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/** 0.4755 → "47,6%" (vi) or "47.6%" (en). */
/** "Đang đọc trang Thôn: 2.000/10.000 dòng" (numbers the Vietnamese way in Vietnamese). */
export function readingText(progress: ReadProgress, lang: Language): string {
  const n = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB");
  return `${tr(lang, T.readingSheet)} ${progress.sheet}: ${n.format(progress.rowsRead)}/${n.format(progress.rowCount)} ${tr(lang, T.rowsOf)}`;
}

/**
 * What the live region says of the reading: the sheet and a quarter step of its rows (0, 25, 50,
 * 75, 100 %), so that a screen reader hears at most five sayings per sheet however many chunks
 * the rows are read in (the screen shows `readingText`, every chunk). A polite region queues every
 * change: one per chunk of a 100,000-row sheet kept the reader talking long after the check.
 */
export function readingAnnouncement(progress: ReadProgress, lang: Language): string {
  const quarter =
    progress.rowCount <= 0
      ? 100
      : Math.min(100, 25 * Math.floor((4 * progress.rowsRead) / progress.rowCount));
  return `${tr(lang, T.readingSheet)} ${progress.sheet}: ${quarter}%`;
}

export function formatPercent(rate: number | null, lang: Language): string {
  if (rate === null) return "—";
  const locale = lang === "vi" ? "vi-VN" : "en-GB";
  let f = percentFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: "percent",
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    percentFormats.set(locale, f);
  }
  return f.format(rate);
}

const dateFormats = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formatsOf(lang: Language): { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat } {
  const locale = lang === "vi" ? "vi-VN" : "en-GB";
  let f = dateFormats.get(locale);
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric" }),
      time: new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hour12: false }),
    };
    dateFormats.set(locale, f);
  }
  return f;
}

/** An ISO time as the clerk reads it, in local time: "09/09/2021 09:00". */
export function formatTime(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const f = formatsOf(lang);
  return `${f.date.format(date)} ${f.time.format(date)}`;
}

/** An ISO date ("2021-09-15") as the clerk reads it: "15/09/2021". */
export function formatDate(iso: string, lang: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return formatsOf(lang).date.format(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** 12345 → "12.345" (vi) or "12,345" (en). */
export function formatCount(n: number, lang: Language): string {
  return n.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB");
}

/**
 * A count with its noun: "1 error", "2 errors"; Vietnamese nouns do not change ("1 lỗi", "2 lỗi").
 * The number is written the language's way (formatCount).
 */
export function countOf(n: number, one: Message, many: Message, lang: Language): string {
  return `${formatCount(n, lang)} ${tr(lang, n === 1 ? one : many)}`;
}

/**
 * The pane's first language: English when Office's display language is English, Vietnamese
 * otherwise (Vietnamese Office, any other language, or outside Office). A `?lang=` in the page's
 * address wins (the demo and the tests use it).
 */
export function initialLanguage(displayLanguage: string | null | undefined, query: string | null): Language {
  if (query === "en" || query === "vi") return query;
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en" : "vi";
}

/**
 * The list separator of the clerk's Excel: ";" where the decimal separator is a comma (Vietnamese
 * settings), "," otherwise. Without the decimal separator (Excel older than ExcelApi 1.11, or the
 * demo), the pane's language decides: Vietnamese Excel uses a decimal comma.
 */
export function listSeparatorFor(decimalSeparator: string | null, lang: Language): string {
  if (decimalSeparator !== null) return decimalSeparator === "," ? ";" : ",";
  return lang === "vi" ? ";" : ",";
}
