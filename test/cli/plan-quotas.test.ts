import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { parseArgs } from "../../src/cli/args";
import { runRequest } from "../../src/cli/commands";
import type { Plan } from "../../src/core/plan/plan";
import { readXlsxFile } from "../../src/xlsx/readXlsx";

/**
 * Planning options (README, planning), real workbooks in, the report workbook and the JSON out:
 * `--quota-basis` splits Bình Gia's 61 by room (default) or by each commune's own target, always
 * exactly 61; quotas typed in the Targets sheet's "Chỉ tiêu giao" column are checked (each problem
 * at its cell) and shown beside the computed ones.
 */
const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "samples", "lang-son.xlsx");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-quota-basis-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Run {
  plan: Plan;
  lines: string[];
  rows: readonly (readonly unknown[])[];
  errors: string;
  issues: { code: string; sheet: string; cell: string; message: string }[];
}

async function run(name: string, extra: string[], input = SAMPLE): Promise<Run> {
  const out = path.join(dir, `${name}.xlsx`);
  const json = path.join(dir, `${name}.json`);
  let errors = "";
  const code = await runRequest(parseArgs(["report", input, ...extra, "--out", out, "--json", json]), {
    stdout: () => undefined,
    stderr: (t) => (errors += t),
    now: () => new Date(2026, 10, 29),
    version: "test",
  });
  if (code !== 0) throw new Error(`exit ${code}: ${errors}`);
  const summary = JSON.parse(fs.readFileSync(json, "utf8")) as { plan: Plan; issues: Run["issues"] };
  const book = await readXlsxFile(out);
  const sheet = book.sheets.find((s) => s.name === "Kế hoạch nhất thể hóa")!;
  const lines = sheet.rows.flat().filter((v): v is string => typeof v === "string");
  return { plan: summary.plan, lines, rows: sheet.rows, errors, issues: summary.issues };
}

const binhGia = (plan: Plan) => plan.units.find((u) => u.name === "Bình Gia")!;
const quotas = (plan: Plan) => binhGia(plan).children.map((c) => c.quota!);
const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);

it("splits by room by default, and by each commune's own target with --quota-basis chi-tieu-rieng", async () => {
  const room = await run("room", []);
  const own = await run("own", ["--quota-basis", "chi-tieu-rieng"]);
  expect([room.plan.basis, own.plan.basis]).toEqual(["room", "ownTargets"]);
  expect([sum(quotas(room.plan)), sum(quotas(own.plan))]).toEqual([61, 61]);
  expect(quotas(own.plan)).not.toEqual(quotas(room.plan));
  binhGia(own.plan).children.forEach((c) => expect(c.quota!).toBeLessThanOrEqual(c.room));
  expect(room.lines.some((t) => t.startsWith("Cách chia: theo số thôn chưa nhất thể hóa"))).toBe(true);
  expect(own.lines.some((t) => t.startsWith("Cách chia: theo số cần thêm theo chỉ tiêu riêng"))).toBe(true);
  // The English word is accepted too, and gives the same quotas.
  const english = await run("own-en", ["--quota-basis", "own-target"]);
  expect(quotas(english.plan)).toEqual(quotas(own.plan));
});

it("an unknown basis is said on stderr (in the chosen language), and the default split is kept", async () => {
  const bad = await run("bad", ["--quota-basis", "đều"]);
  expect(bad.errors).toMatch(/Cách chia chỉ tiêu “đều” không rõ/);
  expect(bad.plan.basis).toBe("room");
});

