/**
 * The applier's rules on the in-memory Excel: requests budgeted in escaped bytes (re-importing
 * 100,000 rows stays under the limit), delayForCellEdit, protection and manual calculation said in
 * the clerk's words.
 */
import { clockOf, generateReports } from "../../src/app/workflows";
import { REQUEST_BUDGET_BYTES, escapedBytes } from "../../src/excel/applier";
import { createDemoWorkbook } from "../../src/excel/memory/demoWorkbook";
import { FakeWorkbook, runFake } from "../../src/excel/memory/fakeExcel";
import { memoryExcelHost } from "../../src/excel/memory/memoryHost";
import { WorkbookSession } from "../../src/excel/session";
import { messageOf } from "../../src/port/errors";
import type { SheetEdit } from "../../src/port/writes";
import { REPORT_IDS } from "../../src/report/description";

const clock = clockOf(new Date(2021, 8, 19));
const request = { unitId: null, reports: REPORT_IDS, language: "vi" as const, layout: "nested" as const };

it("counts bytes as escaped JSON: every non-ASCII UTF-16 unit as \\uXXXX", () => {
  const escaped = (v: unknown): number =>
    JSON.stringify(v).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    ).length;
  for (const v of [
    "Bí thư chi bộ kiêm trưởng thôn",
    'a"b\\c',
    "😀",
    ["Thôn", 12, true, null],
    [[1.5, "Hòa"]],
    { k: "Lạng Sơn" },
  ])
    expect(escapedBytes(v)).toBeGreaterThanOrEqual(escaped(v));
  expect(escapedBytes("Hòa")).toBe(escaped("Hòa"));
});

it("re-imports 100,000 rows written over a unit's rows with every request under the limit", async () => {
  const book = new FakeWorkbook();
  const rowsOf = (tag: string): string[][] =>
    Array.from({ length: 100_000 }, (_, i) => [
      "Lạng Sơn",
      "Bình Gia",
      `Xã Yên Lỗ ${i % 300}`,
      `Thôn Khuổi Chặng ${tag}${i}`,
      "Hoàng Văn Nguyễn Thị Phương",
      "Hoàng Văn Nguyễn Thị Phương",
      "Có",
      "0123",
    ]);
  const sheet = book.addSheetValues("Thôn", [
    ["Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư", "Trưởng thôn", "NTH", "Mã"],
    ...rowsOf("cũ "),
  ]);
  const edit: SheetEdit = {
    sheet: "Thôn",
    headerRow: 1,
    table: null,
    addColumns: [],
    writes: [{ top: 2, left: 1, rows: rowsOf("mới ") }],
    deletes: [],
    append: null,
  };
  const session = new WorkbookSession(memoryExcelHost(book));
  await session.applyImport({ create: [], edits: [edit], ownSheets: [] });
  expect(book.largestRequestBytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
  expect(book.requests.length).toBeGreaterThan(5);
  expect(book.cell(sheet, 100_001, 4)?.value).toBe("Thôn Khuổi Chặng mới 99999");
  // Text that looks like a number stays text (a text-formatted cell), without an apostrophe.
  expect(book.cell(sheet, 2, 8)).toMatchObject({ value: "0123", numberFormat: "@" });
  // Recalculated once at the end (calculation is suspended while writing).
  expect(book.calculations).toBe(1);
}, 120_000);

it("waits for the clerk to leave a cell instead of failing (delayForCellEdit)", async () => {
  const book = createDemoWorkbook();
  book.cellEditMode = true;
  await expect(runFake(book, async (c) => c.sync())).rejects.toMatchObject({
    code: "InvalidOperationInCellEditMode",
  });
  expect(
    messageOf(await runFake(book, async (c) => c.sync()).catch((e: unknown) => e), { vi: "x", en: "x" }).vi,
  ).toMatch(/chế độ sửa ô/);
  book.cellEditMode = true;
  const out = await generateReports(new WorkbookSession(memoryExcelHost(book)), request, clock);
  expect(out.status).toBe("done");
  expect(book.runs.slice(-3).every((r) => r.delayForCellEdit)).toBe(true);
});

it("says a protected workbook or sheet is protected, and changes nothing", async () => {
  const book = createDemoWorkbook();
  book.protected = true;
  const names = book.sheets.map((s) => s.name);
  const out = await generateReports(new WorkbookSession(memoryExcelHost(book)), request, clock);
  expect(out.status).toBe("failed");
  expect(out.message?.vi).toMatch(/đang được bảo vệ/);
  expect(out.message?.en).toMatch(/is protected.*Nothing was changed\./);
  expect(book.sheets.map((s) => s.name)).toEqual(names);

  const other = createDemoWorkbook();
  other.sheet("Thôn").protected = true;
  const session = new WorkbookSession(memoryExcelHost(other));
  await expect(session.writeCells("Thôn", [{ address: "A1", value: "x" }])).rejects.toMatchObject({
    problem: "protected",
    bilingual: {
      vi: expect.stringMatching(/“Thôn”\. Không có gì bị thay đổi\.$/),
      en: expect.stringMatching(/“Thôn”\. Nothing was changed\.$/),
    },
  });
});

it("says when Excel calculates manually", async () => {
  const book = createDemoWorkbook();
  book.calculationMode = "Manual";
  const out = await generateReports(new WorkbookSession(memoryExcelHost(book)), request, clock);
  expect(out.status).toBe("done");
  expect(out.manualCalculation).toBe(true);
  expect(book.calculations).toBe(1);
});
