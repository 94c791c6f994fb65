/**
 * Child process of `npm run bench` for one size: the LibreOffice COUNTIFS/SUMIFS alternative.
 * Writes the input with a helper column and a summary sheet of formulas, then times
 * `libreoffice --headless --convert-to xlsx` with a profile that recalculates on load, and reads
 * the recalculated total row back (proof that the formulas ran). Prints one result line.
 *
 *   node bin/dev/run-ts.js bench/lo.ts <size> <runs>
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { analyse } from "../src/core/pipeline";
import { BENCH_DIR } from "./data";
import { generate, SIZES, type SizeName } from "./generator/generate";
import { convert, countifsWorkbook, recalculatingProfile, SUMMARY_SHEET } from "./libreoffice";
import { emitResult, median } from "./measure";

export interface LibreOfficeResult {
  readonly size: SizeName;
  readonly runs: number;
  readonly formulas: number;
  readonly fileMb: number;
  /** Median wall time of the conversion (load, recalculate, save), milliseconds. */
  readonly ms: number;
  readonly allMs: readonly number[];
  /** The recalculated total row: villages and consolidated, as LibreOffice computed them. */
  readonly total: { readonly villages: number | null; readonly consolidated: number | null };
  /** The same from the core, for comparison. */
  readonly core: { readonly villages: number; readonly consolidated: number };
}

async function main(): Promise<void> {
  const size = process.argv[2] as SizeName;
  const runs = Number(process.argv[3] ?? 1);
  const grids = generate(SIZES[size]).workbook;
  const result = analyse([grids], { referenceYear: 2025 });
  if (!result.ok) throw new Error(result.unusable.en);
  const communes = result.analysis.rollup.units
    .filter((u) => u.level === "commune")
    .map((u) => ({ province: u.province, district: u.district, commune: u.commune ?? u.name }));

  const dir = path.join(BENCH_DIR, "libreoffice");
  fs.mkdirSync(dir, { recursive: true });
  const input = path.join(dir, `${size}-countifs.xlsx`);
  const { formulas } = await countifsWorkbook(input, grids, communes);

  const profile = recalculatingProfile();
  try {
    // The first start of LibreOffice builds its profile: not part of any timed run.
    const warm = path.join(dir, "warm-up.xlsx");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("A").getCell("A1").value = 1;
    await book.xlsx.writeFile(warm);
    convert(profile, warm, "xlsx", path.join(dir, "warm-out"));

    const times: number[] = [];
    let output = "";
    for (let i = 0; i < runs; i++) {
      const run = convert(profile, input, "xlsx", path.join(dir, "out"));
      times.push(run.ms);
      output = run.output;
    }
    const total = await totalRow(output);
    const out: LibreOfficeResult = {
      size,
      runs,
      formulas,
      fileMb: fs.statSync(input).size / 1e6,
      ms: median(times),
      allMs: times,
      total,
      core: {
        villages: result.analysis.rollup.total.villages,
        consolidated: result.analysis.rollup.total.consolidated,
      },
    };
    emitResult(out);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** The "Tổng cộng" row of the recalculated summary sheet (cached results written by LibreOffice). */
async function totalRow(file: string): Promise<LibreOfficeResult["total"]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", worksheets: "emit" });
  let total: LibreOfficeResult["total"] = { villages: null, consolidated: null };
  const numberOf = (v: unknown): number | null => {
    if (typeof v === "number") return v;
    const result = (v as { result?: unknown } | null)?.result;
    return typeof result === "number" ? result : null;
  };
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name?: string }).name;
    for await (const row of sheet) {
      if (name !== SUMMARY_SHEET) continue;
      const values = row.values as unknown[];
      if (values[1] === "Tổng cộng")
        total = { villages: numberOf(values[4]), consolidated: numberOf(values[5]) };
    }
  }
  return total;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