it("quotas typed in the Targets sheet are checked at their cells and shown beside the computed ones", async () => {
  const base = binhGia((await run("base", [])).plan);
  // The clerk types every commune's computed quota, except one more than the first commune can do.
  const [first, second] = base.children;
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const targets = book.getWorksheet("Chỉ tiêu")!;
  targets.getCell("G3").value = "Chỉ tiêu giao";
  targets.getCell("G5").value = 3; // the row for every commune: a quota needs a unit
  base.children.forEach((c, i) => {
    targets.getRow(7 + i).values = [
      "village_secretary_head",
      c.name,
      "xã",
      0.9,
      "đạt",
      2025,
      i === 0 ? c.room + 1 : c.quota,
    ];
  });
  const input = path.join(dir, "lang-son-typed-quotas.xlsx");
  await book.xlsx.writeFile(input);
  const typed = await run("typed", [], input);
  const unit = binhGia(typed.plan);
  // The computed split does not change; the typed quotas sit beside it.
  expect(unit.children.map((c) => c.quota)).toEqual(base.children.map((c) => c.quota));
  expect(unit.children.map((c) => c.typedQuota)).toEqual(
    base.children.map((c, i) => (i === 0 ? c.room + 1 : c.quota)),
  );
  const over = first.room + 1 - first.quota!;
  expect(unit.typedDifference).toBe(over);
  const found = typed.issues.filter((i) => i.code.startsWith("quota-"));
  expect(found.map((i) => [i.code, i.sheet, i.cell])).toEqual(
    expect.arrayContaining([
      ["quota-without-unit", "Chỉ tiêu", "G5"],
      ["quota-over-capacity", "Chỉ tiêu", "G7"],
      ["quota-sum", "Chỉ tiêu", "G7"],
    ]),
  );
  expect(found).toHaveLength(3);
  expect(found.find((i) => i.code === "quota-sum")!.message).toBe(
    `Chỉ tiêu giao cho các đơn vị trực thuộc Bình Gia cộng lại là ${61 + over}, nhưng Bình Gia cần thêm 61: thừa ${over}.`,
  );
  expect(found.find((i) => i.code === "quota-over-capacity")!.message).toContain(
    `Chỉ tiêu giao cho ${first.name} là ${first.room + 1}, nhiều hơn số thôn chưa nhất thể hóa của đơn vị (${first.room})`,
  );
  // The planning sheet: two more columns (typed, typed − computed) after the note.
  const head = typed.rows.find((r) => r.includes("Chỉ tiêu đã giao (nhập)"))!;
  expect(head.slice(-2)).toEqual(["Chỉ tiêu đã giao (nhập)", "Chênh lệch (nhập − tính)"]);
  const rowOf = (name: string) => typed.rows.find((r) => r[1] === name)!;
  expect(rowOf(first.name).slice(10, 12)).toEqual([first.room + 1, over]);
  expect(rowOf(second.name).slice(10, 12)).toEqual([second.quota, 0]);
  expect(rowOf("Bình Gia").slice(10, 12)).toEqual([61 + over, over]);
  // Without typed quotas the sheet keeps its ten columns.
  expect((await run("plain", [])).rows.some((r) => r.includes("Chỉ tiêu đã giao (nhập)"))).toBe(false);
});

it("typed quotas equal to the computed ones: no problem, difference 0; a commune whose parent has no target is not checked", async () => {
  const base = binhGia((await run("base2", [])).plan);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const targets = book.getWorksheet("Chỉ tiêu")!;
  targets.getCell("G3").value = "Chỉ tiêu giao";
  base.children.forEach((c, i) => {
    targets.getRow(7 + i).values = ["village_secretary_head", c.name, "xã", 0.9, "đạt", 2025, c.quota];
  });
  // Lộc Bình's communes have no district target on this indicator: a quota there checks nothing.
  const at = 7 + base.children.length;
  targets.getRow(at).values = ["village_secretary_head", "Na Dương", "xã", 0.9, "đạt", 2025, 2];
  const input = path.join(dir, "lang-son-exact-quotas.xlsx");
  await book.xlsx.writeFile(input);
  const exact = await run("exact", [], input);
  expect(binhGia(exact.plan).typedDifference).toBe(0);
  expect(exact.issues.filter((i) => i.code.startsWith("quota-")).map((i) => [i.code, i.cell])).toEqual([
    ["quota-no-parent-plan", `G${at}`],
  ]);
});
