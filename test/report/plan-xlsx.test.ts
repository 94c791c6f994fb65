import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "../../src/cli/args";
import { runRequest } from "../../src/cli/commands";
import type { Plan } from "../../src/core/plan/plan";
import { missingRenderer, render, ROOT, type Rendered } from "./render";

/**
 * The planning sheet end to end, real files in and out: `nth-rollup report lang-son.xlsx
 * --previous binh-gia-2020.xlsx --out … --json …`; the sheet is then recalculated by LibreOffice
 * (scripts/xlsx-check.sh) and every figure it computes is compared with the JSON's plan. Never
 * skipped: without LibreOffice the first test fails and says how to install it.
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), "nth-plan-"));
const SHEET = "Kế hoạch nhất thể hóa";
let rendered: Rendered;
let plan: Plan;
const missing = missingRenderer();

beforeAll(async () => {
  if (missing) return;
  const out = path.join(work, "plan-report.xlsx");
  const jsonFile = path.join(work, "plan.json");
  const errors: string[] = [];
  const code = await runRequest(
    parseArgs([
      "report",
      path.join(ROOT, "samples", "lang-son.xlsx"),
      "--previous",
      path.join(ROOT, "samples", "binh-gia-2020.xlsx"),
      "--out",
      out,
      "--json",
      jsonFile,
    ]),
    {
      stdout: () => undefined,
      stderr: (t) => errors.push(t),
      now: () => new Date(2026, 10, 29),
      version: "test",
    },
  );
  if (code !== 0) throw new Error(`exit ${code}: ${errors.join("")}`);
  plan = (JSON.parse(fs.readFileSync(jsonFile, "utf8")) as { plan: Plan }).plan;
  rendered = render(out, path.join(work, "rendered"));
}, 600_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

it("LibreOffice and poppler are installed (scripts/install-system-packages.sh)", () => {
  expect(missing).toBeNull();
});

const ifRendered = missing ? it.skip : it;
const pct = (x: number): string => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const ddmmyyyy = (iso: string): string => iso.split("-").reverse().join("/");

describe("the planning sheet recalculated by LibreOffice", () => {
  ifRendered("every quota row equals the JSON's plan, and the quotas sum to the shortfall", () => {
    const rows = rendered.csv(SHEET);
    const unit = plan.units.find((u) => u.name === "Bình Gia")!;
    const at = rows.findIndex((r) => r[0] === "I" && r[1] === "Bình Gia");
    expect(at).toBeGreaterThan(0);
    // Block row: sums and the rate when done, recalculated.
    expect(rows[at].slice(2, 9)).toEqual(["143", "68", "75", "72", "61", "-11", pct(129 / 143)]);
    unit.children.forEach((c, i) => {
      const r = rows[at + 1 + i];
      expect(r.slice(0, 9)).toEqual([
        String(i + 1),
        c.name,
        String(c.villages),
        String(c.consolidated),
        String(c.room),
        String(c.ownNeeded),
        String(c.quota),
        String(c.quota! - c.ownNeeded!),
        pct((c.consolidated + c.quota!) / c.villages),
      ]);
    });
    expect(unit.children.reduce((a, c) => a + c.quota!, 0)).toBe(61);
    expect(rows.some((r) => r[0].includes("cần thêm 72 thôn, còn Bình Gia cần thêm 61"))).toBe(true);
  });

  ifRendered("the pace table's formulas give the JSON's pace", () => {
    const rows = rendered.csv(SHEET);
    const pace = plan.units.find((u) => u.name === "Bình Gia")!.pace!;
    const value = (label: string): string => rows.find((r) => r[1] === label)![6];
    expect(value("Ngày số liệu kỳ trước")).toBe(ddmmyyyy(pace.from.date));
    expect(value("Số thôn đã nhất thể hóa kỳ trước")).toBe("56");
    expect(value("Số thôn đã nhất thể hóa kỳ này")).toBe("68");
    expect(value("Số thôn nhất thể hóa thêm mỗi năm (tốc độ hiện nay)")).toBe(pace.perYear.toFixed(1));
    expect(value("Với tốc độ này, đạt chỉ tiêu vào ngày")).toBe(ddmmyyyy(pace.reachedOn!));
    expect(value("Hạn chỉ tiêu")).toBe("31/12/2025");
    expect(value("Số thôn cần nhất thể hóa mỗi năm để kịp hạn")).toBe(pace.neededPerYear!.toFixed(1));
    expect(value("Đánh giá")).toBe("Chậm so với hạn");
    // By hand: 12 a year; 15/10/2026; 61 × 365 / 1568 = 14.2.
    expect([value("Số thôn nhất thể hóa thêm mỗi năm (tốc độ hiện nay)"), ddmmyyyy(pace.reachedOn!)]).toEqual(
      ["12.0", "15/10/2026"],
    );
  });

  ifRendered("prints on one page with the signature block", () => {
    const pages = rendered.pages.filter((p) => p.includes("KẾ HOẠCH NHẤT THỂ HÓA"));
    expect(pages).toHaveLength(1);
    const page = pages[0];
    expect(page).toContain("Tốc độ nhất thể hóa: Bình Gia");
    expect(page).toContain("T/M BAN THƯỜNG VỤ");
    expect(page).toContain("Nơi nhận:");
  });
});
