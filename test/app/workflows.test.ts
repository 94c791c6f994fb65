/**
 * The clerk's actions end to end on the in-memory workbook (the same session code as in Excel):
 * check, create the standard sheets, generate (progress, cancel, failure), select, insert.
 */
import {
  analyseWorkbook,
  checkData,
  clockOf,
  createStandardSheets,
  generateReports,
  saveSettings,
} from "../../src/app/workflows";
import { memoryExcelHost } from "../../src/excel/memory/memoryHost";
import { createDemoWorkbook, createEmptyWorkbook, DEMO_MISTAKES } from "../../src/excel/memory/demoWorkbook";
import { FakeWorkbook } from "../../src/excel/memory/fakeExcel";
import { WorkbookSession } from "../../src/excel/session";
import type { ReadProgress } from "../../src/port/workbookPort";
import { REPORT_IDS, REPORT_MARKER_KEY } from "../../src/report/description";

const clock = clockOf(new Date(2026, 0, 15));
const session = (book: FakeWorkbook, maxRequestBytes?: number): WorkbookSession =>
  new WorkbookSession(memoryExcelHost(book), { maxRequestBytes });

it("checks the demo workbook: the four typing mistakes, nothing else, and the Bình Gia figures", async () => {
  const book = createDemoWorkbook();
  const out = await checkData(session(book), clock);
  if (out.kind !== "ok") throw new Error(out.message.en);
  expect(out.issues.map((i) => `${i.sheet}!${i.cell}`).sort()).toEqual(
    DEMO_MISTAKES.map((m) => `${m.sheet}!${m.cell}`).sort(),
  );
  expect(out.counts).toEqual({ errors: 1, warnings: 3, infos: 0 });
  expect(out.glance.unitName).toBe("Lạng Sơn");
  const binhGia = out.glance.bars.find((b) => b.name === "Bình Gia")!;
  expect([binhGia.villages, binhGia.consolidated]).toEqual([143, 68]);
});

it("generates every report for Bình Gia, with the chart, and regenerates in place", async () => {
  const book = createDemoWorkbook();
  const s = session(book);
  const check = await checkData(s, clock);
  if (check.kind !== "ok") throw new Error("unusable");
  const binhGia = check.units.find((u) => u.name === "Bình Gia")!;
  const steps: string[] = [];
  const request = {
    unitId: binhGia.id,
    reports: REPORT_IDS,
    language: "vi" as const,
    layout: "nested" as const,
  };
  const out = await generateReports(s, request, clock, { onProgress: (p) => steps.push(p.step.kind) });
  expect(out.status).toBe("done");
  expect(out.written.map((w) => w.name)).toEqual([
    "Tổng hợp",
    "Chức danh cấp xã",
    "Chất lượng bí thư",
    "Chi bộ thôn",
    "Thôn chưa NTH",
    "Kế hoạch nhất thể hóa",
    "Phụ lục danh sách",
    "Kiểm tra dữ liệu",
  ]);
  expect(out.glance?.needed).toBe(61);
  expect(out.chart).toBe(true);
  expect(steps[0]).toBe("read");
  expect(steps.filter((k) => k === "write")).toHaveLength(8);
  const summary = book.sheet("Tổng hợp");
  expect(summary.customProperties.get(REPORT_MARKER_KEY)).toBe("summary");
  expect(summary.charts).toHaveLength(1);
  expect(summary.charts[0].series.map((x) => x.name)).toEqual(["Tỷ lệ", "Chỉ tiêu"]);
  // The annex names Bình Gia's people only: Yên Lỗ's secretaries among them, none of Lộc Bình's commune leaders.
  const annex = [...book.sheet("Phụ lục danh sách").cells.values()].flatMap((r) =>
    [...r.values()].map((c) => String(c.value)),
  );
  expect(annex).toContain("Chu Minh Cường");
  expect(annex.filter((v) => /Na Dương|Lợi Bác|Tú Đoạn/.test(v))).toEqual([]);
  const before = book.sheets.length;
  const again = await generateReports(s, request, clock);
  expect(again.written.every((w) => w.replaced)).toBe(true);
  expect(book.sheets.length).toBe(before);
  // The input sheets and the reports never mix: a second check reads the data sheets only.
  const recheck = await checkData(s, clock);
  expect(recheck.kind === "ok" && recheck.issues.length).toBe(4);
});

