import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { parseArgs } from "../src/cli/args";
import { runRequest } from "../src/cli/commands";
import type { CellValue } from "../src/core/cells";
import type { WorkbookGrids } from "../src/core/grid";
import { analyse, type Analysis } from "../src/core/pipeline";
import type { UnitRollup } from "../src/core/rollup/types";
import { buildReports } from "../src/report/reports";
import { resolveSettings } from "../src/report/settings";
import { readXlsxFile } from "../src/xlsx/readXlsx";
import { generateSubmissions } from "../scripts/generate-submissions";

const ROOT = path.resolve(__dirname, "..");
const SUBMISSIONS = path.join(ROOT, "samples", "submissions");
const files = (): string[] =>
  fs
    .readdirSync(path.join(SUBMISSIONS, "binh-gia"))
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(SUBMISSIONS, "binh-gia", f));

async function analyseFiles(paths: readonly string[]): Promise<Analysis> {
  const workbooks = await Promise.all(paths.map((p) => readXlsxFile(p)));
  const result = analyse(workbooks, { referenceYear: 2021 });
  if (!result.ok) throw new Error(result.unusable.en);
  return result.analysis;
}

/** What must agree: every figure of every unit under (and including) a district. */
function figures(units: readonly UnitRollup[]): Map<string, unknown> {
  return new Map(
    units.map((u) => [
      u.id,
      {
        villages: u.villages,
        consolidated: u.consolidated,
        indicators: u.indicators,
        assessments: Object.fromEntries(
          Object.entries(u.assessments).map(([k, a]) => [k, { ...a, source: undefined }]),
        ),
      },
    ]),
  );
}

