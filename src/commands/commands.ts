/**
 * Ribbon commands (add-in commands running in the shared runtime). The manifest's
 * "Lập báo cáo / Generate reports" button is an ExecuteFunction action named `generateReports`.
 *
 * Until a report generator is registered (`setReportGenerator`, from the reports issue), the
 * button says so honestly: it opens the task pane with a notice instead of pretending to work.
 */
import { reportGenerator, showNotice, type PaneNotice } from "./shared";

/** Shown when the ribbon button is pressed before report generation exists in this build. */
export const REPORTS_NOT_AVAILABLE: PaneNotice = {
  intent: "warning",
  title: { vi: "Chưa lập được báo cáo", en: "Reports are not available yet" },
  body: {
    vi: "Phiên bản này chưa có chức năng lập báo cáo từ nút trên thanh công cụ. Các hàm NTH vẫn dùng được trong ô tính.",
    en: "This version cannot generate reports from the ribbon yet. The NTH functions work in cells.",
  },
};

function failure(error: unknown): PaneNotice {
  const bilingual = (error as { bilingual?: { vi?: unknown; en?: unknown } } | null)?.bilingual;
  const detail = error instanceof Error ? error.message : String(error);
  const body =
    typeof bilingual?.vi === "string" && typeof bilingual.en === "string"
      ? { vi: bilingual.vi, en: bilingual.en }
      : { vi: detail, en: detail };
  return {
    intent: "error",
    title: { vi: "Lập báo cáo không thành công", en: "Report generation failed" },
    body,
  };
}

async function showPane(): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch {
    // The pane cannot always be shown (e.g. add-ins from the Marketplace since 2026); the notice
    // then waits until the clerk opens it.
  }
}

/**
 * The "Generate reports" command: runs the registered generator, or shows why it cannot.
 * Always completes the event, as Office requires, even when something fails.
 */
export async function generateReports(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const generate = reportGenerator();
    if (generate) {
      await generate();
    } else {
      showNotice(REPORTS_NOT_AVAILABLE);
      await showPane();
    }
  } catch (error) {
    showNotice(failure(error));
    await showPane();
  } finally {
    event.completed();
  }
}

/** Registers the ribbon commands with Office; a no-op outside Office (plain browser). */
export function registerCommands(): void {
  if (typeof Office === "undefined" || !Office.actions) return;
  Office.actions.associate("generateReports", generateReports);
}

registerCommands();