it("cancels between sheets: the run's sheets are removed, nothing changes", async () => {
  const book = createDemoWorkbook();
  const controller = new AbortController();
  const out = await generateReports(
    session(book),
    { unitId: null, reports: REPORT_IDS, language: "vi", layout: "nested" },
    clock,
    {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step.kind === "write" && p.step.index === 1) controller.abort();
      },
    },
  );
  expect(out.status).toBe("cancelled");
  expect(out.written).toEqual([]);
  expect(book.sheets.map((s) => s.name)).toEqual(["Thôn", "Cán bộ", "Chỉ tiêu"]);
});

it("leaves no half-written sheet when a sync fails in the middle of a report", async () => {
  // Find the sync that writes the second report's content, then fail exactly there.
  const probe = createDemoWorkbook();
  const request = { unitId: null, reports: REPORT_IDS, language: "vi" as const, layout: "nested" as const };
  const syncsBefore: number[] = [];
  // Requests of 20 kB: each report sheet takes several syncs, the first of which creates it.
  await generateReports(session(probe, 20_000), request, clock, {
    onProgress: (p) => p.step.kind === "write" && syncsBefore.push(probe.syncs),
  });
  const failAt = syncsBefore[1] + 4; // create + first rows, more rows, then this one
  const book = createDemoWorkbook({ failAtSync: failAt });
  const inputs = ["Thôn", "Cán bộ", "Chỉ tiêu"].map((n) => book.snapshot(book.sheet(n)));
  const deleted = jest.spyOn(book, "deleteSheet");
  const out = await generateReports(session(book, 20_000), request, clock);
  expect(out.status).toBe("failed");
  // The staged sheets of the run (the finished one and the half-written one, under their staging
  // names: the writer commits names only at the end) were removed: all or nothing.
  expect(deleted.mock.calls.map(([sheet]) => sheet.name)).toEqual([
    "(chưa xong) Tổng hợp",
    "(chưa xong) Chức danh cấp xã",
  ]);
  expect(out.message?.vi).toMatch(/Lỗi khi ghi trang “Chức danh cấp xã”: Injected failure/);
  expect(out.message?.en).toMatch(/^Writing the sheet “Chức danh cấp xã” failed: Injected failure/);
  expect(out.written).toEqual([]);
  expect(book.sheets.map((s) => s.name)).toEqual(["Thôn", "Cán bộ", "Chỉ tiêu"]);
  expect(["Thôn", "Cán bộ", "Chỉ tiêu"].map((n) => book.snapshot(book.sheet(n)))).toEqual(inputs);
});

it("says clearly why an empty workbook cannot be checked", async () => {
  const out = await checkData(session(createEmptyWorkbook()), clock);
  expect(out.kind).toBe("unusable");
  if (out.kind === "unusable") {
    expect(out.empty).toBe(true);
    expect(out.message.vi).toMatch(/Không tìm thấy trang Thôn/);
  }
});

