/**
 * The import end to end on the in-memory workbook (the same session code as in Excel): preview,
 * apply, read back; the clerk's other sheets unchanged, a sheet the add-in did not make never
 * overwritten, a unit's rows replaced and only those, reports with the completeness sheet.
 */
import * as path from "node:path";
import { applyImport, previewImport, type ImportRequest } from "../../src/app/imports/importWorkflow";
import type { IncomingFile } from "../../src/app/imports/plan";
import { checkData, clockOf, generateReports } from "../../src/app/workflows";
import { memoryExcelHost } from "../../src/excel/memory/memoryHost";
import { createEmptyWorkbook } from "../../src/excel/memory/demoWorkbook";
import { FakeWorkbook, type FakeCellValue } from "../../src/excel/memory/fakeExcel";
import { WorkbookSession } from "../../src/excel/session";
import { REPORT_IDS } from "../../src/report/description";
import { readXlsxFile } from "../../src/xlsx/readXlsx";
import {
  PROVENANCE_HEADER,
  submission,
  unitsSheet,
  VILLAGE_HEADER,
  villageRow,
  villages,
} from "./importFixtures";

const NOW = new Date(2021, 8, 20, 8, 30);
const clock = clockOf(NOW);
const SAMPLES = path.resolve(__dirname, "../../samples/submissions/binh-gia");

function session(book: FakeWorkbook, maxRequestBytes?: number): WorkbookSession {
  return new WorkbookSession(memoryExcelHost(book), { maxRequestBytes });
}

async function importFiles(
  s: WorkbookSession,
  files: readonly IncomingFile[],
  mode: ImportRequest["mode"] = "sheets",
) {
  const request: ImportRequest = { files, mode, language: "vi" };
  const preview = await previewImport(s, request, NOW);
  const outcome = await applyImport(s, request, preview, NOW);
  if (outcome.status !== "done") throw new Error(outcome.message?.en ?? outcome.status);
  return { preview, outcome };
}

/** Every value of a sheet, row by row from row 1 (empty cells null), as far as the sheet goes. */
function values(book: FakeWorkbook, name: string): FakeCellValue[][] {
  const sheet = book.sheet(name);
  const rect = book.usedRect(sheet, true);
  if (!rect) return [];
  const out: FakeCellValue[][] = [];
  for (let r = 1; r <= rect.bottom; r++) {
    const row: FakeCellValue[] = [];
    for (let c = 1; c <= rect.right; c++) {
      const v = book.cell(sheet, r, c)?.value ?? null;
      row.push(v === "" ? null : v);
    }
    out.push(row);
  }
  return out;
}

const sampleFile = async (name: string): Promise<IncomingFile> => ({
  file: name,
  workbook: await readXlsxFile(path.join(SAMPLES, name)),
  error: null,
});

