import type { Message } from "../core/issues";

/** Why a file could not be read as a workbook at all. */
export type UnusableReason =
  "not-found" | "directory" | "empty" | "not-zip" | "legacy-xls" | "encrypted" | "corrupt";

const REASONS: Record<UnusableReason, Message> = {
  "not-found": { vi: "không có tệp này", en: "no such file" },
  directory: { vi: "đây là một thư mục, không phải tệp", en: "this is a folder, not a file" },
  empty: { vi: "tệp rỗng (0 byte)", en: "the file is empty (0 bytes)" },
  "not-zip": {
    vi: "không phải tệp .xlsx (có thể là tệp CSV hoặc văn bản đổi đuôi); hãy mở bằng Excel rồi lưu dạng .xlsx",
    en: "not an .xlsx file (perhaps a CSV or text file renamed); open it in Excel and save it as .xlsx",
  },
  "legacy-xls": {
    vi: "tệp .xls cũ (Excel 97–2003); hãy mở bằng Excel rồi lưu dạng .xlsx",
    en: "an old .xls file (Excel 97–2003); open it in Excel and save it as .xlsx",
  },
  encrypted: {
    vi: "tệp có mật khẩu; hãy gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại",
    en: "the file is password-protected; remove the password (File > Info > Protect Workbook) and save it again",
  },
  corrupt: {
    vi: "tệp .xlsx bị hỏng hoặc không phải sổ làm việc Excel",
    en: "the .xlsx file is damaged or is not an Excel workbook",
  },
};

/**
 * Thrown by the xlsx shell when a file cannot be read as a workbook at all (as opposed to problems
 * in the data, which are issues). Its message is one line, Vietnamese then English, fit to print
 * as is; `bilingual` holds the two languages separately for `--lang`.
 */
export class UnusableInputError extends Error {
  override readonly name = "UnusableInputError";
  /** The label of the file (usually its name), as shown in the message. */
  readonly file: string;
  readonly reason: UnusableReason;
  readonly bilingual: Message;

  constructor(file: string, reason: UnusableReason, options?: { cause?: unknown }) {
    const bilingual = unusableMessage(file, reason);
    super(`${bilingual.vi} / ${bilingual.en}`, options);
    this.file = file;
    this.reason = reason;
    this.bilingual = bilingual;
  }
}

/** The message for an unusable file, in both languages. */
export function unusableMessage(file: string, reason: UnusableReason): Message {
  const text = REASONS[reason];
  return {
    vi: `Không đọc được tệp “${file}”: ${text.vi}`,
    en: `Cannot read file “${file}”: ${text.en}`,
  };
}

/** True for an `UnusableInputError`, also across module copies (jest, bundles). */
export function isUnusableInputError(error: unknown): error is UnusableInputError {
  return (
    error instanceof UnusableInputError || (error instanceof Error && error.name === "UnusableInputError")
  );
}
