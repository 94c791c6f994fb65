import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import {
  INCOMPLETE_MARK,
  STAGING_PREFIX,
  writeReportsToExcel,
  type ExcelWriteOptions,
} from "../../src/excel/writeReport";
import { REPORT_MARKER_KEY, type SheetDescription } from "../../src/report/description";
import { buildReports } from "../../src/report/reports";
import { writeReportFile } from "../../src/xlsx/writeReportFile";
import { fileOps } from "../../src/xlsx/files";
import {
  FakeOfficeError,
  FakeRequestContext,
  FakeWorkbook,
  runFake,
  type FakeCellValue,
} from "../fakes/excel-fake";
import { binhGia, settingsFor, VILLAGE_HEADER } from "../report/fixtures";
import { buildCliCopy } from "./cliBuild";

/**
 * No data loss, proven on the in-memory Excel (the Office.js writer) and on files (the CLI):
 * - input sheets are unchanged, values and formulas and formats, after a first run, a regeneration
 *   and a failed run; regeneration replaces only the add-in's own sheets;
 * - a failure at any request of a run (every N up to the total) leaves the workbook exactly as it
 *   was; if Excel stays unreachable so that even the clean-up fails, only sheets named
 *   "(chưa xong) …" and marked incomplete are left, which the next run removes;
 * - an interrupted file write (a failure between the temporary file and the rename, a disk that
 *   fills up half-way, a process killed while writing) leaves the previous file intact.
 */

const INPUT_ROWS: FakeCellValue[][] = [
  VILLAGE_HEADER as FakeCellValue[],
  ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn A", "Hoàng Văn A", "Có", 12, null],
  ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "=1+1", "'+84", "@Vi", "x", "=SUM(H2:H2)", "'0123"],
];

/** A workbook as a clerk has it: data sheets (one with a formula), and a sheet of hers named like a report. */
function clerksWorkbook(options: ConstructorParameters<typeof FakeWorkbook>[0] = {}): FakeWorkbook {
  const book = new FakeWorkbook(options);
  book.addSheet("Thôn", INPUT_ROWS);
  book.addSheet("Cán bộ", [
    ["Họ và tên", "Chức danh"],
    ["Hoàng Văn A", "Bí thư chi bộ kiêm trưởng thôn"],
  ]);
  book.addSheet("Tổng hợp", [["Bảng tính của tôi"], [1, 2, "=A2+B2"]]);
  return book;
}

/** Everything about a workbook's sheets: names in order and each sheet's whole content. */
function state(book: FakeWorkbook): unknown {
  return book.sheets.map((s) => ({ name: s.name, sheet: book.snapshot(s) }));
}

/** Everything but the add-in's report sheets. */
function othersState(book: FakeWorkbook): unknown {
  return book.sheets
    .filter((s) => !s.customProperties.has(REPORT_MARKER_KEY))
    .map((s) => ({ name: s.name, sheet: book.snapshot(s) }));
}

function reports(extra: Parameters<typeof binhGia>[0] = []): SheetDescription[] {
  const f = binhGia(extra);
  return buildReports(f.rollup, f.issues, settingsFor(f.rollup));
}

// Small requests, so that most sheets take several syncs: more places for a failure to fall.
const SMALL: ExcelWriteOptions = { maxRequestBytes: 30_000, blockBytes: 10_000 };

const write = (book: FakeWorkbook, d: readonly SheetDescription[], options: ExcelWriteOptions = SMALL) =>
  runFake(book, (context) => writeReportsToExcel(context, d, options));

/** Makes the fake fail at its n-th sync from its creation (the fake's own failure injection). */
function failAt(book: FakeWorkbook, n: number): void {
  (book.options as { failAtSync?: number }).failAtSync = n;
}

