/**
 * One writer at a time: two report runs started together (the pane's button and the ribbon, or a
 * double click) leave exactly one complete set of report sheets and a clear "already running" for
 * the second; a cancelled run leaves the previous complete set; the lock survives a failure.
 */
import { clockOf, createStandardSheets, generateReports, saveSettings } from "../../src/app/workflows";
import { applyImport } from "../../src/app/imports/importWorkflow";
import { exportSubmission } from "../../src/app/submission";
import { exclusively, runningTask } from "../../src/excel/applier";
import { createDemoWorkbook } from "../../src/excel/memory/demoWorkbook";
import type { FakeWorkbook } from "../../src/excel/memory/fakeExcel";
import { memoryExcelHost } from "../../src/excel/memory/memoryHost";
import { WorkbookSession } from "../../src/excel/session";
import { REPORT_IDS, REPORT_MARKER_KEY } from "../../src/report/description";
import { generateFromRibbon } from "../../src/taskpane/ribbon";
import { currentNotice, showNotice } from "../../src/commands/shared";

const clock = clockOf(new Date(2021, 8, 19));
const request = { unitId: null, reports: REPORT_IDS, language: "vi" as const, layout: "nested" as const };

/** The report sheets of the workbook: name → report id, and whether any sheet is left staged. */
function reports(book: FakeWorkbook): { marked: Record<string, string>; staged: string[] } {
  const marked: Record<string, string> = {};
  for (const s of book.sheets) {
    const id = s.customProperties.get(REPORT_MARKER_KEY);
    if (id) marked[s.name] = id;
  }
  return { marked, staged: book.sheets.filter((s) => s.name.startsWith("(chưa xong)")).map((s) => s.name) };
}

it("a double click: one run writes every report sheet (six reports, the planning sheet and the annex), the other is refused at once", async () => {
  const book = createDemoWorkbook();
  const session = new WorkbookSession(memoryExcelHost(book));
  const [a, b] = await Promise.all([
    generateReports(session, request, clock),
    generateReports(session, request, clock),
  ]);
  expect(a.status).toBe("done");
  expect(a.written).toHaveLength(REPORT_IDS.length);
  expect(b.status).toBe("failed");
  expect(b.message?.vi).toMatch(/^Đang lập báo cáo: hãy chờ xong rồi thử lại/);
  expect(b.message?.en).toMatch(/^Already generating the reports/);
  const { marked, staged } = reports(book);
  expect(Object.values(marked).sort()).toEqual([...REPORT_IDS].sort());
  expect(staged).toEqual([]);
  expect(book.names.filter((n) => n.name.startsWith("_nth_report_"))).toHaveLength(REPORT_IDS.length);
  expect(runningTask()).toBeNull();
});

it("the pane's button and the ribbon (two sessions, one shared runtime): one complete set", async () => {
  const book = createDemoWorkbook();
  const pane = new WorkbookSession(memoryExcelHost(book));
  const ribbon = new WorkbookSession(memoryExcelHost(book));
  showNotice(null);
  const [fromPane, fromRibbon] = await Promise.allSettled([
    generateReports(pane, request, clock),
    generateFromRibbon(ribbon, () => new Date(2021, 8, 19)),
  ]);
  expect(fromPane.status === "fulfilled" && fromPane.value.status).toBe("done");
  // The ribbon's run was refused: its command shows the reason in the pane.
  expect(fromRibbon.status).toBe("rejected");
  expect((fromRibbon as PromiseRejectedResult).reason.bilingual.vi).toMatch(/^Đang lập báo cáo/);
  const { marked, staged } = reports(book);
  expect(Object.keys(marked)).toHaveLength(REPORT_IDS.length);
  expect(staged).toEqual([]);
  expect(currentNotice()).toBeNull();
});

it("a cancelled run leaves the previous complete set as it was", async () => {
  const book = createDemoWorkbook();
  const session = new WorkbookSession(memoryExcelHost(book));
  expect((await generateReports(session, request, clock)).status).toBe("done");
  const before = book.sheets.map((s) => [s.name, book.snapshot(s)]);
  const controller = new AbortController();
  const out = await generateReports(session, request, clock, {
    signal: controller.signal,
    onProgress: (p) => p.step.kind === "write" && p.step.index === 3 && controller.abort(),
  });
  expect(out.status).toBe("cancelled");
  expect(book.sheets.map((s) => [s.name, book.snapshot(s)])).toEqual(before);
  expect(book.names.filter((n) => n.name.startsWith("_nth_report_"))).toHaveLength(REPORT_IDS.length);
});

it("the lock is released when the task fails, and refuses while held", async () => {
  await expect(
    exclusively({ vi: "thử", en: "testing" }, async () => Promise.reject(new Error("boom"))),
  ).rejects.toThrow("boom");
  expect(runningTask()).toBeNull();
  let release!: () => void;
  const held = exclusively(
    { vi: "nhập số liệu", en: "importing submissions" },
    () => new Promise<void>((r) => (release = r)),
  );
  await expect(exclusively({ vi: "x", en: "x" }, async () => 1)).rejects.toMatchObject({
    problem: "busy",
    bilingual: {
      vi: expect.stringMatching(/^Đang nhập số liệu/),
      en: expect.stringMatching(/^Already importing submissions/),
    },
  });
  release();
  await held;
  expect(await exclusively({ vi: "x", en: "x" }, async () => 2)).toBe(2);
});

it("while a report run writes, every other entry point is refused at once and the run completes", async () => {
  const book = createDemoWorkbook();
  const session = new WorkbookSession(memoryExcelHost(book));
  const others: Promise<unknown>[] = [];
  const run = generateReports(session, request, clock, {
    onProgress: (p) => {
      if (p.step.kind !== "write" || p.step.index !== 2) return;
      others.push(
        generateReports(session, request, clock).then((o) => o.message),
        generateFromRibbon(session, () => new Date(2021, 8, 19)).catch(
          (e: { bilingual: unknown }) => e.bilingual,
        ),
        applyImport(session, {} as never, {} as never, new Date()).then((o) => o.message),
        createStandardSheets(session, "vi").catch((e: { bilingual: unknown }) => e.bilingual),
        saveSettings(session, new Map([["signerName", "Nguyễn Văn A"] as const]), "vi").catch(
          (e: { bilingual: unknown }) => e.bilingual,
        ),
        session.selfTest().catch((e: { bilingual: unknown }) => e.bilingual),
        exportSubmission(
          session,
          { period: "", language: "vi", generatedAt: "2021-09-19T00:00:00Z", addinVersion: "t" },
          clock,
          async () => new Uint8Array(),
        ).then((o) => (o.kind === "failed" ? o.message : null)),
      );
    },
  });
  const out = await run;
  expect(out.status).toBe("done");
  const said = (await Promise.all(others)) as { vi: string; en: string }[];
  expect(said).toHaveLength(7);
  for (const m of said) {
    expect(m.vi).toMatch(/^Đang lập báo cáo: hãy chờ xong rồi thử lại/);
    expect(m.en).toMatch(/^Already generating the reports/);
  }
  const { marked, staged } = reports(book);
  expect(Object.values(marked).sort()).toEqual([...REPORT_IDS].sort());
  expect(staged).toEqual([]);
  expect(book.createdWorkbooks).toHaveLength(0);
  expect(runningTask()).toBeNull();
});