describe("importing two sample submissions into an empty workbook", () => {
  const book = createEmptyWorkbook();
  const s = session(book);
  let binhLa: IncomingFile;
  let yenLo: IncomingFile;

  beforeAll(async () => {
    binhLa = await sampleFile("binh-la.xlsx");
    yenLo = await sampleFile("yen-lo.xlsx");
    await importFiles(s, [binhLa, yenLo]);
  }, 30_000);

  it("creates the standard sheets (tables with the provenance columns) and the import log", () => {
    expect(book.sheets.map((x) => x.name)).toEqual([
      "Sheet1",
      "Thôn",
      "Cán bộ",
      "Chỉ tiêu",
      "Cài đặt báo cáo",
      "Hướng dẫn",
      "Nhật ký nhập",
    ]);
    expect(book.sheet("Nhật ký nhập").customProperties.get("nth-rollup-sheet")).toBe("import-log");
    const thon = values(book, "Thôn");
    expect(thon[0]).toEqual([...VILLAGE_HEADER, ...PROVENANCE_HEADER]);
    // Bình La's 7 villages and Yên Lỗ's 9, each with its provenance; the table holds them all.
    const rows = thon.slice(1);
    expect(rows.map((r) => r[2])).toEqual([...Array(7).fill("Bình La"), ...Array(9).fill("Yên Lỗ")]);
    expect(rows[0].slice(-4)).toEqual([
      "binh-la.xlsx",
      "Bình La (xã, Bình Gia)",
      "Quý III/2021",
      "2021-09-20 08:30",
    ]);
    expect(rows[15].slice(-4)).toEqual([
      "yen-lo.xlsx",
      "Yên Lỗ (xã, Bình Gia)",
      "Quý III/2021",
      "2021-09-20 08:30",
    ]);
    const table = book.tables.find((t) => t.name === "NTH_Thon")!;
    expect(table.rect).toEqual({ top: 1, left: 1, bottom: 17, right: 17 });
    // The targets the submissions carry, once.
    expect(
      values(book, "Chỉ tiêu")
        .slice(1)
        .map((r) => r.slice(0, 4)),
    ).toEqual([
      ["village_secretary_head", "Bình Gia", "huyện", "90%"],
      ["village_secretary_head", null, "xã", "90%"],
    ]);
  });

  it("reads back cleanly: the provenance columns raise no issue, the figures are the two communes'", async () => {
    const check = await checkData(s, clock);
    if (check.kind !== "ok") throw new Error(check.message.en);
    const fromProvenance = check.issues.filter((i) => i.sheet === "Thôn" && /^[NOPQ]\d/.test(i.cell));
    expect(fromProvenance).toEqual([]);
    expect([check.glance.villages, check.glance.consolidated]).toEqual([16, 2 + 3]);
    expect(check.completeness).toMatchObject({ expected: 2, reported: 2 });
  });

  it("generates the reports with the completeness sheet", async () => {
    const out = await generateReports(
      s,
      { unitId: null, reports: REPORT_IDS, language: "vi", layout: "nested" },
      clock,
    );
    expect(out.status).toBe("done");
    expect(out.written.map((w) => w.name)).toContain("Tình hình nộp báo cáo");
    const summary = values(book, "Tổng hợp")
      .flat()
      .filter((v) => typeof v === "string");
    expect(summary.join(" ")).toMatch(/2\/2 đơn vị/);
  });

  it("refuses the same files again, and writes nothing", async () => {
    const before = JSON.stringify(book.snapshot(book.sheet("Thôn")));
    const request: ImportRequest = { files: [binhLa, yenLo], mode: "sheets", language: "vi" };
    const preview = await previewImport(s, request, NOW);
    expect(preview.submissions.map((x) => x.status)).toEqual(["same", "same"]);
    expect(preview.writes).toBeNull();
    expect(JSON.stringify(book.snapshot(book.sheet("Thôn")))).toBe(before);
  });
});

