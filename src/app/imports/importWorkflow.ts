import type { Message } from "../../core/issues";
import type { Language } from "../../core/summary";
import { messageOf } from "../../port/errors";
import type { WorkbookPort } from "../../port/workbookPort";
import { TASKS, isDataSheet } from "../workflows";
import { IMPORT_LOG_MARK, readImportLog } from "./importLog";
import { planImport, type ImportMode, type ImportPlan, type IncomingFile, type ReceivingState } from "./plan";
import { localTimeText } from "./provenance";

/**
 * The clerk's import, as two steps over a workbook session: preview (read the workbook, plan the
 * import of the picked files, change nothing) and apply (read again, plan again, and write only if
 * the plan is the one the clerk confirmed).
 */

export interface ImportRequest {
  readonly files: readonly IncomingFile[];
  readonly mode: ImportMode;
  readonly language: Language;
  /** Files the clerk confirmed may replace their unit's accepted submission. */
  readonly confirmReplace?: readonly string[];
}

/** The receiving workbook as the import planner needs it (a few batches). */
export async function readReceiving(session: WorkbookPort): Promise<ReceivingState> {
  const { workbook, marks } = await session.readWorkbook(isDataSheet);
  const tables = await session.tables();
  const log = marks.some((m) => m.own === IMPORT_LOG_MARK)
    ? readImportLog(await session.readOwnSheet(IMPORT_LOG_MARK))
    : [];
  return { workbook, marks, tables, log };
}

/** What importing the files would do; the workbook is not changed. */
export async function previewImport(
  session: WorkbookPort,
  request: ImportRequest,
  now: Date,
): Promise<ImportPlan> {
  const receiving = await readReceiving(session);
  return planImport(receiving, request.files, {
    mode: request.mode,
    importedAt: localTimeText(now),
    language: request.language,
    referenceYear: now.getFullYear(),
    confirmReplace: new Set(request.confirmReplace ?? []),
  });
}

export interface ImportOutcome {
  /** done: written; changed: the workbook or the files changed since the preview (nothing written). */
  readonly status: "done" | "changed" | "failed";
  readonly message: Message | null;
  /** The plan applied (or the new one, when it changed). */
  readonly plan: ImportPlan;
}

/** The files a plan takes, and how: what the clerk confirmed. */
function takenOf(plan: ImportPlan): string {
  return plan.submissions
    .filter((s) => s.status === "new" || s.status === "replaces")
    .map((s) => `${s.status}:${s.file}:${s.generatedAt}`)
    .sort()
    .join("\n");
}

/**
 * Applies the import the clerk confirmed: plans again on the workbook as it is now, and writes only
 * when the same submissions are taken the same way (otherwise the new plan comes back to be shown).
 * Never throws: a failure comes back with its message.
 */
export async function applyImport(
  session: WorkbookPort,
  request: ImportRequest,
  confirmed: ImportPlan,
  now: Date,
  onProgress?: (progress: { index: number; total: number; name: string }) => void,
): Promise<ImportOutcome> {
  try {
    return await session.exclusive(TASKS.import, () =>
      applyNow(session, request, confirmed, now, onProgress),
    );
  } catch (error) {
    return { status: "failed", plan: confirmed, message: messageOf(error, IMPORT_FAILED) };
  }
}

const IMPORT_FAILED: Message = { vi: "Không nhập được", en: "Could not import" };

async function applyNow(
  session: WorkbookPort,
  request: ImportRequest,
  confirmed: ImportPlan,
  now: Date,
  onProgress?: (progress: { index: number; total: number; name: string }) => void,
): Promise<ImportOutcome> {
  let plan: ImportPlan;
  try {
    plan = await previewImport(session, { ...request, mode: confirmed.mode }, now);
  } catch (error) {
    return { status: "failed", plan: confirmed, message: readFailure(error) };
  }
  if (takenOf(plan) !== takenOf(confirmed) || plan.mode !== confirmed.mode) {
    return {
      status: "changed",
      plan,
      message: {
        vi: "Bảng tính đã thay đổi từ lúc xem trước: hãy xem lại những thay đổi dưới đây rồi xác nhận lần nữa.",
        en: "The workbook changed since the preview: review the changes below and confirm again.",
      },
    };
  }
  if (!plan.writes) {
    return {
      status: "failed",
      plan,
      message: plan.unusable ?? { vi: "Không có tệp nào được nhập.", en: "No file is imported." },
    };
  }
  try {
    await session.applyImport(plan.writes, onProgress);
  } catch (error) {
    const why = messageOf(error, { vi: "Nhập không xong", en: "The import did not finish" });
    return {
      status: "failed",
      plan,
      message: {
        vi: `${why.vi.replace(/[.\s]+$/, "")}. Các trang đã ghi vẫn đúng; nhật ký nhập chưa ghi, nên nhập lại sẽ thay các dòng đã ghi.`,
        en: `${why.en.replace(/[.\s]+$/, "")}. The sheets written are consistent; the import log was not written, so importing again replaces the rows written.`,
      },
    };
  }
  return { status: "done", plan, message: null };
}

function readFailure(error: unknown): Message {
  return messageOf(error, { vi: "Không đọc được bảng tính", en: "Could not read the workbook" });
}
