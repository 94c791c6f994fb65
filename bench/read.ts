import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { median, RESULT_PREFIX } from "./measure";

/**
 * The read measurement of issue 11: one .xlsx file read, side by side in one run, by
 * - `unzip -p` of the parts a reader needs (the sheets, shared strings, styles) to /dev/null: the
 *   floor of reading (inflating, nothing else);
 * - the bounded reader (src/xlsx/grids.ts with Node's zlib), the CLI's reading path;
 * - the ExcelJS conversion it replaced (test/xlsx/excelJsGrids.ts).
 * Each run is a fresh child process: wall and CPU time of the read alone, peak RSS of the process.
 *
 *   node bin/dev/run-ts.js bench/read.ts FILE [RUNS]      (npm run bench runs it at country size)
 */

const ROOT = path.resolve(__dirname, "..");
const RUN_TS = path.join(ROOT, "bin", "dev", "run-ts.js");

export interface ReadFigures {
  readonly runs: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly cells?: number;
}

export interface ReadComparison {
  readonly file: string;
  readonly mb: number;
  readonly unzip: ReadFigures | { error: string };
  readonly reader: ReadFigures;
  readonly exceljs: ReadFigures | { error: string };
}

/** `unzip -p` of the parts, timed by /usr/bin/time (wall, user + system, max RSS). */
function unzipFloor(file: string, runs: number): ReadFigures | { error: string } {
  const list = spawnSync("unzip", ["-Z1", file], { encoding: "utf8" });
  if (list.status !== 0) return { error: "unzip is not installed" };
  const parts = list.stdout
    .split("\n")
    .filter((n) => /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml|styles\.xml|workbook\.xml)$/.test(n));
  const wall: number[] = [];
  const cpu: number[] = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", "unzip", "-p", file, ...parts], {
      encoding: "utf8",
      stdio: ["ignore", "ignore", "pipe"],
    });
    const m = /([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr);
    if (r.status !== 0 || !m) return { error: `unzip failed: ${r.stderr.slice(0, 200)}` };
    wall.push(Number(m[1]) * 1000);
    cpu.push((Number(m[2]) + Number(m[3])) * 1000);
    peak = Math.max(peak, Number(m[4]) / 1024);
  }
  return { runs, ms: median(wall), cpuMs: median(cpu), peakRssMb: peak };
}

function readChild(mode: "reader" | "exceljs", file: string, runs: number): ReadFigures {
  const results: { ms: number; cpuMs: number; peakRssMb: number; cells: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [RUN_TS, path.join(__dirname, "read-child.ts"), mode, file], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    const line = r.stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
    if (r.status !== 0 || !line)
      throw new Error(`read ${mode} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
    results.push(JSON.parse(line.slice(RESULT_PREFIX.length)) as (typeof results)[number]);
  }
  return {
    runs,
    ms: median(results.map((r) => r.ms)),
    cpuMs: median(results.map((r) => r.cpuMs)),
    peakRssMb: Math.max(...results.map((r) => r.peakRssMb)),
    cells: results[0].cells,
  };
}

/** Reads `file` the three ways: the bounded reader `runs` times, ExcelJS once (it takes ~20 s). */
export function readComparison(file: string, runs = 3): ReadComparison {
  let exceljs: ReadFigures | { error: string };
  try {
    exceljs = readChild("exceljs", file, 1);
  } catch (error) {
    exceljs = { error: String(error).slice(0, 300) };
  }
  return {
    file,
    mb: fs.statSync(file).size / 1e6,
    unzip: unzipFloor(file, runs),
    reader: readChild("reader", file, runs),
    exceljs,
  };
}

/** The comparison as a small table, with the ratios to the floor and to ExcelJS. */
export function formatReadComparison(c: ReadComparison): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const row = (label: string, f: ReadFigures | { error: string }): string =>
    "error" in f
      ? `  ${label.padEnd(34)} ${f.error}`
      : `  ${label.padEnd(34)} ${s(f.ms).padStart(8)} ${s(f.cpuMs).padStart(8)} ${`${f.peakRssMb.toFixed(0)} MB`.padStart(9)}` +
        (f.cells !== undefined ? `  ${f.cells.toLocaleString("en-US")} cells` : "");
  const lines = [
    `\nReading ${path.basename(c.file)} (${c.mb.toFixed(1)} MB), median wall / CPU (all threads) / peak RSS`,
    `  ${"".padEnd(34)} ${"wall".padStart(8)} ${"CPU".padStart(8)} ${"peak RSS".padStart(9)}`,
    row(`unzip -p of the parts (floor) ×${"runs" in c.unzip ? c.unzip.runs : 0}`, c.unzip),
    row(`bounded reader (zlib) ×${c.reader.runs}`, c.reader),
    row(`ExcelJS conversion (before) ×${"runs" in c.exceljs ? c.exceljs.runs : 0}`, c.exceljs),
  ];
  if (!("error" in c.exceljs))
    lines.push(
      `  bounded reader vs ExcelJS: ${(c.exceljs.ms / c.reader.ms).toFixed(1)}× faster (wall), ${(c.exceljs.cpuMs / c.reader.cpuMs).toFixed(1)}× less CPU, ${(c.exceljs.peakRssMb / c.reader.peakRssMb).toFixed(1)}× less memory`,
    );
  if (!("error" in c.unzip))
    lines.push(`  bounded reader vs the unzip floor: ${(c.reader.ms / c.unzip.ms).toFixed(1)}× (wall)`);
  return lines.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const [file, runs] = process.argv.slice(2);
  if (!file) throw new Error("usage: bench/read.ts FILE [RUNS]");
  console.log(formatReadComparison(readComparison(file, runs ? Number(runs) : 3)));
}