it("creates the standard sheets in an empty workbook, then nothing twice", async () => {
  const book = createEmptyWorkbook();
  const s = session(book);
  const made = await createStandardSheets(s, "vi");
  expect(made.created).toEqual(["Thôn", "Cán bộ", "Chỉ tiêu", "Cài đặt báo cáo", "Hướng dẫn"]);
  expect(book.tables.map((t) => t.name)).toEqual(["NTH_Thon", "NTH_CanBo", "NTH_ChiTieu"]);
  const villages = book.sheet("Thôn");
  expect(villages.freeze).toEqual({ rows: 1, columns: 0 });
  expect(book.cell(villages, 1, 3)?.value).toBe("Xã");
  expect(villages.validations.find((v) => v.rect.left === 6)?.rule).toEqual({
    list: { inCellDropDown: true, source: "thôn,bản,ấp,làng,xóm,khối phố,khu phố,tổ dân phố" },
  });
  const targets = book.sheet("Chỉ tiêu");
  expect((targets.validations[0].rule as { list: { source: string } }).list.source).toMatch(
    /^='Hướng dẫn'!\$A\$\d+:\$A\$\d+$/,
  );
  const again = await createStandardSheets(s, "vi");
  expect(again.created).toEqual([]);
  expect(again.skipped.map((k) => k.sheet)).toEqual([
    "Thôn",
    "Cán bộ",
    "Chỉ tiêu",
    "Cài đặt báo cáo",
    "Hướng dẫn",
  ]);
  // The blank sheets read without an issue: no village yet.
  const check = await checkData(s, clock);
  expect(check.kind === "ok" && [check.issues.length, check.glance.villages]).toEqual([0, 0]);
});

it("never replaces a clerk's sheet that has a standard sheet's name", async () => {
  const book = createEmptyWorkbook();
  book.addSheet("Thôn", [["ghi chép riêng"]]);
  const made = await createStandardSheets(session(book), "vi");
  expect(made.created[0]).toBe("Thôn (2)");
  expect(book.cell(book.sheet("Thôn"), 1, 1)?.value).toBe("ghi chép riêng");
});

it("saves header settings into the settings sheet and uses them", async () => {
  const book = createDemoWorkbook();
  const s = session(book);
  await saveSettings(
    s,
    new Map([
      ["signerName", "Nguyễn Văn An"],
      ["date", "19/9/2021"],
    ]),
    "vi",
  );
  const sheet = book.sheet("Cài đặt báo cáo");
  expect(book.cell(sheet, 9, 2)?.value).toBe("Nguyễn Văn An");
  await saveSettings(s, new Map([["signerName", "Hoàng Thị Bình"]]), "vi");
  expect(book.cell(sheet, 9, 2)?.value).toBe("Hoàng Thị Bình");
  const check = await checkData(s, clock);
  if (check.kind !== "ok") throw new Error("unusable");
  expect(check.settingsSheet?.name).toBe("Cài đặt báo cáo");
  const out = await generateReports(
    s,
    { unitId: null, reports: ["summary"], language: "vi", layout: "flat" },
    clock,
  );
  const cells = [...book.sheet("Tổng hợp").cells.values()].flatMap((r) =>
    [...r.values()].map((c) => c.value),
  );
  expect(cells).toContain("Hoàng Thị Bình");
  expect(cells).toContain("Lạng Sơn, ngày 19 tháng 9 năm 2021");
  expect(out.status).toBe("done");
});

it("selects an issue's cell and inserts a formula into the active cell", async () => {
  const book = createDemoWorkbook();
  const s = session(book);
  await s.selectCell("Cán bộ", "H101");
  expect(book.activeSheet().name).toBe("Cán bộ");
  expect(book.selectionOf(book.activeSheet())).toEqual({ top: 101, left: 8, bottom: 101, right: 8 });
  expect(await s.insertFormula("=NTH.CONSOLIDATION_RATE(68, 143)")).toBe("'Cán bộ'!H101");
  await expect(s.selectCell("Không có", "A1")).rejects.toMatchObject({
    bilingual: { vi: expect.stringMatching(/Không chọn được ô A1/) },
  });
});

it("analyses grids without a session (the ribbon and the pane share it)", () => {
  expect(analyseWorkbook({ file: "", sheets: [] }, clock).kind).toBe("unusable");
});

