/**
 * The ribbon's "Generate reports" without the pane: the generator registered at start runs the same
 * generation with the choices saved in the workbook, and leaves a notice for the pane.
 */
import { currentNotice, showNotice } from "../../src/commands/shared";
import { memoryExcelHost } from "../../src/excel/memory/memoryHost";
import { createDemoWorkbook, createEmptyWorkbook } from "../../src/excel/memory/demoWorkbook";
import { PANE_SETTING_KEY, WorkbookSession } from "../../src/excel/session";
import { generateFromRibbon } from "../../src/taskpane/ribbon";

afterEach(() => showNotice(null));

it("makes the reports chosen last time in the pane and says so", async () => {
  const book = createDemoWorkbook();
  book.settings.set(PANE_SETTING_KEY, {
    reports: ["summary", "toConsolidate"],
    language: "en",
    layout: "flat",
  });
  await generateFromRibbon(new WorkbookSession(memoryExcelHost(book)), () => new Date(2026, 0, 15));
  expect(book.sheets.map((s) => s.name)).toEqual(["Thôn", "Cán bộ", "Chỉ tiêu", "Summary", "To consolidate"]);
  expect(currentNotice()).toMatchObject({
    intent: "success",
    body: { vi: "2 trang: Summary, To consolidate." },
  });
});

it("throws the reason, in both languages, when the workbook has no data", async () => {
  const error = await generateFromRibbon(new WorkbookSession(memoryExcelHost(createEmptyWorkbook()))).catch(
    (e: unknown) => e as Error & { bilingual: { vi: string; en: string } },
  );
  expect(error?.bilingual.vi).toMatch(/Không tìm thấy trang Thôn/);
  expect(error?.bilingual.en).toMatch(/No Villages sheet/);
});
