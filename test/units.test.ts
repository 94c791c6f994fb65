import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "../src/cli/args";
import { runRequest } from "../src/cli/commands";
import { cellText, type CellValue } from "../src/core/cells";
import { readUnitLists } from "../src/core/read/unitList";
import { readXlsxFile } from "../src/xlsx/readXlsx";
import { generateSamples, COMPANION_SAMPLES } from "../scripts/generate-samples";
import { analyse } from "../src/core/pipeline";

/**
 * Issue 15, end to end on real files: today's two-tier Lào Cai sample compared with the same
 * province before the 1 July 2025 reform (three-tier), through the unit list's crosswalk.
 * The expected figures are counted by hand from scripts/samples/laoCaiBefore.ts (OLD_COMMUNES) and
 * scripts/samples/laoCai.ts, not computed by the code under test.
 */
const ROOT = path.resolve(__dirname, "..");
const sample = (f: string): string => path.join(ROOT, "samples", f);

describe("nth-rollup report --previous (before the reform) --units", () => {
  let comparison: CellValue[][];
  let completeness: CellValue[][];
  let stderr = "";
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-units-"));
    try {
      const out = path.join(dir, "report.xlsx");
      const io = {
        stdout: () => undefined,
        stderr: (t: string) => (stderr += t),
        now: () => new Date("2025-10-01T03:00:00Z"),
        version: "9.9.9",
      };
      const code = await runRequest(
        parseArgs([
          "report",
          sample("lao-cai-two-tier.xlsx"),
          "--previous",
          sample("lao-cai-truoc-sap-xep.xlsx"),
          "--units",
          sample("lao-cai-don-vi.xlsx"),
          "--out",
          out,
        ]),
        io,
      );
      expect(code).toBe(0);
      const back = await readXlsxFile(out);
      comparison = back.sheets.find((s) => s.name === "So với kỳ trước")!.rows as CellValue[][];
      completeness = back.sheets.find((s) => s.name === "Tình hình nộp báo cáo")!.rows as CellValue[][];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);

  const rowOf = (grid: CellValue[][], name: string): CellValue[] => {
    const row = grid.find((r) => cellText(r[1] ?? null).trim() === name);
    if (!row) throw new Error(`no row ${name}`);
    return row;
  };

  it("shows every current commune with its previous figure, counted by hand", () => {
    // [previous villages, current villages, previous consolidated]
    // Xuân Hòa = old Xuân Hòa (20 villages, 12 consolidated) + Xuân Thượng (12, 4); today 30 + 2 villages.
    // Thượng Hà = old Thượng Hà (Thôn 1–4 + Thôn 8, 2) + Điện Quan (Thôn 5–7 + Bản Cuông, 1); today Thôn 1–7.
    // Cốc Lầu = Cốc Lầu (5, 2) + Bảo Nhai (3, 1). Mường Hum = Mường Hum (6, 3) + Trung Lèng Hồ (3, 2). Y Tý (8, 6).
    const expected: Record<string, [number, number, number]> = {
      "Xuân Hòa": [32, 32, 16],
      "Cốc Lầu": [8, 8, 3],
      "Mường Hum": [9, 9, 5],
      "Thượng Hà": [9, 7, 3],
      "Y Tý": [8, 8, 6],
      "Tổng cộng": [66, 64, 33],
    };
    for (const [name, [prevVillages, villages, prevConsolidated]] of Object.entries(expected)) {
      const row = rowOf(comparison, name);
      expect([name, row[2], row[3], row[5]]).toEqual([name, prevVillages, villages, prevConsolidated]);
    }
  });

  it("names the changes: the old communes and the village merged into another", () => {
    const notes = cellText(rowOf(comparison, "Thượng Hà")[11] ?? null);
    expect(notes).toContain("Điện Quan (Bảo Yên): 4 thôn");
    expect(notes).toContain("Thôn 8 sáp nhập vào Thôn 4 (1/7/2025)");
    expect(cellText(rowOf(comparison, "Xuân Hòa")[11] ?? null)).toContain("Xuân Thượng (Bảo Yên): 12 thôn");
  });

  it("expects no abolished unit: the five communes of today, no district, no old commune", () => {
    const text = completeness.map((r) => r.map((c) => cellText(c ?? null)).join("|")).join("\n");
    for (const gone of ["Bảo Yên", "Bắc Hà", "Bát Xát", "Xuân Thượng", "Điện Quan", "Bảo Nhai", "A Lù"])
      expect(text).not.toContain(gone);
    for (const commune of ["Xuân Hòa", "Cốc Lầu", "Mường Hum", "Thượng Hà", "Y Tý"])
      rowOf(completeness, commune);
    const comparisonText = comparison.map((r) => cellText(r[1] ?? null)).join("|");
    expect(comparisonText).not.toMatch(/Bảo Yên|Bắc Hà|Bát Xát/);
  });

  it("says nothing is wrong with the unit list itself", () => {
    expect(stderr).not.toMatch(/Đơn vị|unit list|không xếp được/);
  });
});

describe("the companion samples (previous period, unit list)", () => {
  it("equal a fresh run of scripts/generate-samples.ts and read without an issue", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-companions-"));
    try {
      await generateSamples(dir);
      for (const { file } of COMPANION_SAMPLES) {
        const committed = await readXlsxFile(sample(file));
        expect(committed.sheets).toEqual((await readXlsxFile(path.join(dir, file))).sheets);
      }
      const units = readUnitLists([await readXlsxFile(sample("lao-cai-don-vi.xlsx"))]);
      expect(units.issues).toEqual([]);
      // 3 old districts, 10 old communes, 5 of today's communes, 1 village row.
      expect(units.units.map((u) => u.level)).toEqual([
        ...Array(3).fill("district"),
        ...Array(10).fill("commune"),
        ...Array(5).fill("commune"),
        "village",
      ]);
      const before = analyse([await readXlsxFile(sample("lao-cai-truoc-sap-xep.xlsx"))], {
        referenceYear: 2024,
      });
      if (!before.ok) throw new Error(before.unusable.en);
      expect(before.analysis.issues).toEqual([]);
      // Three-tier: 3 districts, 9 old communes, 66 villages, 33 consolidated (OLD_COMMUNES, by hand).
      const levels = before.analysis.rollup.units.map((u) => u.level);
      expect([
        levels.filter((l) => l === "district").length,
        levels.filter((l) => l === "commune").length,
      ]).toEqual([3, 9]);
      expect([before.analysis.rollup.total.villages, before.analysis.rollup.total.consolidated]).toEqual([
        66, 33,
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);
});