describe("a district's own workbook receiving submissions", () => {
  /** Plain ranges: a title, the header on row 3, Hòa Bình typed by the clerk; a notes sheet; a units sheet. */
  function districtBook(): FakeWorkbook {
    const book = new FakeWorkbook();
    book.addSheetValues("Thôn", [
      ["DANH SÁCH THÔN HUYỆN BÌNH GIA"],
      [],
      [...VILLAGE_HEADER, "STT gốc"],
      [...villageRow("Hòa Bình", { village: "Còn Chang", consolidated: true }), 1],
      [...villageRow("Hòa Bình", { village: "Khuổi Phường", consolidated: false }), 2],
    ]);
    book.addSheetValues("Ghi chú", [["Việc cần làm"], ["Gọi xã Yên Lỗ"]]);
    const units = unitsSheet(["Hòa Bình", "Bình La", "Yên Lỗ"]);
    book.addSheetValues(
      "Đơn vị",
      units.rows.map((r) => r.map((v) => (typeof v === "object" ? null : v))),
    );
    return book;
  }
  const a1 = submission({
    file: "binh-la.xlsx",
    commune: "Bình La",
    generatedAt: "2021-09-09T02:00:00.000Z",
    villages: villages("Nà", 3, 1),
  });
  const b1 = submission({
    file: "yen-lo.xlsx",
    commune: "Yên Lỗ",
    generatedAt: "2021-09-10T02:00:00.000Z",
    villages: villages("Pò", 2, 2),
  });

  it("adds the rows under the clerk's, the provenance columns after the clerk's own column, nothing else changed", async () => {
    const book = districtBook();
    const s = session(book);
    const notes = JSON.stringify(book.snapshot(book.sheet("Ghi chú")));
    const units = JSON.stringify(book.snapshot(book.sheet("Đơn vị")));
    await importFiles(s, [a1, b1]);
    expect(JSON.stringify(book.snapshot(book.sheet("Ghi chú")))).toBe(notes);
    expect(JSON.stringify(book.snapshot(book.sheet("Đơn vị")))).toBe(units);
    // No standard sheet was missing for these rows: nothing created but the log.
    expect(book.sheets.map((x) => x.name)).toEqual(["Thôn", "Ghi chú", "Đơn vị", "Nhật ký nhập"]);
    const thon = values(book, "Thôn");
    expect(thon[2]).toEqual([...VILLAGE_HEADER, "STT gốc", ...PROVENANCE_HEADER]);
    // The clerk's rows are as they were (their provenance cells empty).
    expect(thon[3]).toEqual([
      ...villageRow("Hòa Bình", { village: "Còn Chang", consolidated: true }),
      1,
      null,
      null,
      null,
      null,
    ]);
    expect(thon.slice(5).map((r) => [r[3], r[13], r[15]])).toEqual([
      ["Nà 1", null, "Bình La (xã, Bình Gia)"],
      ["Nà 2", null, "Bình La (xã, Bình Gia)"],
      ["Nà 3", null, "Bình La (xã, Bình Gia)"],
      ["Pò 1", null, "Yên Lỗ (xã, Bình Gia)"],
      ["Pò 2", null, "Yên Lỗ (xã, Bình Gia)"],
    ]);
    const check = await checkData(s, clock);
    if (check.kind !== "ok") throw new Error(check.message.en);
    // No problem; the clerk's notes sheet is named as not read, at information level only.
    expect(check.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(check.issues.map((i) => [i.code, i.sheet])).toEqual([["sheet-skipped", "Ghi chú"]]);
    expect(check.completeness).toMatchObject({ basis: "units-sheet", expected: 3, reported: 2 });
    expect(check.completeness!.units.find((u) => u.name === "Hòa Bình")!.status).toBe("missing");
  });

  it("re-importing a newer submission replaces that unit's rows, and only those; an older one is refused", async () => {
    const book = districtBook();
    const s = session(book);
    await importFiles(s, [a1, b1]);
    const before = values(book, "Thôn");
    // Bình La again: 4 villages now (one more), Nà 2 consolidated.
    const a2 = submission({
      file: "binh-la-2.xlsx",
      commune: "Bình La",
      generatedAt: "2021-09-14T02:00:00.000Z",
      villages: [
        { village: "Nà 1", consolidated: true },
        { village: "Nà 2", consolidated: true },
        { village: "Nà 3", consolidated: false },
        { village: "Nà 4", consolidated: false },
      ],
    });
    const { preview } = await importFiles(s, [a2]);
    expect(preview.submissions[0].status).toBe("replaces");
    expect(preview.submissions[0].diff!.added.map((v) => v.village)).toEqual(["Nà 4"]);
    expect(preview.submissions[0].diff!.changed.map((c) => [c.village.village, c.field])).toEqual([
      ["Nà 2", "consolidatedFlag"],
      ["Nà 2", "head"],
    ]);
    const after = values(book, "Thôn");
    // The clerk's rows and Yên Lỗ's are unchanged, cell for cell.
    expect(after.slice(0, 5)).toEqual(before.slice(0, 5));
    expect(after.slice(8, 10)).toEqual(before.slice(8, 10));
    expect(after.slice(5, 8).map((r) => [r[3], r[11], r[14]])).toEqual([
      ["Nà 1", "Có", "binh-la-2.xlsx"],
      ["Nà 2", "Có", "binh-la-2.xlsx"],
      ["Nà 3", "Không", "binh-la-2.xlsx"],
    ]);
    expect(after[10].slice(0, 4)).toEqual(["Lạng Sơn", "Bình Gia", "Bình La", "Nà 4"]);
    expect(after).toHaveLength(11);

    // The first Bình La file again: older than what is there.
    const again = await previewImport(s, { files: [a1], mode: "sheets", language: "vi" }, NOW);
    expect(again.submissions[0].status).toBe("older");
    expect(again.writes).toBeNull();

    // A smaller newer one: the left-over rows are deleted, the rows below move up.
    const a3 = submission({
      file: "binh-la-3.xlsx",
      commune: "Bình La",
      generatedAt: "2021-09-15T02:00:00.000Z",
      villages: villages("Nà", 1, 1),
    });
    await importFiles(s, [a3]);
    const last = values(book, "Thôn");
    expect(last.slice(3).map((r) => r[3])).toEqual(["Còn Chang", "Khuổi Phường", "Nà 1", "Pò 1", "Pò 2"]);
    const log = values(book, "Nhật ký nhập")
      .slice(1)
      .map((r) => [r[0], r[6]]);
    expect(log).toEqual([
      ["Bình La", "binh-la.xlsx"],
      ["Yên Lỗ", "yen-lo.xlsx"],
      ["Bình La", "binh-la-2.xlsx"],
      ["Bình La", "binh-la-3.xlsx"],
    ]);
  });

  it("never overwrites a sheet the add-in did not make: the log and the copies take free names", async () => {
    const book = districtBook();
    book.addSheetValues("Nhật ký nhập", [["Sổ theo dõi của văn thư"]]);
    book.addSheetValues("Thôn (tổng hợp)", [["Bản tổng hợp tự làm"]]);
    const mine = [book.sheet("Nhật ký nhập"), book.sheet("Thôn (tổng hợp)")].map((x) =>
      JSON.stringify(book.snapshot(x)),
    );
    const original = JSON.stringify(book.snapshot(book.sheet("Thôn")));
    const s = session(book);
    await importFiles(s, [a1, b1], "copy");
    expect(
      [book.sheet("Nhật ký nhập"), book.sheet("Thôn (tổng hợp)")].map((x) =>
        JSON.stringify(book.snapshot(x)),
      ),
    ).toEqual(mine);
    // Copy mode: the clerk's Thôn sheet is untouched; the copy holds its rows and the submissions'.
    expect(JSON.stringify(book.snapshot(book.sheet("Thôn")))).toBe(original);
    expect(book.sheet("Thôn (tổng hợp) (2)").customProperties.get("nth-rollup-sheet")).toBe(
      "combined-villages",
    );
    expect(book.sheet("Nhật ký nhập (2)").customProperties.get("nth-rollup-sheet")).toBe("import-log");
    expect(
      values(book, "Thôn (tổng hợp) (2)")
        .slice(1)
        .map((r) => r[3]),
    ).toEqual(["Còn Chang", "Khuổi Phường", "Nà 1", "Nà 2", "Nà 3", "Pò 1", "Pò 2"]);
    // The data is read from the copy: 7 villages, no duplicates with the original.
    const check = await checkData(s, clock);
    if (check.kind !== "ok") throw new Error(check.message.en);
    expect(check.glance.villages).toBe(7);
    // No problem; the clerk's own sheets that hold no data are named at information level only.
    expect(check.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(check.issues.map((i) => [i.code, i.sheet]).sort()).toEqual(
      [
        ["sheet-skipped", "Ghi chú"],
        ["sheet-skipped", "Nhật ký nhập"],
        ["sheet-skipped", "Thôn (tổng hợp)"],
      ].sort(),
    );
  });

  it("writes big imports in several requests, each under the budget", async () => {
    const book = districtBook();
    const s = session(book, 2_000);
    const big = submission({
      file: "big.xlsx",
      commune: "Bình La",
      generatedAt: "2021-09-09T02:00:00.000Z",
      villages: villages("Nà", 60, 30),
    });
    const syncs = book.syncs;
    await importFiles(s, [big]);
    expect(book.syncs - syncs).toBeGreaterThan(10);
    expect(
      values(book, "Thôn")
        .slice(5)
        .map((r) => r[3]),
    ).toEqual(villages("Nà", 60, 30).map((v) => v.village));
  });
});

describe("a workbook whose standard sheets are tables (made by the pane)", () => {
  it("grows the table through its own rows and columns, and keeps a row when a unit's rows all go", async () => {
    const book = createEmptyWorkbook();
    const s = session(book);
    const a1 = submission({
      file: "a1.xlsx",
      commune: "Bình La",
      generatedAt: "2021-09-09T02:00:00.000Z",
      villages: villages("Nà", 3, 1),
    });
    await importFiles(s, [a1]);
    expect(book.tables.find((t) => t.name === "NTH_Thon")!.rect).toMatchObject({ top: 1, bottom: 4 });
    const a2 = submission({
      file: "a2.xlsx",
      commune: "Bình La",
      generatedAt: "2021-09-10T02:00:00.000Z",
      villages: villages("Nà", 1, 1),
    });
    await importFiles(s, [a2]);
    expect(book.tables.find((t) => t.name === "NTH_Thon")!.rect).toMatchObject({ top: 1, bottom: 2 });
    expect(
      values(book, "Thôn")
        .slice(1)
        .map((r) => r[3]),
    ).toEqual(["Nà 1"]);
  });
});
