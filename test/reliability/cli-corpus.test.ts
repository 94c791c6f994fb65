import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { parseArgs } from "../../src/cli/args";
import { runRequest } from "../../src/cli/commands";
import type { Summary } from "../../src/core/summary";
import type { ExpectedCase } from "../../scripts/cases/format";
import { buildCliCopy } from "./cliBuild";

/**
 * The reader corpus (test/cases/reader/) through the real command line: every case's inputs go to
 * `nth-rollup report … --json - --out <file>`, in process (`runRequest`, as bin/nth-rollup.js runs
 * it), and a few through `node bin/nth-rollup.js` in a child process.
 *
 * - Unusable input (not a workbook, no Villages sheet, a required column missing): exit 1, exactly
 *   one line on stderr naming the file, nothing on stdout, no report file.
 * - Otherwise: exit 0, the JSON summary on stdout, one line per issue on stderr (each expected
 *   issue's sheet!cell among them), a report workbook that ExcelJS reads back.
 * - Never a stack trace ("    at …") on either stream; the input files' bytes never change; no
 *   temporary file left beside the report.
 */

const ROOT = path.resolve(__dirname, "../..");
const CASES = path.join(ROOT, "test", "cases", "reader");
const NOW = new Date("2025-09-19T08:00:00Z");
const STACK_LINE = /^\s+at .+/m;

const folders = fs
  .readdirSync(CASES)
  .filter((name) => fs.statSync(path.join(CASES, name)).isDirectory())
  .sort();

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nth-cli-corpus-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function inputsOf(name: string): string[] {
  const folder = path.join(CASES, name);
  return fs
    .readdirSync(folder)
    .filter((f) => /^input.*\.xlsx$/.test(f))
    .sort()
    .map((f) => path.join(folder, f));
}

const hash = (file: string): string => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runRequest(parseArgs(argv), {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => NOW,
    version: "test",
  });
  return { code, stdout, stderr };
}

const lines = (text: string): string[] => text.split("\n").filter((l) => l !== "");

/** Every string cell of every sheet of a workbook read back with ExcelJS, with its ExcelJS type. */
async function reportCells(file: string): Promise<{ sheet: string; address: string; cell: ExcelJS.Cell }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells: { sheet: string; address: string; cell: ExcelJS.Cell }[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) => row.eachCell((cell) => cells.push({ sheet: ws.name, address: cell.address, cell }))),
  );
  return cells;
}

describe("every corpus case through the CLI (in process)", () => {
  it("has the corpus", () => {
    expect(folders.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of folders) {
    const expected = JSON.parse(
      fs.readFileSync(path.join(CASES, name, "expected.json"), "utf8"),
    ) as ExpectedCase;
    it(name, async () => {
      const inputs = inputsOf(name);
      const before = inputs.map(hash);
      const outDir = path.join(tmp, name);
      const out = path.join(outDir, "report.xlsx");
      const result = await cli(["report", ...inputs, "--json", "-", "--out", out, "--year", "2025"]);

      expect(result.stdout).not.toMatch(STACK_LINE);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(inputs.map(hash)).toEqual(before);

      if (expected.fileError || expected.unusable) {
        expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 1, stdout: "" });
        const [line, ...more] = lines(result.stderr);
        expect(more).toEqual([]);
        expect(line).toMatch(/^nth-rollup: /);
        // The line says which file (by name) when one file is at fault.
        if (expected.fileError) expect(line).toContain(path.basename(inputs[0]));
        expect(fs.existsSync(out)).toBe(false);
        return;
      }

      expect(result.code).toBe(0);
      const summary = JSON.parse(result.stdout) as Summary;
      expect(summary.issues).toHaveLength(expected.issues.length);
      const issueLines = lines(result.stderr);
      expect(issueLines).toHaveLength(summary.issues.length);
      for (const issue of expected.issues) {
        const place = issue.sheet && issue.cell ? `${issue.sheet}!${issue.cell}` : "";
        expect(issueLines.some((l) => l.includes(place))).toBe(true);
      }
      // The report file, and nothing else (no temporary file left).
      expect(fs.readdirSync(outDir)).toEqual(["report.xlsx"]);
      const cells = await reportCells(out);
      expect(cells.length).toBeGreaterThan(0);
    });
  }
});

