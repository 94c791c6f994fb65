import { clockOf, generateReports } from "../../src/app/workflows";
import { exclusively, runningTask } from "../../src/excel/applier";
import { REPORT_IDS } from "../../src/report/description";
import { exportSubmission, submissionContent, submissionFileName } from "../../src/app/submission";
import { analyse } from "../../src/core/pipeline";
import { readManifest } from "../../src/core/submission/manifest";
import { checkContent } from "../../src/core/submission/contentHash";
import { createDemoWorkbook, createEmptyWorkbook } from "../../src/excel/memory/demoWorkbook";
import { memoryExcelHost } from "../../src/excel/memory/memoryHost";
import { WorkbookSession } from "../../src/excel/session";
import { readXlsxBuffer } from "../../src/xlsx/readXlsx";
import { submissionXlsxBytes as browserSubmissionBytes } from "../../src/xlsx/browserSubmission";
import { submissionXlsxBytes } from "../../src/xlsx/writeSubmission";

/**
 * The submission made in the pane, over the in-memory Excel: the bytes come from the shell's
 * submission writer, open as a new workbook where ExcelApi 1.8 is there (else are downloaded), and
 * read back with the project's .xlsx reader they give the same figures as the workbook they came from.
 */

const clock = clockOf(new Date(2026, 0, 15));
const request = {
  period: "Quý IV/2025",
  language: "vi" as const,
  generatedAt: "2026-01-15T02:00:00.000Z",
  addinVersion: "test",
};
const reportRequest = {
  unitId: null,
  reports: REPORT_IDS,
  language: "vi" as const,
  layout: "nested" as const,
};
const toBytes = (
  c: Parameters<typeof submissionXlsxBytes> extends [infer R, infer D, infer M]
    ? { reports: R; data: D; manifest: M }
    : never,
) => Promise.resolve(submissionXlsxBytes(c.reports, c.data, c.manifest));

it("opens the submission as a new workbook; read back, it gives the workbook's own figures", async () => {
  const book = createDemoWorkbook();
  const session = new WorkbookSession(memoryExcelHost(book));
  const sheetsBefore = book.sheets.map((s) => s.name);
  const download = jest.fn();
  const outcome = await exportSubmission(session, request, clock, toBytes, download);
  expect(outcome.kind).toBe("done");
  if (outcome.kind !== "done") return;
  expect(outcome.destination).toBe("newWorkbook");
  expect(download).not.toHaveBeenCalled();
  expect(book.createdWorkbooks).toHaveLength(1);
  expect(book.sheets.map((s) => s.name)).toEqual(sheetsBefore); // the clerk's workbook is untouched
  expect(outcome.fileName).toBe(submissionFileName(outcome.manifest));
  expect(outcome.fileName).toMatch(/^Nop bao cao - .+ - Quý IV-2025\.xlsx$/);

  const bytes = new Uint8Array(Buffer.from(book.createdWorkbooks[0], "base64"));
  const back = await readXlsxBuffer(bytes, outcome.fileName);
  const manifestSheet = back.sheets.find((s) => s.name === "Thông tin nộp")!;
  expect(readManifest(manifestSheet)).toEqual(outcome.manifest);
  expect(outcome.manifest.period).toBe("Quý IV/2025");

  const content = await submissionContent(session, request, clock);
  if (!("manifest" in content)) throw new Error("no content");
  const original = analyse([{ ...back, sheets: content.data.map((d) => d.grid) }], { referenceYear: 2026 });
  const reread = analyse([back], { referenceYear: 2026 });
  expect(original.ok && reread.ok).toBe(true);
  if (!original.ok || !reread.ok) return;
  expect(reread.analysis.rollup.total).toEqual(original.analysis.rollup.total);
  expect(reread.analysis.rollup.total.villages).toBe(outcome.manifest.villages);
  expect(reread.analysis.rollup.total.consolidated).toBe(outcome.manifest.consolidated);
  // The content hash written from the pane's grids (Office.js values) matches the data read back.
  expect(outcome.manifest.contentHash).toMatch(/^[0-9a-f]{64}$/);
  expect(reread.analysis.issues.filter((i) => i.code === "submission-edited")).toEqual([]);
  expect(
    reread.analysis.completeness?.units.every((u) => u.content === null || u.content === "matches"),
  ).toBe(true);
  const backData = reread.analysis.read.sheets.map((f) => back.sheets.find((g) => g.name === f.sheet)!);
  expect(checkContent(outcome.manifest.contentHash, backData).state).toBe("matches");
});

