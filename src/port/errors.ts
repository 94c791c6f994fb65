import type { Message } from "../core/issues";

/**
 * The one path from an error to the message the clerk reads (the pane, the ribbon's notice, the
 * self-test). Whatever went wrong — a problem the shell recognised (`WorkbookError`, with its
 * message in both languages), an Office.js error with a known code, or anything else — ends in
 * `messageOf(error, doing)`: Vietnamese first, English second, each language with its own words.
 */

/** Why a workbook operation could not be done, known to the shell; the message says it to the clerk. */
export type WorkbookProblem =
  /** Another report run, import or sheet creation is writing to the workbook now. */
  | "busy"
  /** The sheet or the workbook is protected. */
  | "protected"
  /** Excel is in cell-edit mode and did not leave it. */
  | "cellEdit"
  /** A request was over Excel's size limit even after chunking. */
  | "tooLarge"
  /** The host lacks an API the operation needs. */
  | "unsupported"
  /** Anything else the shell wants to say in its own words. */
  | "other";

/** A problem the shell reports to the clerk, in both languages (`message` is the English text). */
export class WorkbookError extends Error {
  constructor(
    readonly problem: WorkbookProblem,
    readonly bilingual: Message,
    /** The error from Office.js behind it, if any. */
    readonly original?: unknown,
  ) {
    super(bilingual.en);
    this.name = "WorkbookError";
  }
}

/** True for a `WorkbookError` (also across bundles, where `instanceof` fails). */
export function isWorkbookError(error: unknown): error is WorkbookError {
  return (
    error instanceof WorkbookError ||
    (typeof error === "object" &&
      error !== null &&
      (error as { name?: unknown }).name === "WorkbookError" &&
      isMessage((error as { bilingual?: unknown }).bilingual))
  );
}

function isMessage(value: unknown): value is Message {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Message).vi === "string" &&
    typeof (value as Message).en === "string"
  );
}

/** The messages of the known problems. */
export const WORKBOOK_MESSAGES = {
  busy: (running: Message): Message => ({
    vi: `Đang ${running.vi}: hãy chờ xong rồi thử lại. Lần bấm này không làm gì.`,
    en: `Already ${running.en}: wait until it finishes, then try again. This request did nothing.`,
  }),
  /** Said whenever Excel refused a change for protection (before a write, or in the middle of one). */
  protected: {
    vi: "Trang tính hoặc bảng tính đang được bảo vệ (Review > Protect): bỏ bảo vệ rồi thử lại.",
    en: "The sheet or the workbook is protected (Review > Protect): unprotect it, then try again.",
  },
  /** Said with `protected` when the check before a write found it: the write did not start. */
  nothingChanged: { vi: "Không có gì bị thay đổi.", en: "Nothing was changed." },
  cellEdit: {
    vi: "Excel đang ở chế độ sửa ô (con trỏ đang trong một ô): nhấn Enter hoặc Esc rồi thử lại.",
    en: "Excel is editing a cell (the cursor is in a cell): press Enter or Esc, then try again.",
  },
  tooLarge: {
    vi: "Một yêu cầu gửi tới Excel vượt giới hạn kích thước (5 MB trên Excel cho web).",
    en: "A request to Excel was over its size limit (5 MB in Excel on the web).",
  },
} as const;

/** Office.js error codes → the problem they mean. */
const CODES: Readonly<Record<string, WorkbookProblem>> = {
  AccessDenied: "protected",
  InvalidOperationInCellEditMode: "cellEdit",
  RequestPayloadSizeLimitExceeded: "tooLarge",
  ResponsePayloadSizeLimitExceeded: "tooLarge",
  ApiNotFound: "unsupported",
};

/** The Office.js error code of an error, if it has one. */
export function errorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code !== "" ? code : null;
}

/** The problem an error means, when it is one the product knows. */
export function problemOf(error: unknown): WorkbookProblem | null {
  if (isWorkbookError(error)) return error.problem;
  const code = errorCode(error);
  return code ? (CODES[code] ?? null) : null;
}

/** The error's own text, without a trailing full stop (Office.js: "…exceeded the limit.."). */
function detailOf(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { message?: unknown; code?: unknown };
    if (typeof e.message === "string" && e.message.trim() !== "")
      return e.message.trim().replace(/[.\s]+$/, "");
    if (typeof e.code === "string") return e.code;
  }
  const text = String(error);
  return text === "" ? "?" : text;
}

/**
 * What to tell the clerk about an error met while `doing` something ("Không đọc được bảng tính" /
 * "Could not read the workbook"): a known problem in its own words, otherwise `doing` with the
 * error's own detail (Office.js writes it in Office's language; it is kept as it is in both).
 */
export function messageOf(error: unknown, doing: Message): Message {
  if (isWorkbookError(error)) return error.bilingual;
  const bilingual = (error as { bilingual?: unknown } | null)?.bilingual;
  if (isMessage(bilingual)) return bilingual;
  const problem = problemOf(error);
  if (problem === "protected" || problem === "cellEdit") return WORKBOOK_MESSAGES[problem];
  const detail = detailOf(error);
  if (problem === "tooLarge")
    return {
      vi: `${doing.vi}: ${WORKBOOK_MESSAGES.tooLarge.vi} (${detail})`,
      en: `${doing.en}: ${WORKBOOK_MESSAGES.tooLarge.en} (${detail})`,
    };
  return { vi: `${doing.vi}: ${detail}`, en: `${doing.en}: ${detail}` };
}
