import { spawnSync } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import type { SizeName } from "../generator/generate";
import { RESULT_PREFIX } from "../measure";
import type { ReportWriteResult, ReportWriterName } from "./reportWrite";

/**
 * The benchmark's write measurement: the report workbook of one size written by the former
 * ExcelJS writer and by the package writer, each in its own child process (so one's memory is not
 * billed to the other), one after the other in the same run; a table side by side with the load
 * average around it. Standalone: `node bin/dev/run-ts.js bench/write/writeBench.ts country 3`.
 */

const ROOT = path.resolve(__dirname, "..", "..");
const RUN_TS = path.join(ROOT, "bin", "dev", "run-ts.js");

function measure(size: SizeName, writer: ReportWriterName, runs: number): ReportWriteResult {
  const result = spawnSync(
    process.execPath,
    ["--expose-gc", RUN_TS, path.join(__dirname, "reportWrite.ts"), size, writer, String(runs)],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 60 * 60 * 1000 },
  );
  const line = result.stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
  if (result.status !== 0 || !line)
    throw new Error(`reportWrite ${size} ${writer} failed:\n${result.stderr}`);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as ReportWriteResult;
}

export interface WriteComparison {
  readonly size: SizeName;
  readonly loadBefore: string;
  readonly loadAfter: string;
  readonly exceljs: ReportWriteResult;
  readonly package: ReportWriteResult;
}

const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

export function compareReportWriters(size: SizeName, runs: number): WriteComparison {
  const loadBefore = load();
  const exceljs = measure(size, "exceljs", runs);
  const pkg = measure(size, "package", runs);
  return { size, loadBefore, loadAfter: load(), exceljs, package: pkg };
}

export function writeComparisonTable(c: WriteComparison): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const rows: [string, (r: ReportWriteResult) => string][] = [
    ["runs", (r) => String(r.runs)],
    ["wall time (median)", (r) => s(r.ms)],
    ["  all runs", (r) => r.allMs.map(s).join(", ")],
    ["CPU time (median, all threads)", (r) => s(r.cpuMs)],
    ["RSS before writing (descriptions in memory)", (r) => `${r.baseRssMb.toFixed(0)} MB`],
    ["peak RSS while writing", (r) => `${r.peakRssMb.toFixed(0)} MB`],
    [".xlsx size", (r) => `${r.outputMb.toFixed(1)} MB`],
  ];
  const header = ["", "ExcelJS model (before)", "package writer (now)"];
  const body = rows.map(([label, f]) => [label, f(c.exceljs), f(c.package)]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => r[i].length)));
  const line = (r: readonly string[]): string =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [
    `\nWriting the report workbook (${c.size}: ${c.package.sheets} sheets, ${c.package.cells.toLocaleString("en-US")} cells described), to bytes`,
    line(header),
    ...body.map(line),
    `speed-up: ${(c.exceljs.ms / c.package.ms).toFixed(1)}× wall, ${(c.exceljs.cpuMs / c.package.cpuMs).toFixed(1)}× CPU; load average ${c.loadBefore} → ${c.loadAfter}`,
  ].join("\n");
}

if (path.resolve(process.argv[1] ?? "") === __filename) {
  const size = (process.argv[2] ?? "country") as SizeName;
  const c = compareReportWriters(size, Number(process.argv[3] ?? 3));
  console.log(writeComparisonTable(c));
}