describe("reading a large sheet for the check: progress and cancel", () => {
  /** The demo data and a large notes sheet of 8,000 rows × 20 columns (several chunks of rows). */
  const largeBook = (): FakeWorkbook => {
    const book = createDemoWorkbook();
    const rows = Array.from({ length: 8_000 }, (_, r) =>
      Array.from({ length: 20 }, (_, c) => `Ghi chú dòng ${r + 1} cột ${c + 1}: cán bộ thôn`),
    );
    book.addSheet("Ghi chép", rows);
    return book;
  };

  it("reports the sheet and rows read of its total after each chunk", async () => {
    const seen: ReadProgress[] = [];
    const out = await checkData(session(largeBook()), clock, { onProgress: (p) => seen.push(p) });
    expect(out.kind).toBe("ok");
    const large = seen.filter((p) => p.sheet === "Ghi chép");
    expect(large.length).toBeGreaterThan(1);
    expect(large.every((p) => p.rowCount === 8_000)).toBe(true);
    expect(large.map((p) => p.rowsRead)).toEqual([...large.map((p) => p.rowsRead)].sort((a, b) => a - b));
    expect(large[large.length - 1].rowsRead).toBe(8_000);
    expect(seen.some((p) => p.sheet === "Thôn" && p.rowsRead === p.rowCount)).toBe(true);
  });

  it("cancel stops between chunks, analyses nothing and changes nothing", async () => {
    const book = largeBook();
    const before = await session(book).readWorkbook();
    const controller = new AbortController();
    const seen: ReadProgress[] = [];
    const out = await checkData(session(book), clock, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.sheet === "Ghi chép") controller.abort();
      },
    });
    expect(out.kind).toBe("cancelled");
    const large = seen.filter((p) => p.sheet === "Ghi chép");
    expect(large).toHaveLength(1);
    expect(large[0].rowsRead).toBeLessThan(8_000);
    expect(await session(book).readWorkbook()).toEqual(before);
  });
});

/** A report sheet's cell values as text, row by row. */
const texts = (book: FakeWorkbook, name: string): string[] =>
  [...book.sheet(name).cells.values()].flatMap((r) => [...r.values()].map((c) => String(c.value)));

it("the pane's planning sheet: Bình Gia's 61 split exactly, by room or by own target as the settings sheet says", async () => {
  const book = createDemoWorkbook();
  const s = session(book);
  const check = await checkData(s, clock);
  if (check.kind !== "ok") throw new Error("unusable");
  const binhGia = check.units.find((u) => u.name === "Bình Gia")!;
  const request = {
    unitId: binhGia.id,
    reports: ["plan" as const],
    language: "vi" as const,
    layout: "nested" as const,
  };
  const quotasOf = async (): Promise<{ written: string[]; quotas: number[]; lines: string[] }> => {
    const out = await generateReports(s, request, clock);
    const rows = [...book.sheet("Kế hoạch nhất thể hóa").cells.values()].map((r) =>
      [...r.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c.value),
    );
    // Commune rows: an ordinal, a name, then numbers; the quota is the seventh column.
    const communes = rows.filter((r) => typeof r[0] === "number" && typeof r[2] === "number");
    return {
      written: out.written.map((w) => w.name),
      quotas: communes.map((r) => Number(r[6])),
      lines: texts(book, "Kế hoạch nhất thể hóa"),
    };
  };
  const byRoom = await quotasOf();
  expect(byRoom.written).toEqual(["Kế hoạch nhất thể hóa"]);
  expect(byRoom.quotas.reduce((a, q) => a + q, 0)).toBe(61);
  expect(byRoom.lines.some((t) => t.startsWith("Cách chia: theo số thôn chưa nhất thể hóa"))).toBe(true);
  // The clerk types the basis on the settings sheet: the pane splits by each commune's own target.
  book.addSheetValues("Cài đặt báo cáo", [
    ["Mục", "Giá trị"],
    ["Cách chia chỉ tiêu", "chỉ tiêu riêng"],
  ]);
  const byOwn = await quotasOf();
  expect(byOwn.quotas.reduce((a, q) => a + q, 0)).toBe(61);
  expect(byOwn.quotas).not.toEqual(byRoom.quotas);
  expect(byOwn.lines.some((t) => t.startsWith("Cách chia: theo số cần thêm theo chỉ tiêu riêng"))).toBe(true);
});