/** A context whose every sync from the n-th on fails (Excel unreachable: not even a clean-up goes through). */
function unreachableFrom(book: FakeWorkbook, n: number): FakeRequestContext {
  const context = new FakeRequestContext(book);
  const sync = context.sync.bind(context);
  let count = 0;
  context.sync = async () => {
    count++;
    if (count >= n) throw new FakeOfficeError("GeneralException", `Excel unreachable at sync ${count}.`);
    return sync();
  };
  return context;
}

describe("the Office.js writer on the in-memory Excel: no data loss", () => {
  const first = reports();
  const second = reports([
    ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Nà Mới", "Lý Văn B", "Hà Văn C", "Không", 5, null],
  ]);
  let syncsFirst = 0;
  let syncsSecond = 0;

  it("leaves every input sheet unchanged through a first run and a regeneration, and replaces only its own sheets", async () => {
    const book = clerksWorkbook();
    const inputs = state(book);
    const r1 = await write(book, first);
    syncsFirst = r1.syncs;
    expect(othersState(book)).toEqual(inputs);
    // The clerk's "Tổng hợp" is hers: the report went to "Tổng hợp (2)".
    expect(r1.sheets[0].name).toBe("Tổng hợp (2)");
    const afterFirst = book.sheets.map((s) => s.name);

    const r2 = await write(book, second);
    syncsSecond = r2.syncs;
    expect(othersState(book)).toEqual(inputs);
    expect(r2.sheets.every((s) => s.replaced)).toBe(true);
    expect(book.sheets.map((s) => s.name)).toEqual(afterFirst);
    // Complete, marked, and no staging sheet left.
    for (const d of second) {
      const name = r2.sheets.find((s) => s.reportId === d.reportId)!.name;
      expect(book.sheet(name).customProperties.get(REPORT_MARKER_KEY)).toBe(d.reportId);
    }
    expect(book.sheets.some((s) => s.name.startsWith(STAGING_PREFIX))).toBe(false);
    expect(syncsFirst).toBeGreaterThan(10);
  });

  // The run's last sync is the recalculation after the commit (the one before it commits): a
  // failure up to the commit leaves the workbook as it was; a failure of the recalculation leaves
  // the committed, complete set (Excel recalculates on its own) and does not fail the run.

  /** Every report of `d` present under its name, marked with its id, and no staging sheet. */
  function expectCompleteSet(
    book: FakeWorkbook,
    d: readonly SheetDescription[],
    sheets: readonly { reportId: string; name: string }[],
  ): void {
    for (const x of d) {
      const name = sheets.find((s) => s.reportId === x.reportId)!.name;
      expect(book.sheet(name).customProperties.get(REPORT_MARKER_KEY)).toBe(x.reportId);
    }
    expect(book.sheets.some((s) => s.name.startsWith(STAGING_PREFIX))).toBe(false);
  }

  it("a failure at any sync of a first run up to its commit leaves the workbook exactly as it was", async () => {
    expect(syncsFirst).toBeGreaterThan(10);
    for (let n = 1; n < syncsFirst; n++) {
      const book = clerksWorkbook({ failAtSync: n });
      const before = state(book);
      await expect(write(book, first)).rejects.toThrow(/Injected failure/);
      expect({ n, state: state(book) }).toEqual({ n, state: before });
    }
  });

  it("a failure of the recalculation after a first run's commit leaves the complete set and the inputs unchanged", async () => {
    const book = clerksWorkbook({ failAtSync: syncsFirst });
    const inputs = state(book);
    const result = await write(book, first);
    expect(book.syncs).toBe(syncsFirst);
    expect(othersState(book)).toEqual(inputs);
    expectCompleteSet(book, first, result.sheets);
  });

  it("a failure at any sync of a regeneration up to its commit leaves the previous reports and the inputs exactly as they were", async () => {
    expect(syncsSecond).toBeGreaterThan(10);
    for (let n = 1; n < syncsSecond; n++) {
      const book = clerksWorkbook();
      await write(book, first);
      const before = state(book);
      failAt(book, book.syncs + n);
      await expect(write(book, second)).rejects.toThrow(/Injected failure/);
      expect({ n, state: state(book) }).toEqual({ n, state: before });
    }
  });

  it("a failure of the recalculation after a regeneration's commit leaves the new complete set in place of the old", async () => {
    const book = clerksWorkbook();
    const r1 = await write(book, first);
    const inputs = othersState(book);
    const names = book.sheets.map((s) => s.name);
    failAt(book, book.syncs + syncsSecond);
    const r2 = await write(book, second);
    expect(r2.sheets.map((s) => s.name)).toEqual(r1.sheets.map((s) => s.name));
    expect(othersState(book)).toEqual(inputs);
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    expectCompleteSet(book, second, r2.sheets);
  });

  it("when Excel stays unreachable, only incomplete-marked staging sheets are left, and the next run removes them", async () => {
    // Up to the commit (the sync before the last, the recalculation).
    for (const n of [3, 5, 8, Math.floor(syncsSecond / 2), syncsSecond - 1]) {
      const book = clerksWorkbook();
      await write(book, first);
      const before = book.sheets.map((s) => ({ name: s.name, sheet: book.snapshot(s) }));
      await expect(writeReportsToExcel(unreachableFrom(book, n), second, SMALL)).rejects.toThrow(
        /unreachable/,
      );
      const beforeNames = new Set(before.map((b) => b.name));
      // Every sheet that was there is unchanged (old reports included: nothing was committed).
      expect(
        book.sheets
          .filter((s) => beforeNames.has(s.name))
          .map((s) => ({ name: s.name, sheet: book.snapshot(s) })),
      ).toEqual(before);
      // Anything new is a staging sheet, clearly named and marked.
      for (const s of book.sheets.filter((x) => !beforeNames.has(x.name))) {
        expect(s.name.startsWith(STAGING_PREFIX)).toBe(true);
        expect(s.customProperties.get(REPORT_MARKER_KEY)?.startsWith(INCOMPLETE_MARK)).toBe(true);
      }
      // The next run finishes the job and leaves no staging sheet.
      await write(book, second);
      expect(book.sheets.some((s) => s.name.startsWith(STAGING_PREFIX))).toBe(false);
      expect(book.sheets.length).toBe(before.length);
    }
  });

  it("writes a text longer than a cell holds cut to Excel's 32,767 characters, ending with …", async () => {
    const long = "Nà Lẹng ".repeat(5000);
    const [summary] = reports();
    const cells = summary.cells.map((row) => [...row]);
    cells[0][0] = { text: `=${long}` };
    const book = clerksWorkbook();
    await write(book, [{ ...summary, cells }], {});
    const cell = book.cell(book.sheet("Tổng hợp (2)"), 1, 1);
    // Text, not a formula: written into a text-formatted ("@") cell, as typed, no apostrophe.
    expect(cell).toMatchObject({ formula: null, numberFormat: "@" });
    expect(cell?.value).toBe(`=${long}`.slice(0, 32_766) + "…");
  });

  it("a report writes text that looks like a formula as text, never touching the input's own formulas", async () => {
    const book = clerksWorkbook();
    await write(book, first, {});
    const thon = book.sheet("Thôn");
    expect(book.cell(thon, 3, 4)).toMatchObject({ formula: "=1+1" }); // the clerk's own formula stays hers
    expect(book.cell(thon, 3, 8)).toMatchObject({ formula: "=SUM(H2:H2)" });
    expect(book.cell(thon, 3, 9)).toMatchObject({ value: "0123", quotePrefix: true });
  });
});