it("downloads the file where Excel cannot open a new workbook (no ExcelApi 1.8)", async () => {
  const book = createDemoWorkbook();
  const session = new WorkbookSession(
    memoryExcelHost(book, (name, version) => !(name === "ExcelApi" && version === "1.8")),
  );
  const download = jest.fn();
  const outcome = await exportSubmission(session, request, clock, toBytes, download);
  expect(outcome).toMatchObject({ kind: "done", destination: "download" });
  expect(book.createdWorkbooks).toHaveLength(0);
  expect(download).toHaveBeenCalledTimes(1);
  const [bytes, name] = download.mock.calls[0] as [Uint8Array, string];
  expect(name).toMatch(/\.xlsx$/);
  const back = await readXlsxBuffer(bytes, name);
  expect(back.sheets.some((s) => s.name === "Thông tin nộp")).toBe(true);
});

it("says why when the workbook has no data, and writes nothing", async () => {
  const book = createEmptyWorkbook();
  const session = new WorkbookSession(memoryExcelHost(book));
  const toBytesSpy = jest.fn(toBytes);
  const outcome = await exportSubmission(session, request, clock, toBytesSpy);
  expect(outcome.kind).toBe("failed");
  expect(toBytesSpy).not.toHaveBeenCalled();
  expect(book.createdWorkbooks).toHaveLength(0);
});

it("writes the same submission in the pane (fflate) as on the command line (Node's zlib)", async () => {
  const book = createDemoWorkbook();
  const session = new WorkbookSession(memoryExcelHost(book));
  const content = await submissionContent(session, request, clock);
  if (!("manifest" in content)) throw new Error("no content");
  const inPane = browserSubmissionBytes(content.reports, content.data, content.manifest);
  const inCli = submissionXlsxBytes(content.reports, content.data, content.manifest);
  const [a, b] = await Promise.all([readXlsxBuffer(inPane, "pane.xlsx"), readXlsxBuffer(inCli, "pane.xlsx")]);
  expect(a).toEqual(b);
});

it("states the period the clerk typed in its reports too, as `nth-rollup export --period` does", async () => {
  const book = createDemoWorkbook();
  const session = new WorkbookSession(memoryExcelHost(book));
  const content = await submissionContent(session, request, clock);
  if (!("manifest" in content)) throw new Error("no content");
  expect(content.manifest.period).toBe("Quý IV/2025");
  const summary = content.reports.find((d) => d.reportId === "summary")!;
  const texts = summary.cells.flat().filter((c): c is string => typeof c === "string");
  expect(texts.some((t) => t.includes("Quý IV/2025"))).toBe(true);
});

it("is refused while an import writes (no submission of half-written data), and holds the lock itself", async () => {
  const book = createDemoWorkbook();
  const session = new WorkbookSession(memoryExcelHost(book));
  let release!: () => void;
  const importing = exclusively(
    { vi: "nhập số liệu", en: "importing submissions" },
    () => new Promise<void>((r) => (release = r)),
  );
  const refused = await exportSubmission(session, request, clock, toBytes);
  expect(refused.kind).toBe("failed");
  if (refused.kind !== "failed") return;
  expect(refused.message.vi).toMatch(/^Đang nhập số liệu/);
  expect(refused.message.en).toMatch(/^Already importing submissions/);
  expect(book.createdWorkbooks).toHaveLength(0);
  release();
  await importing;
  // While the submission is made, a report run is refused.
  let during: string | null = null;
  const outcome = await exportSubmission(session, request, clock, async (c) => {
    during = (await generateReports(session, reportRequest, clock)).message?.en ?? null;
    return toBytes(c);
  });
  expect(outcome.kind).toBe("done");
  expect(during).toMatch(/^Already making the submission/);
  expect(runningTask()).toBeNull();
});
