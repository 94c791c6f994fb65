import type { Message } from "../core/issues";

/** Why a file could not be read as a workbook at all. */
export type UnusableReason =
  | "not-found"
  | "directory"
  | "not-regular"
  | "too-large"
  | "empty"
  | "not-zip"
  | "legacy-xls"
  | "opendocument"
  | "encrypted"
  | "corrupt"
  | "unsupported-zip"
  | "zip-bomb"
  | "beyond-excel"
  | "text-too-long"
  | "too-many-cells"
  | "unsafe-xml";

const REASONS: Record<UnusableReason, Message> = {
  "not-found": { vi: "không có tệp này", en: "no such file" },
  directory: { vi: "đây là một thư mục, không phải tệp", en: "this is a folder, not a file" },
  "not-regular": {
    vi: "đây không phải tệp thông thường (ống dẫn, thiết bị hay ổ cắm); hãy lưu sổ làm việc thành tệp rồi chỉ đến tệp đó",
    en: "this is not a regular file (a pipe, device or socket); save the workbook as a file and name that file",
  },
  "too-large": {
    vi: "tệp quá lớn để đọc",
    en: "the file is too large to read",
  },
  empty: { vi: "tệp rỗng (0 byte)", en: "the file is empty (0 bytes)" },
  "not-zip": {
    vi: "không phải tệp .xlsx (có thể là tệp CSV hoặc văn bản đổi đuôi); hãy mở bằng Excel rồi lưu dạng .xlsx",
    en: "not an .xlsx file (perhaps a CSV or text file renamed); open it in Excel and save it as .xlsx",
  },
  "legacy-xls": {
    vi: "tệp .xls cũ (Excel 97–2003); hãy mở bằng Excel rồi lưu dạng .xlsx",
    en: "an old .xls file (Excel 97–2003); open it in Excel and save it as .xlsx",
  },
  opendocument: {
    vi: "tệp OpenDocument (.ods của LibreOffice hay OpenOffice), không phải .xlsx; hãy mở tệp rồi lưu dạng Excel 2007-365 (.xlsx)",
    en: "an OpenDocument file (.ods from LibreOffice or OpenOffice), not an .xlsx; open it and save it as Excel 2007-365 (.xlsx)",
  },
  encrypted: {
    vi: "tệp có mật khẩu; hãy gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại",
    en: "the file is password-protected; remove the password (File > Info > Protect Workbook) and save it again",
  },
  corrupt: {
    vi: "tệp .xlsx bị hỏng hoặc không phải sổ làm việc Excel",
    en: "the .xlsx file is damaged or is not an Excel workbook",
  },
  "unsupported-zip": {
    vi: "tệp nén theo cách Excel không dùng; hãy mở bằng Excel rồi lưu lại dạng .xlsx",
    en: "the file is compressed in a way Excel does not use; open it in Excel and save it again as .xlsx",
  },
  "zip-bomb": {
    vi: "nội dung giải nén vượt giới hạn (có thể là tệp cố ý gây hại)",
    en: "the content expands beyond the limits (possibly a deliberately harmful file)",
  },
  "beyond-excel": {
    vi: "có ô nằm ngoài giới hạn của Excel (1.048.576 dòng, 16.384 cột)",
    en: "a cell lies beyond Excel's limits (1,048,576 rows, 16,384 columns)",
  },
  "text-too-long": {
    vi: "có ô chứa văn bản dài hơn 32.767 ký tự, giới hạn của Excel",
    en: "a cell holds text longer than Excel's limit of 32,767 characters",
  },
  "too-many-cells": {
    vi: "sổ làm việc có quá nhiều ô để đọc",
    en: "the workbook has too many cells to read",
  },
  "unsafe-xml": {
    vi: "tệp chứa XML mà Excel không bao giờ ghi (khai báo DOCTYPE hay thực thể, lồng quá sâu)",
    en: "the file holds XML that Excel never writes (a DOCTYPE or entity declaration, nesting too deep)",
  },
};

/**
 * Thrown by the xlsx shell when a file cannot be read as a workbook at all (as opposed to problems
 * in the data, which are issues). Its message is one line, Vietnamese then English, fit to print
 * as is; `bilingual` holds the two languages separately for `--lang`. `detail`, when given, says
 * where and what exactly (a sheet and cell, a part of the zip, the limit exceeded).
 */
export class UnusableInputError extends Error {
  override readonly name = "UnusableInputError";
  /** The label of the file (usually its name), as shown in the message. */
  readonly file: string;
  readonly reason: UnusableReason;
  readonly bilingual: Message;

  constructor(file: string, reason: UnusableReason, options?: { cause?: unknown; detail?: Message }) {
    const bilingual = unusableMessage(file, reason, options?.detail);
    super(`${bilingual.vi} / ${bilingual.en}`, options);
    this.file = file;
    this.reason = reason;
    this.bilingual = bilingual;
  }
}

/** The message for an unusable file, in both languages, with the detail (where, which limit) if any. */
export function unusableMessage(file: string, reason: UnusableReason, detail?: Message): Message {
  const text = REASONS[reason];
  return {
    vi: `Không đọc được tệp “${file}”: ${text.vi}${detail ? ` (${oneLine(detail.vi)})` : ""}`,
    en: `Cannot read file “${file}”: ${text.en}${detail ? ` (${oneLine(detail.en)})` : ""}`,
  };
}

/** Details quote names from the file (sheet names, zip entries): no line break may split the message. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "�");
}

/** True for an `UnusableInputError`, also across module copies (jest, bundles). */
export function isUnusableInputError(error: unknown): error is UnusableInputError {
  return (
    error instanceof UnusableInputError || (error instanceof Error && error.name === "UnusableInputError")
  );
}
