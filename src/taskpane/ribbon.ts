import { restoreChoices } from "../app/choices";
import { clockOf, generateReports } from "../app/workflows";
import { showNotice, type PaneNotice } from "../commands/shared";
import type { WorkbookPort } from "../port/workbookPort";

/**
 * The ribbon's "Lập báo cáo / Generate reports": the same generation as the pane's button, with the
 * choices saved in the workbook (or the defaults), without opening the pane. The outcome is a notice
 * the pane shows when it is opened; a failure is thrown so the command opens the pane to show it.
 */
export async function generateFromRibbon(
  session: WorkbookPort,
  now: () => Date = () => new Date(),
): Promise<void> {
  const saved = await session.loadPaneChoices().catch(() => null);
  const choices = restoreChoices(saved);
  const outcome = await generateReports(session, choices, clockOf(now()), {
    chart: session.capabilities().chart.supported,
  });
  if (outcome.status === "done") {
    const names = outcome.written.map((w) => w.name).join(", ");
    const notice: PaneNotice = {
      intent: "success",
      title: { vi: "Đã lập báo cáo", en: "Reports generated" },
      body: {
        vi: `${outcome.written.length} trang: ${names}.`,
        en: `${outcome.written.length} sheets: ${names}.`,
      },
    };
    showNotice(notice);
    return;
  }
  const message = outcome.message ?? { vi: "Không rõ lý do.", en: "Unknown reason." };
  throw Object.assign(new Error(message.vi), { bilingual: message });
}
