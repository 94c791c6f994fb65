import type { Message } from "../../core/issues";

/**
 * The import's own messages to the clerk (why a picked file is not taken), Vietnamese first. The
 * engine's issues keep their catalogue in src/core/issues.ts; these are about files, not data.
 */
export const IMPORT_MESSAGES = {
  /** How the open workbook is named in the conflicts' messages. */
  receivingWorkbook: { vi: "sổ đang mở", en: "this workbook" },
  unreadable: {
    vi: "Không đọc được tệp.",
    en: "The file cannot be read.",
  },
  notSubmission: {
    vi: "Không phải tệp nộp báo cáo: thiếu trang “Thông tin nộp”. Đơn vị cấp dưới cần lập tệp nộp bằng nút “Tạo tệp nộp” (mục Nhập > Nộp báo cáo) của phần bổ trợ.",
    en: "Not a submission: it has no “Thông tin nộp” sheet. The unit below must make its submission with the add-in's “Make the submission” button (Import > Submit).",
  },
  noVillageRows: {
    vi: "Tệp không có dòng thôn nào.",
    en: "The file has no village rows.",
  },
  superseded: (newer: { file: string; generatedAt: string }): Message => ({
    vi: `Đã chọn tệp mới hơn của cùng đơn vị (“${newer.file}”, lập lúc ${newer.generatedAt}).`,
    en: `A newer file of the same unit was picked (“${newer.file}”, made at ${newer.generatedAt}).`,
  }),
  older: (
    file: { generatedAt: string; unit: string },
    previous: { file: string; generatedAt: string },
  ): Message => ({
    vi: `Tệp này lập lúc ${file.generatedAt}, cũ hơn bản đã nhập của ${file.unit} (tệp “${previous.file}”, lập lúc ${previous.generatedAt}): không nhập.`,
    en: `This file was made at ${file.generatedAt}, before the submission of ${file.unit} already imported (“${previous.file}”, made at ${previous.generatedAt}): not imported.`,
  }),
  replacesAccepted: (
    file: { file: string; generatedAt: string; hash: string },
    accepted: { file: string; generatedAt: string; contentHash: string | null; importedAt: string },
  ): Message => ({
    vi: `Bản nộp đã nhận (“${accepted.file}”, lập lúc ${accepted.generatedAt}, mã ${accepted.contentHash ?? "—"}) sẽ bị thay bằng tệp này (“${file.file}”, lập lúc ${file.generatedAt}, mã ${file.hash}). Chỉ nhập khi anh/chị xác nhận thay bản đã nhận.`,
    en: `The accepted submission (“${accepted.file}”, made at ${accepted.generatedAt}, hash ${accepted.contentHash ?? "—"}) would be replaced by this file (“${file.file}”, made at ${file.generatedAt}, hash ${file.hash}). Imported only if you confirm replacing the accepted one.`,
  }),
  alreadyImported: (unit: string, previous: { file: string; importedAt: string }): Message => ({
    vi: `Bản nộp này của ${unit} đã được nhập lúc ${previous.importedAt} (tệp “${previous.file}”).`,
    en: `This submission of ${unit} was already imported at ${previous.importedAt} (“${previous.file}”).`,
  }),
} as const;
