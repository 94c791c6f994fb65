/**
 * The same workbook read the same in Excel (the Office.js reader over the in-memory Excel) and from
 * the command line (the .xlsx reader): every case of the reader corpus gives the same analysis
 * through both, merges and percent formats included; without ExcelApi 1.13 the reader does not
 * call `getMergedAreasOrNullObject` and reads the rest. Report marks travel both ways.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { clockOf, generateReports } from "../../src/app/workflows";
import { analyse, summaryOf } from "../../src/core/pipeline";
import type { WorkbookGrids } from "../../src/core/grid";
import { createDemoWorkbook } from "../../src/excel/memory/demoWorkbook";
import { runFake, type FakeWorkbook } from "../../src/excel/memory/fakeExcel";
import { memoryExcelHost } from "../../src/excel/memory/memoryHost";
import { readWorkbookFromExcel } from "../../src/excel/readWorkbook";
import { WorkbookSession } from "../../src/excel/session";
import { REPORT_IDS } from "../../src/report/description";
import { gridsFromXlsx } from "../../src/xlsx/grids";
import { reportXlsxBytes } from "../../src/xlsx/writeReport";
import { buildReports } from "../../src/report/reports";
import { binhGia, settingsFor } from "../report/fixtures";
import { fakeFromXlsx, xlsxFromFake } from "./fakeXlsx";

const CASES = path.resolve(__dirname, "../cases/reader");
const inputs = fs.readdirSync(CASES).flatMap((c) =>
  fs
    .readdirSync(path.join(CASES, c))
    .filter((f) => /^input.*\.xlsx$/.test(f))
    .map((f) => ({ name: `${c}/${f}`, file: path.join(CASES, c, f) })),
);

/** What a clerk sees of an analysis: unusable or not, the issues, the totals. */
function seen(workbook: WorkbookGrids): unknown {
  const result = analyse([workbook], { referenceYear: 2025 });
  if (!result.ok) return { unusable: result.unusable };
  return summaryOf(result.analysis, "en");
}

async function officeRead(book: FakeWorkbook, label: string, mergedAreas: boolean): Promise<WorkbookGrids> {
  const session = new WorkbookSession(memoryExcelHost(book));
  const { marks } = await session.sheetMarks().then((m) => ({ marks: m }));
  const reports = new Set(marks.filter((m) => m.report).map((m) => m.name));
  const read = await runFake(book, (context) => readWorkbookFromExcel(context, { label, mergedAreas }));
  return {
    ...read.workbook,
    sheets: read.workbook.sheets.map((g) => (reports.has(g.name) ? { ...g, report: true } : g)),
  };
}

describe("the reader corpus through both readers", () => {
  let compared = 0;
  let withMerges = 0;
  let withPercent = 0;
  afterAll(() => {
    // The corpus holds workbooks of every kind; at least these were compared.
    expect(compared).toBeGreaterThan(40);
    expect(withMerges).toBeGreaterThan(0);
    expect(withPercent).toBeGreaterThan(0);
  });

  it.each(inputs)("$name", async ({ name, file }) => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    let fromFile: WorkbookGrids;
    try {
      fromFile = await gridsFromXlsx(bytes, path.basename(file));
    } catch {
      return; // not a workbook at all (a corrupt or renamed file): Excel would not open it either
    }
    const book = await fakeFromXlsx(bytes);
    const fromExcel = await officeRead(book, path.basename(file), true);
    expect(seen(fromExcel)).toEqual(seen(fromFile));
    compared++;
    if (fromExcel.sheets.some((s) => s.merges?.length)) withMerges++;
    if (
      book.sheets.some((s) =>
        [...s.cells.values()].some((r) => [...r.values()].some((c) => c.numberFormat.includes("%"))),
      )
    )
      withPercent++;
    void name;
  });
});

