import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "../../src/cli/args";
import { runRequest } from "../../src/cli/commands";

/**
 * End to end, as the issue's "Done when" says: `nth-rollup report <Lạng Sơn sample> --out
 * report.xlsx`, then ../shared/tools/xlsx-check renders it with LibreOffice (every formula
 * recalculated) and the CSVs must show the figures of the JSON summary: villages, consolidated and
 * rates per unit and in total, and the totals of the other reports.
 *
 * Skipped only on a developer machine without LibreOffice or the tool; under CI (CI set) their
 * absence fails the test.
 */

const ROOT = path.resolve(__dirname, "..", "..");
const TOOL = path.resolve(ROOT, "..", "shared", "tools", "xlsx-check");
const hasTool = fs.existsSync(TOOL);
const hasLibreOffice = spawnSync("sh", ["-c", "command -v libreoffice && command -v pdftoppm"]).status === 0;
const available = hasTool && hasLibreOffice;
const runIt = available || process.env.CI ? it : it.skip;

/** A minimal RFC 4180 reader (quotes, doubled quotes, commas and newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

interface UnitJson {
  level: string;
  name: string;
  district: string | null;
  villages: number;
  consolidated: number;
  rate: number | null;
  indicators: Record<string, { numerator: number; denominator: number; rate: number | null }>;
}

const percent = (rate: number | null): string =>
  rate === null ? "" : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

async function sampleInput(dir: string): Promise<string> {
  const committed = path.join(ROOT, "samples", "lang-son.xlsx");
  if (fs.existsSync(committed)) return committed;
  // Not committed yet: generate it with the project's own script.
  const { generateSamples } = (await import(path.join(ROOT, "scripts", "generate-samples"))) as {
    generateSamples: (folder: string) => Promise<string[]>;
  };
  const files = await generateSamples(path.join(dir, "samples"));
  return files.find((f) => f.endsWith("lang-son.xlsx"))!;
}

describe("report workbook checked by LibreOffice (xlsx-check)", () => {
  runIt(
    "writes all six sheets whose recalculated figures match the JSON summary",
    async () => {
      if (!available) {
        throw new Error(
          `CI needs ${hasTool ? "" : `${TOOL} `}${hasLibreOffice ? "" : "libreoffice-calc and poppler-utils"} for this test`,
        );
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nth-report-"));
      const input = await sampleInput(dir);
      const out = path.join(dir, "out", "report.xlsx");
      const json = path.join(dir, "out", "summary.json");
      const errors: string[] = [];
      const code = await runRequest(
        parseArgs(["report", input, "--out", out, "--json", json, "--date", "19/9/2021"]),
        {
          stdout: () => undefined,
          stderr: (t) => errors.push(t),
          now: () => new Date(2021, 8, 19),
          version: "test",
        },
      );
      expect(code).toBe(0);
      expect(fs.existsSync(out)).toBe(true);

      execFileSync(TOOL, [out, path.join(dir, "check")], { stdio: "pipe", timeout: 120_000 });
      const csvDir = path.join(dir, "check", "csv");
      const csv = (sheet: string): string[][] =>
        parseCsv(fs.readFileSync(path.join(csvDir, `report-${sheet}.csv`), "utf8"));
      expect(fs.readdirSync(csvDir).sort()).toEqual(
        [
          "Chi bộ thôn",
          "Chất lượng bí thư",
          "Chức danh cấp xã",
          "Kiểm tra dữ liệu",
          "Thôn chưa NTH",
          "Tổng hợp",
        ]
          .map((s) => `report-${s}.csv`)
          .sort(),
      );
      expect(
        fs.readdirSync(path.join(dir, "check")).filter((f) => f.endsWith(".png")).length,
      ).toBeGreaterThanOrEqual(6);

      const summary = JSON.parse(fs.readFileSync(json, "utf8")) as {
        units: UnitJson[];
        total: UnitJson;
        issues: unknown[];
      };
      const units = summary.units;

      // Report 1: every district (subtotal row) and commune of the province, and the total.
      const rows = csv("Tổng hợp");
      const headerAt = rows.findIndex((r) => r[0] === "STT");
      const totalAt = rows.findIndex((r) => r[1] === "Tổng cộng");
      const body = rows.slice(headerAt + 1, totalAt);
      let district = "";
      const seen: string[] = [];
      for (const r of body) {
        const isDistrict = /^[IVXLC]+$/.test(r[0]);
        if (isDistrict) district = r[1];
        const unit = units.find((u) =>
          isDistrict
            ? u.level === "district" && u.name === r[1]
            : u.level === "commune" && u.name === r[1] && u.district === district,
        );
        expect(unit).toBeDefined();
        expect([r[2], r[3], r[4]]).toEqual([
          String(unit!.villages),
          String(unit!.consolidated),
          percent(unit!.rate),
        ]);
        seen.push(`${unit!.level}:${unit!.name}`);
      }
      expect(seen.length).toBe(units.filter((u) => u.level !== "province").length);
      const total = rows[totalAt];
      expect([total[2], total[3], total[4]]).toEqual([
        String(summary.total.villages),
        String(summary.total.consolidated),
        percent(summary.total.rate),
      ]);
      // Bình Gia, seed 000: 143 villages, 68 consolidated, 47.6%, 61 more for "above 90%".
      const binhGia = body.find((r) => r[1] === "Bình Gia")!;
      expect(binhGia.slice(2, 5)).toEqual(["143", "68", "47.6%"]);
      expect(binhGia[7]).toBe("61");

      // Reports 2–4: their total rows against the JSON total.
      const totalOf = (sheet: string): string[] => csv(sheet).find((r) => r[1] === "Tổng cộng")!;
      const ind = summary.total.indicators;
      const posts = totalOf("Chức danh cấp xã");
      expect([posts[2], posts[3], posts[4]]).toEqual([
        String(ind.commune_secretary_committee_chair.denominator),
        String(ind.commune_secretary_committee_chair.numerator),
        percent(ind.commune_secretary_committee_chair.rate),
      ]);
      expect([posts[5], posts[7]]).toEqual([
        String(ind.commune_secretary_council_chair.numerator),
        String(ind.commune_deputy_council_chair.numerator),
      ]);
      const quality = totalOf("Chất lượng bí thư");
      expect([quality[2], quality[3], quality[4]]).toEqual([
        String(ind.secretary_education_12.denominator),
        String(ind.secretary_education_12.numerator),
        percent(ind.secretary_education_12.rate),
      ]);
      const cells = totalOf("Chi bộ thôn");
      expect([cells[2], cells[3], cells[4], cells[5]]).toEqual([
        String(ind.villages_own_cell.denominator),
        String(ind.villages_own_cell.numerator),
        percent(ind.villages_own_cell.rate),
        String(ind.small_cells.numerator),
      ]);

      // Report 5: the villages still to consolidate add up to villages − consolidated.
      const list = totalOf("Thôn chưa NTH");
      expect(list[4]).toBe(String(summary.total.villages - summary.total.consolidated));

      // Report 6: one row per issue.
      const check = csv("Kiểm tra dữ liệu");
      const checkHeader = check.findIndex((r) => r[0] === "STT");
      const issueRows = check.slice(checkHeader + 1).filter((r) => /^\d+$/.test(r[0]));
      expect(issueRows.length).toBe(summary.issues.length);
    },
    180_000,
  );
});
