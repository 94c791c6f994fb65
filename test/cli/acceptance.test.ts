import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { parseArgs } from "../../src/cli/args";
import { runRequest } from "../../src/cli/commands";
import { readDecisions } from "../../src/core/submission/acceptance";
import type { UnitCompleteness } from "../../src/core/submission/completeness";
import type { Summary } from "../../src/core/summary";
import { readXlsxFile } from "../../src/xlsx/readXlsx";

/**
 * Accepting submissions from the command line, with real .xlsx files: the content hash written at
 * export survives the round trip (and a re-save in another program), a file edited after export is
 * flagged, a newer file does not replace an accepted one without --replace-accepted, a returned one
 * is replaced without asking, and the completeness sheet and JSON show each unit's review.
 */

const ROOT = path.resolve(__dirname, "../..");
const SAMPLES = path.join(ROOT, "samples", "submissions", "binh-gia");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-accept-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(
  argv: string[],
  now = "2021-09-20T08:00:00Z",
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runRequest(parseArgs(argv), {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => new Date(now),
    version: "test",
  });
  return { code, stdout, stderr };
}

async function summaryOf(argv: string[]): Promise<{ summary: Summary; stderr: string }> {
  const { code, stdout, stderr } = await run([...argv, "--json", "-"]);
  expect(code).toBe(0);
  return { summary: JSON.parse(stdout) as Summary, stderr };
}

const unit = (s: Summary, name: string): UnitCompleteness =>
  s.completeness!.units.find((u) => u.name === name)!;

/** Opens a file in ExcelJS, changes it (or not), saves it elsewhere: what another program does. */
async function resave(from: string, to: string, change?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const ws = wb.getWorksheet("Thôn")!;
  change?.(ws);
  await wb.xlsx.writeFile(to);
  return to;
}

/** The row and column of a village's consolidated flag on the Villages sheet. */
function flagCell(ws: ExcelJS.Worksheet, village: string): ExcelJS.Cell {
  let header = 0;
  let flag = 0;
  let name = 0;
  ws.eachRow((row, r) => {
    if (header) return;
    row.eachCell((cell, c) => {
      if (cell.value === "Nhất thể hóa") [header, flag] = [r, c];
      if (cell.value === "Thôn") name = c;
    });
  });
  let found: ExcelJS.Cell | null = null;
  ws.eachRow((row, r) => {
    if (r > header && row.getCell(name).value === village) found = row.getCell(flag);
  });
  return found!;
}

async function decisionsFile(name: string, rows: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Tiếp nhận").addRows([["Đơn vị", "Mã nội dung", "Tiếp nhận", "Ghi chú"], ...rows]);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("content hash through real files", () => {
  it("every sample submission's data matches its hash, also after another program re-saves it", async () => {
    const resaved = await resave(path.join(SAMPLES, "yen-lo.xlsx"), path.join(dir, "yen-lo-resaved.xlsx"));
    const { summary: withUnits } = await summaryOf([
      "report",
      path.join(SAMPLES, "binh-la.xlsx"),
      resaved,
      path.join(ROOT, "samples", "submissions", "binh-gia-don-vi.xlsx"),
    ]);
    expect(unit(withUnits, "Yên Lỗ")).toMatchObject({ content: "matches", review: "pending" });
    expect(unit(withUnits, "Bình La").content).toBe("matches");
    expect(unit(withUnits, "Yên Lỗ").contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(withUnits.issues.filter((i) => i.code === "submission-edited")).toEqual([]);
  }, 60000);

  it("a file edited after export is flagged, naming both hashes, and its data is still rolled up", async () => {
    const original = path.join(SAMPLES, "yen-lo.xlsx");
    const edited = await resave(original, path.join(dir, "yen-lo-edited.xlsx"), (ws) => {
      flagCell(ws, "Pò Mầm").value = 0;
    });
    const units = path.join(ROOT, "samples", "submissions", "binh-gia-don-vi.xlsx");
    const before = (await summaryOf(["report", original, units])).summary;
    const { summary, stderr } = await summaryOf(["report", edited, units]);
    const flagged = summary.issues.filter((i) => i.code === "submission-edited");
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({
      severity: "error",
      file: "yen-lo-edited.xlsx",
      sheet: "Thông tin nộp",
      cell: "B14",
    });
    const stated = unit(before, "Yên Lỗ").contentHash!.slice(0, 8);
    const actual = unit(summary, "Yên Lỗ").contentHash!.slice(0, 8);
    expect(actual).not.toBe(stated);
    expect(flagged[0].message).toContain(stated);
    expect(flagged[0].message).toContain(actual);
    expect(stderr).toContain("đã bị sửa sau khi lập");
    expect(unit(summary, "Yên Lỗ").content).toBe("edited");
    const yenLo = (s: Summary) => s.units.find((u) => u.name === "Yên Lỗ")!.consolidated;
    expect(yenLo(summary)).toBe(yenLo(before) - 1);
  }, 60000);
});