describe("the Bình Gia sample submissions", () => {
  let combined: Analysis;
  let split: Analysis;
  beforeAll(async () => {
    combined = await analyseFiles([path.join(ROOT, "samples", "lang-son.xlsx")]);
    split = await analyseFiles(files());
  }, 60000);

  it("give exactly the figures of the district in the single combined workbook", () => {
    const district = (a: Analysis) => {
      const id = a.rollup.units.find((u) => u.level === "district" && u.name === "Bình Gia")!.id;
      return a.rollup.units.filter((u) => u.id === id || u.parentId === id);
    };
    expect(district(split).length).toBe(20);
    expect(figures(district(split))).toEqual(figures(district(combined)));
    const bg = split.rollup.units.find((u) => u.name === "Bình Gia")!;
    expect([bg.villages, bg.consolidated, bg.assessments.village_secretary_head?.needed]).toEqual([
      143, 68, 61,
    ]);
    expect(split.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("every file is a submission with a manifest that matches its rows", () => {
    expect(split.read.submissions.every((s) => s.manifest && s.used)).toBe(true);
    expect(split.issues.filter((i) => i.code.startsWith("submission-"))).toEqual([]);
  });

  it("are what the generator makes now (nobody edits them by hand)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-subs-"));
    try {
      const written = await generateSubmissions(dir);
      for (const file of written) {
        const relative = path.relative(dir, file);
        const fresh = await readXlsxFile(file);
        const committed = await readXlsxFile(path.join(SUBMISSIONS, relative));
        expect([relative, fresh.sheets]).toEqual([relative, committed.sheets]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120000);

  it("the completeness sheet lists the communes that have not submitted", async () => {
    const some = files().filter((f) => !/yen-lo|tan-van/.test(f));
    const a = await analyseFiles([...some, path.join(SUBMISSIONS, "binh-gia-don-vi.xlsx")]);
    expect([a.completeness!.expected, a.completeness!.reported]).toEqual([19, 17]);
    const missing = a.completeness!.units.filter((u) => u.status === "missing").map((u) => u.name);
    expect(missing.sort()).toEqual(["Tân Văn", "Yên Lỗ"]);
    const settings = resolveSettings(a.rollup, { language: "vi" }, { year: 2021, month: 9, day: 20 });
    const sheets = buildReports(a.rollup, a.issues, settings, { completeness: a.completeness });
    const sheet = sheets.find((s) => s.reportId === "completeness")!;
    const rows = sheet.cells.map((r) =>
      r.map((c) => (c && typeof c === "object" && "text" in c ? c.text : c)),
    );
    const missingRows = rows
      .filter((r) => typeof r[0] === "number" && r.includes("Chưa nộp"))
      .map((r) => r[1]);
    expect(missingRows.sort()).toEqual(["Tân Văn", "Yên Lỗ"]);
    const summary = sheets.find((s) => s.reportId === "summary")!;
    expect(JSON.stringify(summary.cells)).toContain("Đã nhận báo cáo của 17/19 đơn vị");
  }, 60000);
});

describe("nth-rollup export", () => {
  it("writes a submission that the level above reads back with the same totals", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-export-"));
    try {
      const out = path.join(dir, "lao-cai.xlsx");
      let stdout = "";
      let stderr = "";
      const io = {
        stdout: (t: string) => (stdout += t),
        stderr: (t: string) => (stderr += t),
        now: () => new Date("2025-09-20T03:00:00Z"),
        version: "9.9.9",
      };
      const input = path.join(ROOT, "samples", "lao-cai-two-tier.xlsx");
      const code = await runRequest(
        parseArgs(["export", input, "--out", out, "--period", "Quý III/2025"]),
        io,
      );
      expect([code, stderr]).toEqual([0, ""]);
      expect(stdout).toMatch(/Đã lập tệp nộp/);
      const back = await analyseFiles([out]);
      const original = await analyseFiles([input]);
      expect([back.rollup.total.villages, back.rollup.total.consolidated]).toEqual([
        original.rollup.total.villages,
        original.rollup.total.consolidated,
      ]);
      const m = back.read.submissions[0].manifest!;
      expect(m).toMatchObject({
        unitLevel: "province",
        unitName: "Lào Cai",
        period: "Quý III/2025",
        addinVersion: "9.9.9",
      });
      // Report sheets in the file are never read as data.
      expect(back.read.sheets.map((s) => s.kind).sort()).toEqual(
        original.read.sheets.map((s) => s.kind).sort(),
      );
      expect(back.issues).toEqual(original.issues.map((i) => ({ ...i, file: "lao-cai.xlsx" })));
      // It refuses to overwrite its input.
      const refused = await runRequest(parseArgs(["export", input, "--out", input]), io);
      expect(refused).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);
});

describe("random splits into submissions", () => {
  const HEADER = [
    "Tỉnh",
    "Huyện",
    "Xã",
    "Thôn",
    "Bí thư chi bộ",
    "Trưởng thôn",
    "Nhất thể hóa",
    "Có chi bộ",
    "Số đảng viên",
  ];
  const villages = fc.uniqueArray(
    fc.record({
      district: fc.constantFrom("Bình Gia", "Lộc Bình", "Văn Quan"),
      commune: fc.constantFrom("Yên Lỗ", "Tân Văn", "Hồng Phong", "Xuân Hòa"),
      village: fc.integer({ min: 1, max: 40 }).map((n) => `Thôn ${n}`),
      flag: fc.constantFrom<CellValue>("x", "Không", null),
      secretary: fc.constantFrom<CellValue>("Hoàng Văn A", "Lý Thị B", null),
      head: fc.constantFrom<CellValue>("Hoàng Văn A", "hoàng văn  a", null),
      cell: fc.constantFrom<CellValue>("x", "Không", null),
      members: fc.constantFrom<CellValue>(0, 2, 5, null),
      part: fc.nat({ max: 4 }),
    }),
    { selector: (v) => `${v.district}/${v.commune}/${v.village}`, maxLength: 60 },
  );

  it("give the same figures as one combined workbook", () => {
    fc.assert(
      fc.property(villages, (rows) => {
        const row = (v: (typeof rows)[number]): CellValue[] => [
          "Lạng Sơn",
          v.district,
          v.commune,
          v.village,
          v.secretary,
          v.head,
          v.flag,
          v.cell,
          v.members,
        ];
        const one: WorkbookGrids = {
          file: "all.xlsx",
          sheets: [{ name: "Thôn", rows: [HEADER, ...rows.map(row)] }],
        };
        const parts: WorkbookGrids[] = [0, 1, 2, 3, 4].map((p) => ({
          file: `part-${p}.xlsx`,
          sheets: [{ name: "Thôn", rows: [HEADER, ...rows.filter((v) => v.part === p).map(row)] }],
        }));
        const a = analyse([one], { referenceYear: 2025 });
        const b = analyse(parts, { referenceYear: 2025 });
        if (!a.ok || !b.ok) return rows.length === 0;
        const byId = (x: Analysis) =>
          new Map(x.rollup.units.map((u) => [u.id, [u.villages, u.consolidated, u.indicators]]));
        expect(byId(b.analysis)).toEqual(byId(a.analysis));
        expect(b.analysis.rollup.total.indicators).toEqual(a.analysis.rollup.total.indicators);
        return true;
      }),
      { numRuns: 150 },
    );
  });
});
