import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "../../src/cli/args";
import { runRequest } from "../../src/cli/commands";
import type { Plan } from "../../src/core/plan/plan";
import { readXlsxFile } from "../../src/xlsx/readXlsx";

/**
 * `--quota-basis` (README, planning): a real workbook in, the report workbook and the JSON out;
 * Bình Gia's 61 are split by room (default) or by each commune's own target, always exactly 61.
 */
const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "samples", "lang-son.xlsx");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-quota-basis-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(name: string, extra: string[]): Promise<{ plan: Plan; lines: string[]; errors: string }> {
  const out = path.join(dir, `${name}.xlsx`);
  const json = path.join(dir, `${name}.json`);
  let errors = "";
  const code = await runRequest(parseArgs(["report", SAMPLE, ...extra, "--out", out, "--json", json]), {
    stdout: () => undefined,
    stderr: (t) => (errors += t),
    now: () => new Date(2026, 10, 29),
    version: "test",
  });
  expect(code).toBe(0);
  const plan = (JSON.parse(fs.readFileSync(json, "utf8")) as { plan: Plan }).plan;
  const book = await readXlsxFile(out);
  const sheet = book.sheets.find((s) => s.name === "Kế hoạch nhất thể hóa")!;
  const lines = sheet.rows.flat().filter((v): v is string => typeof v === "string");
  return { plan, lines, errors };
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
