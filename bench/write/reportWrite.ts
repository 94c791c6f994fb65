/**
 * Child process of the benchmark's write measurement for one size and one writer: generates the
 * data in memory, analyses it and builds all report descriptions (not timed), then times writing
 * the report workbook's bytes (no disk) with either writer:
 * - "package": src/xlsx/writeReport.ts, sheet XML built directly and zipped with Node's zlib;
 * - "exceljs": the former writer (bench/write/exceljsReportWriter.ts), through ExcelJS's workbook model.
 * Wall and CPU time per run, and the peak RSS while writing above the RSS with the descriptions
 * in memory. Prints one result line (see ../measure.ts).
 *
 *   node --expose-gc bin/dev/run-ts.js bench/write/reportWrite.ts <size> <package|exceljs> <runs>
 */
import type { WorkbookGrids } from "../../src/core/grid";
import { analyse } from "../../src/core/pipeline";
import { buildReports } from "../../src/report/reports";
import { resolveSettings } from "../../src/report/settings";
import { reportXlsxBytes } from "../../src/xlsx/writeReport";
import { generate, SIZES, type SizeName } from "../generator/generate";
import { collectGarbage, emitResult, median, RssSampler, rssMb } from "../measure";
import { reportWorkbook } from "./exceljsReportWriter";

export type ReportWriterName = "package" | "exceljs";

export interface ReportWriteResult {
  readonly size: SizeName;
  readonly writer: ReportWriterName;
  readonly runs: number;
  readonly cells: number;
  readonly sheets: number;
  /** Median wall and CPU milliseconds (CPU: user + system, all threads). */
  readonly ms: number;
  readonly allMs: readonly number[];
  readonly cpuMs: number;
  /** RSS with the descriptions in memory, before writing. */
  readonly baseRssMb: number;
  /** Highest RSS while writing (sampled every 2 ms). */
  readonly peakRssMb: number;
  readonly outputMb: number;
}

async function writeOnce(writer: ReportWriterName, sheets: ReturnType<typeof buildReports>): Promise<number> {
  if (writer === "package") return (await reportXlsxBytes(sheets)).length;
  const buffer = (await reportWorkbook(sheets).xlsx.writeBuffer()) as ArrayBuffer;
  return buffer.byteLength;
}

async function main(): Promise<void> {
  const size = process.argv[2] as SizeName;
  const writer = process.argv[3] as ReportWriterName;
  const runs = Number(process.argv[4] ?? 3);
  if (!(size in SIZES)) throw new Error(`unknown size ${size}`);
  if (writer !== "package" && writer !== "exceljs") throw new Error(`unknown writer ${writer}`);
  const workbook = JSON.parse(JSON.stringify(generate(SIZES[size]).workbook)) as WorkbookGrids;
  const result = analyse([workbook], { referenceYear: 2025 });
  if (!result.ok) throw new Error(result.unusable.en);
  const { rollup, issues } = result.analysis;
  const sheets = buildReports(rollup, issues, resolveSettings(rollup, {}, { year: 2025, month: 6, day: 30 }));
  collectGarbage();
  const baseRssMb = rssMb();
  const sampler = new RssSampler();
  sampler.reset();
  const wall: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    bytes = await writeOnce(writer, sheets);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const out: ReportWriteResult = {
    size,
    writer,
    runs,
    cells: sheets.reduce((n, s) => n + s.cells.length * s.columnCount, 0),
    sheets: sheets.length,
    ms: median(wall),
    allMs: wall,
    cpuMs: median(cpu),
    baseRssMb,
    peakRssMb: sampler.peakMb(),
    outputMb: bytes / 1e6,
  };
  await sampler.stop();
  emitResult(out);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