describe("accepting and returning submissions on the command line", () => {
  let first: string;
  let second: string;
  let firstHash: string;
  let secondHash: string;
  const units = path.join(ROOT, "samples", "submissions", "binh-gia-don-vi.xlsx");

  beforeAll(async () => {
    first = path.join(SAMPLES, "yen-lo.xlsx");
    // The commune corrects a flag and submits again a week later: a real export from its data.
    const corrected = await resave(first, path.join(dir, "yen-lo-data.xlsx"), (ws) => {
      flagCell(ws, "Pò Mầm").value = 0;
    });
    second = path.join(dir, "yen-lo-lan-2.xlsx");
    const made = await run(
      ["export", corrected, "--out", second, "--period", "Quý III/2021"],
      "2021-09-27T08:00:00Z",
    );
    expect(made.code).toBe(0);
    const hashes = await summaryOf(["report", first, units]);
    firstHash = unit(hashes.summary, "Yên Lỗ").contentHash!;
    const hashes2 = await summaryOf(["report", second, units]);
    secondHash = unit(hashes2.summary, "Yên Lỗ").contentHash!;
    expect(unit(hashes2.summary, "Yên Lỗ").content).toBe("matches");
  }, 120000);

  it("without decisions, the newer file is used as before", async () => {
    const { summary } = await summaryOf(["report", first, second, units]);
    expect(unit(summary, "Yên Lỗ")).toMatchObject({ file: "yen-lo-lan-2.xlsx", review: "pending" });
  }, 60000);

  it("an accepted submission is kept and the newer one refused with a message, unless --replace-accepted names it", async () => {
    const decisions = await decisionsFile("tiep-nhan.xlsx", [
      ["Yên Lỗ", firstHash.slice(0, 8).toUpperCase(), "Đã nhận", null],
    ]);
    const kept = await summaryOf(["report", first, second, units, "--decisions", decisions]);
    expect(unit(kept.summary, "Yên Lỗ")).toMatchObject({
      file: "yen-lo.xlsx",
      review: "accepted",
      contentHash: firstHash,
    });
    const refusal = kept.summary.issues.find((i) => i.code === "submission-accepted-kept")!;
    expect(refusal.file).toBe("yen-lo-lan-2.xlsx");
    expect(refusal.message).toContain(firstHash.slice(0, 8));
    expect(refusal.message).toContain(secondHash.slice(0, 8));
    expect(refusal.message).toContain("--replace-accepted");
    expect(kept.stderr).toContain("--replace-accepted");

    const replaced = await summaryOf([
      "report",
      first,
      second,
      units,
      "--decisions",
      decisions,
      "--replace-accepted",
      "yen-lo-lan-2.xlsx",
    ]);
    expect(unit(replaced.summary, "Yên Lỗ")).toMatchObject({ file: "yen-lo-lan-2.xlsx", review: "pending" });
    expect(replaced.summary.issues.some((i) => i.code === "submission-accepted-kept")).toBe(false);
    const consolidated = (s: Summary) => s.units.find((u) => u.name === "Yên Lỗ")!.consolidated;
    expect(consolidated(replaced.summary)).toBe(consolidated(kept.summary) - 1);
  }, 60000);

  it("a returned submission is replaced by the next without asking; the unit shows as resubmitted with the note", async () => {
    const decisions = await decisionsFile("tra-lai.xlsx", [
      ["Yên Lỗ", firstHash, "Trả lại", "Pò Mầm ghi sai cột Nhất thể hóa"],
    ]);
    const { summary } = await summaryOf(["report", first, second, units, "--decisions", decisions]);
    expect(unit(summary, "Yên Lỗ")).toMatchObject({
      file: "yen-lo-lan-2.xlsx",
      review: "resubmitted",
      note: "Pò Mầm ghi sai cột Nhất thể hóa",
    });
    const alone = await summaryOf(["report", first, units, "--decisions", decisions]);
    expect(unit(alone.summary, "Yên Lỗ")).toMatchObject({
      review: "returned",
      note: "Pò Mầm ghi sai cột Nhất thể hóa",
    });
  }, 60000);

  it("refuses an unknown --replace-accepted file and a decisions workbook without the columns; warns of a hash that matches nothing", async () => {
    const bad = await run(["report", first, "--replace-accepted", "khong-co.xlsx"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("khong-co.xlsx");
    const noColumns = await run(["report", first, "--decisions", units]);
    expect(noColumns.code).toBe(1);
    expect(noColumns.stderr).toContain("Mã nội dung");
    const typo = await decisionsFile("typo.xlsx", [["Yên Lỗ", "0123abcd", "Đã nhận", null]]);
    const { summary } = await summaryOf(["report", first, units, "--decisions", typo]);
    expect(summary.issues.find((i) => i.code === "decision-unmatched")).toMatchObject({
      file: "typo.xlsx",
      cell: "C2",
    });
    const short = await decisionsFile("short.xlsx", [["Yên Lỗ", "0123abc", "Đã nhận", null]]);
    const cut = await run(["report", first, units, "--decisions", short, "--json", "-"]);
    expect(cut.code).toBe(0);
    expect(cut.stderr).toContain("short.xlsx Tiếp nhận!B2: mã nội dung không hợp lệ");
    expect(cut.stderr).toContain("not a content hash");
  }, 60000);

  it("the report's completeness sheet shows hash, check, review and note, and serves as the next run's decisions", async () => {
    const decisions = await decisionsFile("tra-lai-2.xlsx", [
      ["Yên Lỗ", firstHash, "Trả lại", "Thiếu chữ ký"],
    ]);
    const out = path.join(dir, "bao-cao.xlsx");
    const { code } = await run([
      "report",
      first,
      path.join(SAMPLES, "binh-la.xlsx"),
      units,
      "--decisions",
      decisions,
      "--out",
      out,
    ]);
    expect(code).toBe(0);
    const book = await readXlsxFile(out);
    const sheet = book.sheets.find((s) => s.name === "Tình hình nộp báo cáo")!;
    const header = sheet.rows.find((r) => r.includes("Mã nội dung"))!;
    expect(header.slice(-4)).toEqual(["Mã nội dung", "Kiểm tra mã", "Tiếp nhận", "Ghi chú"]);
    const at = header.indexOf("Mã nội dung");
    const row = sheet.rows.find((r) => r.includes("Yên Lỗ"))!;
    expect(row.slice(at, at + 4)).toEqual([firstHash.slice(0, 8), "Khớp", "Trả lại", "Thiếu chữ ký"]);
    const binhLa = sheet.rows.find((r) => r.includes("Bình La"))!;
    expect([...binhLa.slice(at, at + 4), null].slice(0, 4)).toEqual([
      expect.stringMatching(/^[0-9a-f]{8}$/),
      "Khớp",
      "Chờ xem xét",
      null,
    ]);
    const back = readDecisions([book]).decisions;
    expect(back.find((d) => firstHash.startsWith(d.hash))).toMatchObject({
      state: "returned",
      note: "Thiếu chữ ký",
    });
    expect(back.filter((d) => d.state === "pending")).toHaveLength(1);
  }, 60000);
});