describe("the CLI's files: no data loss", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-no-loss-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => jest.restoreAllMocks());

  const OLD = Buffer.from("the previous report");
  const setUp = (name: string): string => {
    const sub = fs.mkdtempSync(path.join(dir, `${name}-`));
    const target = path.join(sub, "bao-cao.xlsx");
    fs.writeFileSync(target, OLD);
    return target;
  };

  it("a failure between the temporary file and the rename leaves the old file and no temporary file", async () => {
    const target = setUp("rename");
    jest.spyOn(fileOps, "rename").mockRejectedValueOnce(Object.assign(new Error("EBUSY"), { code: "EBUSY" }));
    await expect(writeReportFile(target, reports())).rejects.toMatchObject({ code: "EBUSY" });
    expect(fs.readFileSync(target)).toEqual(OLD);
    expect(fs.readdirSync(path.dirname(target))).toEqual(["bao-cao.xlsx"]);
  });

  it("a disk that fills up half-way through the write leaves the old file and no temporary file", async () => {
    const target = setUp("full");
    const real = fileOps.writeAll;
    jest.spyOn(fileOps, "writeAll").mockImplementationOnce(async (handle, bytes) => {
      await real(handle, bytes.subarray(0, Math.floor(bytes.length / 2)));
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    });
    await expect(writeReportFile(target, reports())).rejects.toMatchObject({ code: "ENOSPC" });
    expect(fs.readFileSync(target)).toEqual(OLD);
    expect(fs.readdirSync(path.dirname(target))).toEqual(["bao-cao.xlsx"]);
  });

  it("temporary files left by killed processes are removed by the next write into the folder; one of a running process is not", async () => {
    const target = setUp("stale");
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid!;
    const stale = path.join(path.dirname(target), `.bao-cao.xlsx.${dead}.1700000000000.tmp`);
    const busy = path.join(path.dirname(target), `.bao-cao.xlsx.${process.ppid}.1700000000000.tmp`);
    const other = path.join(path.dirname(target), `.khac.xlsx.${dead}.1700000000000.tmp`);
    for (const f of [stale, busy, other]) fs.writeFileSync(f, "half");
    await writeReportFile(target, reports());
    // Temporary names are short and no longer carry the target's name (a 240-byte name would not
    // fit): any dead run's temporary file in the folder is garbage, whatever it was for.
    expect(fs.existsSync(other)).toBe(false);
    expect(fs.readdirSync(path.dirname(target)).sort()).toEqual([path.basename(busy), "bao-cao.xlsx"].sort());
  });

  it("a CLI process killed while it writes leaves the previous report whole (old or new, never half)", async () => {
    const { bin, dir: copy } = buildCliCopy();
    try {
      const input = path.join(__dirname, "..", "cases", "reader", "very-long-names", "input.xlsx");
      const target = setUp("killed");
      for (const delay of [150, 300, 450, 600, 900]) {
        fs.writeFileSync(target, OLD);
        const child = spawn(process.execPath, [bin, "report", input, "--out", target], { stdio: "ignore" });
        const exited = new Promise((r) => child.once("exit", r));
        await new Promise((r) => setTimeout(r, delay));
        child.kill("SIGKILL");
        await exited;
        const now = fs.readFileSync(target);
        if (!now.equals(OLD)) {
          // Renamed before the kill: then it is a whole workbook.
          const book = new ExcelJS.Workbook();
          await book.xlsx.load(now as never);
          expect(book.worksheets.length).toBeGreaterThanOrEqual(6);
        }
        // A temporary file of the killed process may remain (hidden, never the report's name).
        for (const f of fs.readdirSync(path.dirname(target)))
          expect(f === "bao-cao.xlsx" || /^\.bao-cao\.xlsx\.\d+\.\d+\.tmp$/.test(f)).toBe(true);
      }
      // The next run writes a whole report and removes what the killed ones left.
      const done = spawnSync(process.execPath, [bin, "report", input, "--out", target], { encoding: "utf8" });
      expect(done.status).toBe(0);
      expect(fs.readdirSync(path.dirname(target))).toEqual(["bao-cao.xlsx"]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(target);
      expect(book.worksheets.length).toBeGreaterThanOrEqual(6);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }, 30_000);
});
