/**
 * Child process of `npm run bench` for one size: generates the data in memory, then times the core
 * (read + check + roll up, through `analyse`, the entry point every shell uses), its parts, the JSON
 * summary and every report description the CLI's `report --out` writes (the plan and the named
 * annex included). Prints one result line (see measure.ts).
 *
 *   node --expose-gc bin/dev/run-ts.js bench/core.ts <size> <runs>
 */
import type { WorkbookGrids } from "../src/core/grid";
import { analyse, planOfAnalysis, summaryOf, type Analysis } from "../src/core/pipeline";
import { readWorkbooks } from "../src/core/read/readWorkbook";
import { rollup } from "../src/core/rollup/rollup";
import { buildReports } from "../src/report/reports";
import { resolveSettings } from "../src/report/settings";
import { generate, SIZES, type SizeName } from "./generator/generate";
import {
  collectGarbage,
  emitResult,
  median,
  peakRssMb,
  RssSampler,
  rssMb,
  timeRuns,
  timeRunsWithCpu,
} from "./measure";

export interface CoreResult {
  readonly size: SizeName;
  readonly runs: number;
  readonly counts: ReturnType<typeof generate>["counts"];
  readonly units: number;
  readonly issues: number;
  readonly villages: number;
  readonly consolidated: number;
  readonly generateMs: number;
  readonly dataRssMb: number;
  /** Median milliseconds. */
  readonly analyseMs: number;
  readonly analyseAllMs: readonly number[];
  /** Median CPU milliseconds of the same runs (all threads: garbage collection included). */
  readonly analyseCpuMs: number;
  readonly readMs: number;
  readonly rollupMs: number;
  readonly summaryMs: number;
  readonly descriptionsMs: number;
  readonly descriptionsAllMs: readonly number[];
  readonly descriptionsCpuMs: number;
  readonly descriptionCells: number;
  readonly descriptionSheets: readonly { name: string; rows: number; columns: number }[];
  /** Highest RSS while the core ran, with the data already in memory (sampled every 2 ms). */
  readonly corePeakRssMb: number;
  readonly descriptionsPeakRssMb: number;
  /** ru_maxrss of the whole process, generation included. */
  readonly processPeakRssMb: number;
}

const REFERENCE_YEAR = 2025;
const TODAY = { year: 2025, month: 6, day: 30 };

async function main(): Promise<void> {
  const size = process.argv[2] as SizeName;
  const runs = Number(process.argv[3] ?? 5);
  if (!(size in SIZES)) throw new Error(`unknown size ${size}`);
  const sampler = new RssSampler();

  let start = performance.now();
  const { counts, workbook } = generatedAsRead(size);
  const generateMs = performance.now() - start;
  const workbooks = [workbook];
  collectGarbage();
  const dataRssMb = rssMb();

  sampler.reset();
  let analysis: Analysis | null = null;
  const analyseTimes = timeRunsWithCpu(
    runs,
    () => {
      const result = analyse(workbooks, { referenceYear: REFERENCE_YEAR });
      if (!result.ok) throw new Error(result.unusable.en);
      analysis = result.analysis;
    },
    1,
    collectGarbage,
  );
  const analyseAllMs = analyseTimes.wall;
  const corePeakRssMb = sampler.peakMb();
  const done = analysis as Analysis | null;
  if (!done) throw new Error("no analysis");

  const readMs = median(timeRuns(runs, () => readWorkbooks(workbooks), 1, collectGarbage));
  const dataset = done.read.dataset;
  const rollupMs = median(
    timeRuns(runs, () => rollup(dataset, { referenceYear: REFERENCE_YEAR }), 1, collectGarbage),
  );
  const summaryMs = median(timeRuns(runs, () => JSON.stringify(summaryOf(done, "vi")), 1, collectGarbage));

  const settings = resolveSettings(done.rollup, {}, TODAY);
  collectGarbage();
  sampler.reset();
  // The sheets the CLI writes: the base reports, the planning sheet and the named annex.
  const reportOptions = {
    plan: planOfAnalysis(done),
    officeHolders: done.read.dataset.officeHolders,
    completeness: done.completeness,
    changes: done.changes,
  };
  let sheets = buildReports(done.rollup, done.issues, settings, reportOptions);
  const descriptionsTimes = timeRunsWithCpu(
    runs,
    () => {
      sheets = buildReports(done.rollup, done.issues, settings, reportOptions);
    },
    0,
    collectGarbage,
  );
  const descriptionsAllMs = descriptionsTimes.wall;
  const descriptionsPeakRssMb = sampler.peakMb();
  start = performance.now();

  const result: CoreResult = {
    size,
    runs,
    counts,
    units: done.rollup.units.length,
    issues: done.issues.length,
    villages: done.rollup.total.villages,
    consolidated: done.rollup.total.consolidated,
    generateMs,
    dataRssMb,
    analyseMs: median(analyseAllMs),
    analyseAllMs,
    analyseCpuMs: median(analyseTimes.cpu),
    readMs,
    rollupMs,
    summaryMs,
    descriptionsMs: median(descriptionsAllMs),
    descriptionsAllMs,
    descriptionsCpuMs: median(descriptionsTimes.cpu),
    descriptionCells: sheets.reduce((n, s) => n + s.cells.length * s.columnCount, 0),
    descriptionSheets: sheets.map((s) => ({ name: s.name, rows: s.cells.length, columns: s.columnCount })),
    corePeakRssMb,
    descriptionsPeakRssMb,
    processPeakRssMb: peakRssMb(),
  };
  await sampler.stop();
  emitResult(result);
}

/**
 * The generated data as the shells hand grids over: strings parsed from JSON (Office.js) or XML
 * (ExcelJS) are flat, whereas the generator's are built by concatenation; a JSON round trip makes
 * them like the real ones. The generator's own copy is garbage once this returns.
 */
function generatedAsRead(size: SizeName): { counts: CoreResult["counts"]; workbook: WorkbookGrids } {
  const generated = generate(SIZES[size]);
  return {
    counts: generated.counts,
    workbook: JSON.parse(JSON.stringify(generated.workbook)) as WorkbookGrids,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