describe("text that looks like a formula stays text in the report workbook", () => {
  it("names beginning with = + - @ are string cells, never formulas, when read back with ExcelJS", async () => {
    const out = path.join(tmp, "formula-names.xlsx");
    const inputs = inputsOf("names-beginning-with-formula-characters");
    const result = await cli(["report", ...inputs, "--out", out]);
    expect(result.code).toBe(0);
    const cells = await reportCells(out);
    const names = [
      "=1+1",
      "+Lương Văn Sơn",
      "-Khuổi Chặng",
      "@Vi Văn Cường",
      "-Vi Văn Cường",
      '=HYPERLINK("http://example.invalid","Nà Lẹng")',
      "@Lộc Văn Bình",
      "-Tân Văn",
    ];
    for (const name of names) {
      // ExcelJS gives the cells a merge covers their master's value (type Merge): only masters count.
      const found = cells.filter(({ cell }) => cell.value === name && cell.type !== ExcelJS.ValueType.Merge);
      expect({ name, found: found.length > 0 }).toEqual({ name, found: true });
      for (const { cell } of found) expect(cell.type).toBe(ExcelJS.ValueType.String);
    }
    // No formula anywhere carries an input name: every formula is one the report layouts write.
    for (const { cell } of cells) {
      if (cell.type !== ExcelJS.ValueType.Formula) continue;
      const formula = String((cell.value as ExcelJS.CellFormulaValue).formula);
      expect(formula).toMatch(/^(SUM|SUBTOTAL|IF|COUNTA|HYPERLINK|IFERROR|ROUND|AND|OR|MAX|MIN)\(/);
      for (const name of names) expect(formula).not.toContain(name.slice(1));
    }
  });
});

describe("node bin/nth-rollup.js (child processes)", () => {
  let bin: string;
  let copy: string;
  beforeAll(() => {
    ({ bin, dir: copy } = buildCliCopy());
  });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

  const run = (args: string[], nodeOptions: string[] = []) => {
    const started = Date.now();
    const r = spawnSync(process.execPath, [...nodeOptions, bin, ...args], {
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
  };

  it.each([
    ["password-protected", "mật khẩu"],
    ["xls-renamed-xlsx", ".xls"],
    ["corrupt-xlsx-cut", "hỏng"],
    ["csv-renamed-xlsx", "CSV"],
    ["empty-file", "0 byte"],
    ["empty-workbook", "Tỉnh, Xã, Thôn"],
    ["missing-required-column", "Xã"],
  ])("%s: exit 1, one line on stderr, nothing on stdout", (name, words) => {
    const r = run(["report", ...inputsOf(name)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(words);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it("a file that does not exist: exit 1, one line naming it", () => {
    const r = run(["report", path.join(tmp, "không-có.xlsx")]);
    expect({ code: r.code, stdout: r.stdout, lines: lines(r.stderr).length }).toEqual({
      code: 1,
      stdout: "",
      lines: 1,
    });
    expect(r.stderr).toContain("không-có.xlsx");
  });

  it("a case with issues: exit 0, the table on stdout, the issues listed on stderr", () => {
    const r = run(["report", ...inputsOf("excel-error-values"), "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Bình Gia");
    expect(lines(r.stderr)).toHaveLength(4);
    expect(r.stderr).toContain("Thôn!D3");
    expect(r.stderr + r.stdout).not.toMatch(STACK_LINE);
  });

  it("a village on row 1,048,576: read in seconds within a 128 MB heap", () => {
    const out = path.join(tmp, "tall-report.xlsx");
    const r = run(
      ["report", ...inputsOf("last-row-1048576"), "--json", "-", "--out", out],
      ["--max-old-space-size=128"],
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Summary).total.villages).toBe(3);
    expect(r.ms).toBeLessThan(15_000);
  });

  it("the summary into a file over the system's limit on file size: exit 1, one line, never a silent cut", () => {
    // `ulimit -f 20`: files of this shell's children stop at 20 KB; the summary is ~160 KB. Node's
    // own stdout on a file dropped what a short write left and ended with exit 0.
    const out = path.join(tmp, "cut.json");
    const r = spawnSync(
      "bash",
      [
        "-c",
        `ulimit -f 20; "${process.execPath}" "${bin}" report "${path.join(ROOT, "samples", "lang-son.xlsx")}" --json - > "${out}"`,
      ],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual([
      expect.stringMatching(
        /^nth-rollup: Không ghi được tệp “.*cut\.json”: tệp vượt giới hạn kích thước tệp/,
      ),
    ]);
    expect(r.stderr).toContain("Cannot write file");
    // Without the limit the same command writes the whole summary.
    const whole = spawnSync(
      "bash",
      [
        "-c",
        `"${process.execPath}" "${bin}" report "${path.join(ROOT, "samples", "lang-son.xlsx")}" --json - > "${out}"`,
      ],
      { encoding: "utf8" },
    );
    expect(whole.status).toBe(0);
    expect((JSON.parse(fs.readFileSync(out, "utf8")) as Summary).total.villages).toBeGreaterThan(0);
  });

  it("output cut short by the reader of a pipe (| head): the rest is dropped, no stack trace, exit 0", () => {
    // A summary larger than a pipe's buffer, read only in part: writing the rest meets EPIPE.
    const r = spawnSync(
      "bash",
      [
        "-c",
        `"${process.execPath}" "${bin}" report "${path.join(ROOT, "samples", "lang-son.xlsx")}" --json - 2>"${tmp}/epipe.err" | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`,
      ],
      { encoding: "utf8" },
    );
    const stderr = fs.readFileSync(path.join(tmp, "epipe.err"), "utf8");
    expect(stderr).toBe("");
    expect(r.stdout.trim()).toBe("0");
  });
});