it("without ExcelApi 1.13 the reader reads no merges and does not call the 1.13 API", async () => {
  const file = inputs.find((i) => i.name.startsWith("merged"))?.file ?? inputs[0].file;
  const bytes = new Uint8Array(fs.readFileSync(file));
  const old = await fakeFromXlsx(bytes, { excelApiMinor: 12 });
  const session = new WorkbookSession(memoryExcelHost(old));
  expect(session.host.isSetSupported("ExcelApi", "1.13")).toBe(false);
  // Through the session: gated by isSetSupported, so no ApiNotFound.
  const { workbook } = await session.readWorkbook(() => true);
  expect(workbook.sheets.every((s) => s.merges === undefined)).toBe(true);
  // Called anyway, the 1.13 API fails as in an older Excel: the gate is what keeps reading alive.
  await expect(runFake(old, (c) => readWorkbookFromExcel(c, { mergedAreas: true }))).rejects.toMatchObject({
    code: "ApiNotFound",
  });
  // With 1.13 the same file has its merges.
  const current = await fakeFromXlsx(bytes);
  const read = await new WorkbookSession(memoryExcelHost(current)).readWorkbook(() => true);
  expect(read.workbook.sheets.some((s) => (s.merges?.length ?? 0) > 0)).toBe(
    current.sheets.some((s) => s.merges.length > 0),
  );
});

describe("report marks travel between the pane and the command line", () => {
  const clock = clockOf(new Date(2021, 8, 19));
  const request = { unitId: null, reports: REPORT_IDS, language: "vi" as const, layout: "nested" as const };

  it("a workbook reported on in the pane, saved, is read by the CLI with the reports ignored", async () => {
    const book = createDemoWorkbook();
    const before = await gridsFromXlsx(await xlsxFromFake(book), "before.xlsx");
    const out = await generateReports(new WorkbookSession(memoryExcelHost(book)), request, clock);
    expect(out.status).toBe("done");
    // Both marks in Excel: the custom property and the defined name.
    for (const w of out.written) expect(book.names.map((n) => n.name)).toContain(`_nth_report_${w.reportId}`);
    const saved = await gridsFromXlsx(await xlsxFromFake(book), "before.xlsx");
    const flagged = saved.sheets.filter((s) => s.report).map((s) => s.name);
    expect(flagged.sort()).toEqual(out.written.map((w) => w.name).sort());
    // The CLI's analysis is the one of the data alone.
    expect(seen(saved)).toEqual(seen(before));
  });

  it("a report sheet the clerk duplicated (the copy keeps the property, not the name): read alike, kept", async () => {
    const book = createDemoWorkbook();
    const session = new WorkbookSession(memoryExcelHost(book));
    expect((await generateReports(session, request, clock)).status).toBe("done");
    // Excel's Move or Copy: cells, merges and the sheet's custom properties; workbook names stay.
    const original = book.sheet("Thôn chưa NTH");
    const copy = book.addSheet("Thôn chưa NTH (2)");
    for (const [r, cells] of original.cells)
      copy.cells.set(r, new Map([...cells].map(([c, cell]) => [c, { ...cell }])));
    copy.merges.push(...original.merges);
    for (const [k, v] of original.customProperties) copy.customProperties.set(k, v);
    const saved = await gridsFromXlsx(await xlsxFromFake(book), "saved.xlsx");
    const { workbook } = await session.readWorkbook();
    expect(seen({ ...workbook, file: saved.file })).toEqual(seen(saved));
    expect((await session.sheetMarks()).find((m) => m.name === "Thôn chưa NTH (2)")?.report).toBeNull();
    // The next run replaces the report, never the clerk's copy.
    const copyBefore = book.snapshot(copy);
    const again = await generateReports(session, request, clock);
    expect(again.written.find((w) => w.reportId === "toConsolidate")).toMatchObject({
      name: "Thôn chưa NTH",
      replaced: true,
    });
    expect(book.snapshot(book.sheet("Thôn chưa NTH (2)"))).toEqual(copyBefore);
  });

  it("a CLI-reported .xlsx opened in Excel: the pane sees the report sheets as reports, and replaces them", async () => {
    const f = binhGia();
    const descriptions = buildReports(f.rollup, f.issues, settingsFor(f.rollup));
    const book = await fakeFromXlsx(await reportXlsxBytes(descriptions));
    const session = new WorkbookSession(memoryExcelHost(book));
    const marks = await session.sheetMarks();
    expect(marks.map((m) => m.report)).toEqual(descriptions.map((d) => d.reportId));
    const { workbook } = await session.readWorkbook();
    expect(workbook.sheets).toEqual([]);
    // Written again from the pane: the CLI's sheets are replaced in place, not pushed to "(2)".
    const again = await session.writeReports(descriptions);
    expect(again.written.every((w) => w.replaced)).toBe(true);
    expect(book.sheets.map((s) => s.name)).toEqual(descriptions.map((d) => d.name));
    expect(book.names.filter((n) => n.name.startsWith("_nth_report_")).length).toBe(descriptions.length);
  });
});
