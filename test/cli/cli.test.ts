import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { parseArgs, UsageError } from "../../src/cli/args";
import { exitWhenFlushed } from "../../src/cli/main";
import type { Summary } from "../../src/core/summary";
import { runCli as run } from "./runCli";

const ROOT = path.resolve(__dirname, "../..");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function writeWorkbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) wb.addWorksheet(sheetName).addRows(rows);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const HEADER = ["Tỉnh", "Huyện", "Xã", "Thôn", "Bí thư chi bộ", "Trưởng thôn", "Nhất thể hóa"];

describe("nth-rollup report", () => {
  let input: string;
  beforeAll(async () => {
    input = await writeWorkbook("xa.xlsx", {
      "Danh sách": [
        ["DANH SÁCH THÔN, TỔ DÂN PHỐ"],
        [],
        HEADER,
        ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Pò Mầm", "Hoàng Văn A", "Hoàng Văn A", null],
        ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Khuổi Mè", "Lý Văn B", "Vi Văn C", "x"],
        ["Lạng Sơn", "Bình Gia", "Yên Lỗ", "Nà Mò", "Lý Văn D", "Vi Văn E", "có lẽ"],
      ],
    });
  });

  it("writes the JSON summary to stdout and issues to stderr, exit 0", async () => {
    const { code, stdout, stderr } = await run(["report", input, "--json", "-"]);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as Summary;
    const yenLo = summary.units.find((u) => u.name === "Yên Lỗ")!;
    expect(yenLo).toMatchObject({ level: "commune", villages: 3, consolidated: 2, district: "Bình Gia" });
    expect(summary.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual(
      expect.arrayContaining([
        ["flag-contradicts-names", "Danh sách", "G5"],
        ["bad-flag", "Danh sách", "G6"],
      ]),
    );
    expect(stderr).toContain("Danh sách!G6");
    expect(stderr).toContain("có lẽ");
  });

  it("writes English messages with --lang en, to a file", async () => {
    const out = path.join(dir, "summary.json");
    const { code, stdout } = await run(["report", input, "--json", out, "--lang", "en"]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    const summary = JSON.parse(fs.readFileSync(out, "utf8")) as Summary;
    expect(summary.issues.find((i) => i.code === "bad-flag")!.message).toMatch(/is not a yes\/no value/);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("prints a table without --json", async () => {
    const { code, stdout } = await run(["report", input]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Bình Gia\s+3\s+2\s+66\.7%/);
  });

  it.each([
    ["no such file", () => path.join(dir, "none.xlsx"), /không có tệp này/],
    [
      "a CSV named .xlsx",
      () => {
        const f = path.join(dir, "data.xlsx");
        fs.writeFileSync(f, "Tỉnh,Xã,Thôn\nLạng Sơn,Yên Lỗ,Pò Mầm\n");
        return f;
      },
      /không phải tệp \.xlsx/,
    ],
  ])("exits 1 with one line for %s", async (_, file, message) => {
    const { code, stdout, stderr } = await run(["report", file(), "--json", "-"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it("exits 1 when there is no Villages sheet, or a required column is missing", async () => {
    const none = await writeWorkbook("none.xlsx", {
      Sheet1: [
        ["Họ", "Tên"],
        ["a", "b"],
      ],
    });
    const r1 = await run(["report", none, "--json", "-"]);
    expect([r1.code, r1.stdout]).toEqual([1, ""]);
    expect(r1.stderr).toMatch(/Không tìm thấy trang Thôn/);
    const noCommune = await writeWorkbook("nocommune.xlsx", {
      Thôn: [
        ["Tỉnh", "Thôn", "Nhất thể hóa"],
        ["Lạng Sơn", "Pò Mầm", "x"],
      ],
    });
    const r2 = await run(["report", noCommune, "--json", "-"]);
    expect([r2.code, r2.stdout]).toEqual([1, ""]);
    expect(r2.stderr).toMatch(/trang gần nhất là “Thôn” nhưng thiếu cột “Xã”/);
    expect(r2.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("refuses to overwrite an input", async () => {
    const before = fs.readFileSync(input);
    const { code, stderr } = await run(["report", input, "--json", input]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/không ghi đè/);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it("rejects unknown options", () => {
    expect(() => parseArgs(["report", "a.xlsx", "--jsn", "-"])).toThrow(UsageError);
    expect(() => parseArgs(["report"])).toThrow(UsageError);
    expect(() => parseArgs(["report", "a.xlsx", "--lang", "fr"])).toThrow(UsageError);
  });
});

describe("the installed bin", () => {
  it("runs as npx nth-rollup after a build", () => {
    execFileSync("npm", ["run", "-s", "build:cli"], { cwd: ROOT, stdio: "pipe" });
    const result = spawnSync("npx", ["--no-install", "nth-rollup", "--version"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(
      JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version,
    );
  });

  // The bin ends the process once stdout and stderr have gone out (`exitWhenFlushed`) instead of
  // waiting for the event loop to empty: what it prints and its exit code are those of the run.
  it.each([
    ["a report's JSON (more than a pipe holds) and its issue lines, exit 0", ["--json", "-"]],
    ["the summary table, exit 0", ["--lang", "en"]],
    ["an unknown option, exit 2", ["--jsn", "-"]],
  ])("prints exactly what the run prints, with its exit code: %s", async (_, options) => {
    const input = path.join(ROOT, "samples", "lang-son.xlsx");
    // The year and date given: the bin runs on the real clock, `run` on a fixed one.
    const argv = ["report", input, "--year", "2025", "--date", "1/6/2025", ...options];
    const child = spawnSync(process.execPath, [path.join(ROOT, "bin", "nth-rollup.js"), ...argv], {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    let expected: { code: number; stdout: string; stderr: string };
    try {
      expected = await run(argv);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      expected = { code: 2, stdout: "", stderr: `nth-rollup: ${error.message} (nth-rollup --help)\n` };
    }
    expect(child.status).toBe(expected.code);
    expect(child.stdout).toBe(expected.stdout);
    expect(child.stderr).toBe(expected.stderr);
    if (options[0] === "--json") expect(child.stdout.length).toBeGreaterThan(1 << 16);
  });

  it("an unreadable input: one line on stderr, exit 1", () => {
    const child = spawnSync(
      process.execPath,
      [path.join(ROOT, "bin", "nth-rollup.js"), "report", path.join(dir, "no-such.xlsx"), "--json", "-"],
      { encoding: "utf8" },
    );
    expect(child.status).toBe(1);
    expect(child.stdout).toBe("");
    expect(child.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("exitWhenFlushed", () => {
  /** A stream whose writes call back only when `flush` is called (a slow pipe). */
  const slowStream = () => {
    const pending: (() => void)[] = [];
    return {
      get writableLength() {
        return pending.length;
      },
      write: (_chunk: string, callback: () => void) => (pending.push(callback), false),
      flush: () => pending.splice(0).forEach((f) => f()),
    };
  };

  const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  it("ends the process only after every stream has written what it was given", async () => {
    const out = slowStream();
    const err = slowStream();
    const exit = jest.fn();
    // Output still queued on both (a slow reader of an asynchronous pipe).
    out.write("JSON", () => undefined);
    err.write("issues", () => undefined);
    exitWhenFlushed([out, err], exit);
    await turn();
    expect(exit).not.toHaveBeenCalled();
    out.flush();
    await turn();
    expect(exit).not.toHaveBeenCalled();
    err.flush();
    await turn();
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it("ends it when a stream has failed, after the failure's own events", async () => {
    const events: string[] = [];
    const exit = jest.fn(() => events.push("exit"));
    const broken = {
      writableLength: 1,
      write: (): boolean => {
        throw new Error("EPIPE");
      },
    };
    // As a Writable does: the callback with the error, then the "error" event, both on next ticks.
    const failing = {
      writableLength: 1,
      write: (_c: string, callback: (e?: Error) => void) => {
        process.nextTick(() => callback(new Error("EIO")));
        process.nextTick(() => events.push("error event"));
        return false;
      },
    };
    exitWhenFlushed([broken, failing], exit);
    await turn();
    await turn();
    expect(events).toEqual(["error event", "exit"]);
    exitWhenFlushed([], exit);
    await turn();
    expect(exit).toHaveBeenCalledTimes(2);
  });

  it("does not write to a stream with nothing queued (an empty write to a broken stream fails again)", async () => {
    const write = jest.fn(() => true);
    const exit = jest.fn();
    exitWhenFlushed(
      [
        { writableLength: 0, write },
        { writableLength: 0, write },
      ],
      exit,
    );
    await turn();
    expect(write).not.toHaveBeenCalled();
    expect(exit).toHaveBeenCalledTimes(1);
  });

  // A scheduled run logging with `2>>log` on a full disk: the run ends as it would with a
  // working stderr, never spinning on a failed stream. (Linux's /dev/full fails every write.)
  const full = fs.existsSync("/dev/full") ? it : it.skip;
  const bin = (args: string[], stdout: "pipe" | "full", stderr: "pipe" | "full") => {
    const fd = fs.openSync("/dev/full", "w");
    try {
      return spawnSync(process.execPath, [path.join(ROOT, "bin", "nth-rollup.js"), ...args], {
        encoding: "utf8",
        stdio: ["ignore", stdout === "full" ? fd : "pipe", stderr === "full" ? fd : "pipe"],
        timeout: 30_000,
      });
    } finally {
      fs.closeSync(fd);
    }
  };

  full("stderr that cannot be written: the run's own output and exit code, no hang", () => {
    const help = bin(["--help"], "pipe", "full");
    expect(help.signal).toBeNull();
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("nth-rollup");
    const report = bin(
      [
        "report",
        path.join(ROOT, "samples", "lang-son.xlsx"),
        "--year",
        "2025",
        "--date",
        "1/6/2025",
        "--json",
        "-",
      ],
      "pipe",
      "full",
    );
    expect(report.signal).toBeNull();
    expect(report.stdout.length).toBeGreaterThan(1 << 16);
  });

  full("stdout that cannot be written: one line on stderr; both failing: the process still ends", () => {
    const version = bin(["--version"], "full", "pipe");
    expect(version.signal).toBeNull();
    // One bilingual line naming the device and what to do, exit 1 (the clerk's to fix, not a bug).
    expect(version.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^nth-rollup: Không ghi được tệp “\/dev\/full”: ổ đĩa đã đầy.* \/ Cannot write file/,
      ),
    ]);
    expect(version.status).toBe(1);
    const both = bin(["--version"], "full", "full");
    expect(both.signal).toBeNull();
    expect(both.status).toBe(1);
  });
});
