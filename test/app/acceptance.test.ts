/**
 * Accepting submissions in the pane, on the in-memory Excel (the same session code as in Excel):
 * the import log carries each submission's content hash, its check and a review column with a
 * drop-down; a newer file of a unit whose submission the clerk accepted is not taken until the
 * clerk confirms; a returned one is replaced without asking; completeness shows the review; a file
 * edited after export is flagged before anything is written.
 */
import * as path from "node:path";
import { applyImport, previewImport, type ImportRequest } from "../../src/app/imports/importWorkflow";
import type { IncomingFile } from "../../src/app/imports/plan";
import { checkData, clockOf } from "../../src/app/workflows";
import { createEmptyWorkbook } from "../../src/excel/memory/demoWorkbook";
import { FakeWorkbook, type FakeCellValue } from "../../src/excel/memory/fakeExcel";
import { memoryExcelHost } from "../../src/excel/memory/memoryHost";
import { WorkbookSession } from "../../src/excel/session";
import { readXlsxFile } from "../../src/xlsx/readXlsx";
import { submission, villages } from "./importFixtures";

const NOW = new Date(2021, 8, 20, 8, 30);
const SAMPLES = path.resolve(__dirname, "../../samples/submissions/binh-gia");
const LOG = "Nhật ký nhập";

function values(book: FakeWorkbook, name: string): FakeCellValue[][] {
  const sheet = book.sheet(name);
  const rect = book.usedRect(sheet, true)!;
  const out: FakeCellValue[][] = [];
  for (let r = 1; r <= rect.bottom; r++) {
    const row: FakeCellValue[] = [];
    for (let c = 1; c <= rect.right; c++) row.push(book.cell(sheet, r, c)?.value ?? null);
    out.push(row);
  }
  return out;
}

/** The clerk types into a cell of the log (through the same Office.js object model). */
async function type(book: FakeWorkbook, address: string, value: string): Promise<void> {
  await memoryExcelHost(book).run(async (context) => {
    context.workbook.worksheets.getItem(LOG).getRange(address).values = [[value]];
    await context.sync();
  });
}

describe("accepting submissions in the pane", () => {
  const book = createEmptyWorkbook();
  const session = new WorkbookSession(memoryExcelHost(book), {});
  const request = (files: IncomingFile[], confirmReplace?: string[]): ImportRequest => ({
    files,
    mode: "sheets",
    language: "vi",
    confirmReplace,
  });
  const newer = (file: string, generatedAt: string, consolidated: number): IncomingFile =>
    submission({ file, commune: "Yên Lỗ", generatedAt, villages: villages("Thôn", 9, consolidated) });

  beforeAll(async () => {
    const yenLo: IncomingFile = {
      file: "yen-lo.xlsx",
      workbook: await readXlsxFile(path.join(SAMPLES, "yen-lo.xlsx")),
      error: null,
    };
    const plan = await previewImport(session, request([yenLo]), NOW);
    expect(plan.submissions[0]).toMatchObject({ status: "new", content: "matches" });
    expect((await applyImport(session, request([yenLo]), plan, NOW)).status).toBe("done");
  }, 30_000);

  it("writes the hash, its check and a review column with a drop-down to the import log", () => {
    const log = values(book, LOG);
    expect(log[0].slice(10)).toEqual(["Mã nội dung", "Kiểm tra mã", "Tiếp nhận", "Ghi chú"]);
    expect(log[1].slice(10, 13)).toEqual([expect.stringMatching(/^[0-9a-f]{8}$/), "Khớp", "Chờ xem xét"]);
    const drop = book.sheet(LOG).validations.find((v) => v.rect.left === 13 && v.rect.top === 2)!;
    expect(drop.rule).toEqual({ list: { inCellDropDown: true, source: "Chờ xem xét,Đã nhận,Trả lại" } });
  });

  it("does not replace an accepted submission without the clerk's confirmation, which names both files and hashes", async () => {
    await type(book, "M2", "Đã nhận");
    const acceptedHash = values(book, LOG)[1][10] as string;
    const second = newer("yen-lo-lan-2.xlsx", "2021-09-25T02:00:00.000Z", 5);
    const plan = await previewImport(session, request([second]), NOW);
    const s = plan.submissions[0];
    expect(s.status).toBe("replaces-accepted");
    expect(plan.writes).toBeNull();
    expect(s.reason!.vi).toContain("yen-lo.xlsx");
    expect(s.reason!.vi).toContain("yen-lo-lan-2.xlsx");
    expect(s.reason!.vi).toContain(acceptedHash);
    expect(s.reason!.vi).toContain(s.contentHash!);
    // Applying the unconfirmed plan writes nothing.
    expect((await applyImport(session, request([second]), plan, NOW)).status).toBe("failed");
    expect(values(book, LOG)).toHaveLength(2);

    const confirmed = await previewImport(session, request([second], ["yen-lo-lan-2.xlsx"]), NOW);
    expect(confirmed.submissions[0].status).toBe("replaces");
    const done = await applyImport(session, request([second], ["yen-lo-lan-2.xlsx"]), confirmed, NOW);
    expect(done.status).toBe("done");
    const log = values(book, LOG);
    expect(log.map((r) => r[12])).toEqual(["Tiếp nhận", "Đã nhận", "Chờ xem xét"]);
  });

  it("replaces a returned submission without asking; completeness shows the return's note, then the resubmission", async () => {
    await type(book, "M3", "Trả lại");
    await type(book, "N3", "Thiếu thôn Pò Mầm");
    const returned = await checkData(session, clockOf(NOW));
    if (returned.kind !== "ok") throw new Error(returned.message.en);
    expect(returned.completeness!.units.find((u) => u.name === "Yên Lỗ")).toMatchObject({
      review: "returned",
      note: "Thiếu thôn Pò Mầm",
      content: "matches",
    });

    const third = newer("yen-lo-lan-3.xlsx", "2021-09-28T02:00:00.000Z", 6);
    const plan = await previewImport(session, request([third]), NOW);
    expect(plan.submissions[0].status).toBe("replaces");
    expect((await applyImport(session, request([third]), plan, NOW)).status).toBe("done");
    const log = values(book, LOG);
    expect(log.map((r) => [r[12], r[13]])).toEqual([
      ["Tiếp nhận", "Ghi chú"],
      ["Đã nhận", ""],
      ["Trả lại", "Thiếu thôn Pò Mầm"],
      ["Chờ xem xét", ""],
    ]);
    const after = await checkData(session, clockOf(NOW));
    if (after.kind !== "ok") throw new Error(after.message.en);
    expect(after.completeness!.units.find((u) => u.name === "Yên Lỗ")).toMatchObject({
      review: "resubmitted",
      note: "Thiếu thôn Pò Mầm",
    });
  });

  it("flags a file whose data no longer matches its hash before anything is written", async () => {
    const edited = submission({
      file: "yen-lo-sua.xlsx",
      commune: "Yên Lỗ",
      generatedAt: "2021-09-29T02:00:00.000Z",
      villages: villages("Thôn", 9, 7),
      contentHash: "0".repeat(64),
    });
    const plan = await previewImport(session, request([edited]), NOW);
    expect(plan.submissions[0]).toMatchObject({ status: "replaces", content: "edited" });
    const conflict = plan.conflicts.find((c) => c.code === "submission-edited")!;
    expect(conflict.file).toBe("yen-lo-sua.xlsx");
    expect(conflict.message.vi).toContain("00000000");
    expect(conflict.message.vi).toContain(plan.submissions[0].contentHash!);
  });
});
