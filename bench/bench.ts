/**
 * `npm run bench`: the national-scale benchmark of issue 6 (docs/performance.md).
 *
 * For district (~150 villages), province (~3,000) and country (~100,000 villages, ~300,000
 * office-holder rows) it prints the core (read + check + roll up from grids), all report
 * descriptions, the CLI end to end (.xlsx → .xlsx, → JSON, and both in one run: the figure issue 11's
 * targets are about) with its peak RSS and its ratios to `unzip -p` and to LibreOffice, the Excel reader
 * and writer against the in-memory Excel (syncs, largest response and request), the custom
 * function over 100,000 cells, and the LibreOffice COUNTIFS/SUMIFS alternative on the same data.
 * Every measurement runs in a fresh child process, so one size's memory is not billed to another.
 *
 *   npm run bench [-- --sizes district,province] [--quick] [--no-libreoffice] [--no-cli]
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CoreResult } from "./core";
import { BENCH_DIR } from "./data";
import type { ExcelResult } from "./excel";
import type { FunctionsResult } from "./functions";
import { SIZES, type SizeName } from "./generator/generate";
import { hasLibreOffice } from "./libreoffice";
import type { LibreOfficeResult } from "./lo";
import { median, RESULT_PREFIX } from "./measure";
import { formatReadComparison, readComparison, type ReadComparison } from "./read";
import { compareReportWriters, writeComparisonTable, type WriteComparison } from "./write/writeBench";

const ROOT = path.resolve(__dirname, "..");
/** The project's TypeScript runner (a require hook over typescript.transpileModule). */
const RUN_TS = path.join(ROOT, "bin", "dev", "run-ts.js");
const ALL_SIZES: readonly SizeName[] = ["district", "province", "country", "countryThreeTier"];
/** Sizes measured end to end (CLI, LibreOffice); the three-tier country is for the core and Excel shells. */
const END_TO_END: ReadonlySet<SizeName> = new Set(["district", "province", "country"]);

interface Runs {
  readonly core: number;
  readonly cli: number;
  readonly libreoffice: number;
}
const RUNS: Record<"full" | "quick", Record<string, Runs>> = {
  full: {
    district: { core: 21, cli: 5, libreoffice: 3 },
    province: { core: 11, cli: 3, libreoffice: 3 },
    country: { core: 7, cli: 3, libreoffice: 1 },
    countryThreeTier: { core: 5, cli: 0, libreoffice: 0 },
  },
  quick: {
    district: { core: 5, cli: 1, libreoffice: 1 },
    province: { core: 3, cli: 1, libreoffice: 1 },
    country: { core: 2, cli: 1, libreoffice: 1 },
    countryThreeTier: { core: 2, cli: 0, libreoffice: 0 },
  },
};

/** `xlsx`: `--out`; `json`: `--json`; `both`: `--json … --out …` in one run (issue 11's measure). */
type CliMode = "xlsx" | "json" | "both";

interface CliResult {
  readonly mode: CliMode;
  readonly runs: number;
  readonly ms: number;
  readonly allMs: readonly number[];
  /** Median CPU time (user + system, all threads). */
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly outputMb: number;
}

interface SizeResults {
  core?: CoreResult;
  excel?: ExcelResult;
  data?: { file: string; mb: number; writeMs: number };
  cli?: CliResult[];
  libreoffice?: LibreOfficeResult | { error: string };
  /** Reading the .xlsx alone: unzip floor, bounded reader, ExcelJS (bench/read.ts; country only). */
  read?: ReadComparison;
  /** The report workbook written by ExcelJS's model and by the package writer (bench/write). */
  reportWriters?: WriteComparison;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
}

/** Runs a benchmark child (TypeScript through bin/dev/run-ts.js) and returns its result line. */
function child<T>(
  script: string,
  args: readonly string[],
  nodeFlags: readonly string[] = ["--expose-gc"],
): T {
  const result = spawnSync(process.execPath, [...nodeFlags, RUN_TS, path.join(__dirname, script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60 * 60 * 1000,
  });
  const line = result.stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
  if (result.status !== 0 || !line) {
    throw new Error(
      `${script} ${args.join(" ")} failed (${result.status}):\n${result.stderr}\n${result.stdout}`,
    );
  }
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as T;
}

/** The installed CLI end to end, as a clerk runs it; peak RSS from getrusage in the child. */
function runCli(input: string, mode: CliMode, runs: number): CliResult {
  const dir = path.join(BENCH_DIR, "cli");
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${path.basename(input, ".xlsx")}-${mode}`);
  const output = mode === "json" ? `${base}.json` : `${base}.xlsx`;
  const rssFile = path.join(dir, "rss.txt");
  const times: number[] = [];
  const cpu: number[] = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    fs.rmSync(output, { force: true });
    const outputs =
      mode === "xlsx"
        ? ["--out", output]
        : mode === "json"
          ? ["--json", output]
          : ["--json", `${base}.json`, "--out", output];
    const args = ["report", input, ...outputs, "--year", "2025"];
    const start = performance.now();
    const result = spawnSync(
      process.execPath,
      ["-r", path.join(__dirname, "rss-probe.js"), path.join(ROOT, "bin", "nth-rollup.js"), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, NTH_BENCH_RSS_FILE: rssFile },
        stdio: ["ignore", "ignore", "pipe"],
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    times.push(performance.now() - start);
    if (result.status !== 0)
      throw new Error(`nth-rollup ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    const usage = JSON.parse(fs.readFileSync(rssFile, "utf8")) as {
      maxRss: number;
      user: number;
      system: number;
    };
    peak = Math.max(peak, usage.maxRss / 1024);
    cpu.push((usage.user + usage.system) / 1000);
  }
  return {
    mode,
    runs,
    ms: median(times),
    allMs: times,
    cpuMs: median(cpu),
    peakRssMb: peak,
    outputMb: fs.statSync(output).size / 1e6,
  };
}

/**
 * Issue 11's targets at country size, each with the figure measured in this run: the CLI's
 * `report --json --out` under 6 s and 1 GB, its ratios to `unzip -p` of the same file (the floor
 * of reading) and to LibreOffice's COUNTIFS summary, and the core (analyse from grids) under 1 s.
 */
function targetsTable(r: SizeResults): string {
  const both = r.cli?.find((c) => c.mode === "both");
  const unzip = r.read && !("error" in r.read.unzip) ? r.read.unzip : null;
  const lo = r.libreoffice && "ms" in r.libreoffice ? r.libreoffice : null;
  const s = (x: number): string => `${(x / 1000).toFixed(2)} s`;
  const verdict = (ok: boolean | null): string => (ok === null ? "–" : ok ? "met" : "NOT met");
  const rows: [string, string, string][] = [
    [
      "report --json --out under 6 s (wall)",
      both ? `${s(both.ms)} (CPU ${s(both.cpuMs)})` : "–",
      verdict(both ? both.ms < 6000 : null),
    ],
    [
      "  peak RSS under 1 GB",
      both ? `${both.peakRssMb.toFixed(0)} MB` : "–",
      verdict(both ? both.peakRssMb < 1024 : null),
    ],
    ["  ratio to unzip -p of the same file", both && unzip ? `${(both.ms / unzip.ms).toFixed(1)}×` : "–", ""],
    [
      "  ratio LibreOffice COUNTIFS / this run",
      both && lo ? `${(lo.ms / both.ms).toFixed(1)}× faster` : "–",
      "",
    ],
    [
      "core: read + check + roll up under 1 s",
      r.core ? `${s(r.core.analyseMs)} (CPU ${s(r.core.analyseCpuMs)})` : "–",
      verdict(r.core ? r.core.analyseMs < 1000 : null),
    ],
  ];
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  return [
    "\nIssue 11 targets, country (medians of this run)",
    ...rows.map(([a, b, c]) => `  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`.trimEnd()),
  ].join("\n");
}

function parseArgs(argv: readonly string[]): {
  sizes: SizeName[];
  quick: boolean;
  libreoffice: boolean;
  cli: boolean;
} {
  const i = argv.indexOf("--sizes");
  const sizes = i >= 0 ? (argv[i + 1].split(",") as SizeName[]) : [...ALL_SIZES];
  for (const s of sizes) if (!(s in SIZES)) throw new Error(`unknown size ${s}`);
  return {
    sizes,
    quick: argv.includes("--quick"),
    libreoffice: !argv.includes("--no-libreoffice"),
    cli: !argv.includes("--no-cli"),
  };
}

const ms = (v: number | undefined): string =>
  v === undefined
    ? "–"
    : v >= 10_000
      ? `${(v / 1000).toFixed(1)} s`
      : `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ms`;
const mb = (v: number | undefined): string => (v === undefined ? "–" : `${v.toFixed(0)} MB`);
const bytes = (v: number | undefined): string => (v === undefined ? "–" : `${(v / 1e6).toFixed(2)} MB`);
const count = (v: number | undefined): string => (v === undefined ? "–" : v.toLocaleString("en-US"));

function table(
  title: string,
  sizes: readonly SizeName[],
  rows: readonly [string, (r: SizeResults) => string][],
  results: Record<string, SizeResults>,
): string {
  const header = ["", ...sizes];
  const body = rows.map(([label, f]) => [label, ...sizes.map((s) => f(results[s]))]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((r) => r[c].length)));
  const line = (r: readonly string[]): string =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  return [`\n${title}`, line(header), ...body.map(line)].join("\n");
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const runs = RUNS[options.quick ? "quick" : "full"];
  const started = new Date();
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: loadAverage(),
  };
  console.log(`nth-rollup benchmark, ${started.toISOString()}`);
  console.log(
    `machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGb.toFixed(1)} GB, node ${machine.node}, ${machine.platform}`,
  );
  console.log(
    `load average at start: ${machine.loadAverageAtStart} (other processes share these cores; times are wall clock)`,
  );

  const results: Record<string, SizeResults> = {};
  for (const size of options.sizes) {
    results[size] = {};
    const r = results[size];
    process.stdout.write(`\n[${size}] core ×${runs[size].core} … `);
    r.core = child<CoreResult>("core.ts", [size, String(runs[size].core)]);
    process.stdout.write(`${ms(r.core.analyseMs)}; Excel shells … `);
    r.excel = child<ExcelResult>("excel.ts", [size]);
    process.stdout.write(`${r.excel.write.syncs} write syncs`);
    if (options.cli && END_TO_END.has(size)) {
      process.stdout.write(`; data file … `);
      // Generating the .xlsx input is not timed as part of anything; it is reused while the generator is unchanged.
      const data = spawnSync(process.execPath, [RUN_TS, path.join(__dirname, "data-file.ts"), size], {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 16 * 1024 * 1024,
      });
      if (data.status !== 0) throw new Error(`data file for ${size}: ${data.stderr}`);
      const { file, writeMs } = JSON.parse(data.stdout.trim().split("\n").pop()!) as {
        file: string;
        writeMs: number;
      };
      r.data = { file, mb: fs.statSync(file).size / 1e6, writeMs };
      process.stdout.write(`CLI ×${runs[size].cli} … `);
      r.cli = [
        runCli(file, "both", runs[size].cli),
        runCli(file, "xlsx", runs[size].cli),
        runCli(file, "json", runs[size].cli),
      ];
      process.stdout.write(`${ms(r.cli[0].ms)}`);
      if (size === "country") {
        process.stdout.write(`; read (unzip, reader, ExcelJS) … `);
        r.read = readComparison(file, options.quick ? 1 : 3);
        process.stdout.write(ms(r.read.reader.ms));
      }
      process.stdout.write(`; report writers ×${runs[size].cli} … `);
      r.reportWriters = compareReportWriters(size, runs[size].cli);
      process.stdout.write(`${ms(r.reportWriters.package.ms)}`);
    }
    if (options.libreoffice && END_TO_END.has(size)) {
      if (!hasLibreOffice()) r.libreoffice = { error: "libreoffice is not installed" };
      else {
        process.stdout.write(`; LibreOffice ×${runs[size].libreoffice} … `);
        try {
          r.libreoffice = child<LibreOfficeResult>("lo.ts", [size, String(runs[size].libreoffice)], []);
          process.stdout.write(ms(r.libreoffice.ms));
        } catch (error) {
          r.libreoffice = { error: String(error).slice(0, 500) };
          process.stdout.write("failed");
        }
      }
    }
  }
  process.stdout.write("\n\nNTH.CONSOLIDATION_RATE over 100,000 cells … ");
  const functions = child<FunctionsResult>("functions.ts", []);
  console.log("done");

  const sizes = options.sizes;
  const lo = (r: SizeResults): LibreOfficeResult | null =>
    r.libreoffice && "ms" in r.libreoffice ? r.libreoffice : null;
  const cli = (r: SizeResults, mode: CliMode): CliResult | undefined => r.cli?.find((c) => c.mode === mode);
  const out: string[] = [];
  out.push(
    table(
      "Data",
      sizes,
      [
        [
          "provinces / districts / communes",
          (r) =>
            r.core
              ? `${r.core.counts.provinces} / ${r.core.counts.districts} / ${count(r.core.counts.communes)}`
              : "–",
        ],
        ["village rows", (r) => count(r.core?.counts.villageRows)],
        ["office-holder rows", (r) => count(r.core?.counts.officeHolderRows)],
        ["issues found", (r) => count(r.core?.issues)],
        [".xlsx input", (r) => (r.data ? `${r.data.mb.toFixed(1)} MB` : "–")],
      ],
      results,
    ),
  );
  out.push(
    table(
      "Core, from grids (median)",
      sizes,
      [
        ["runs", (r) => count(r.core?.runs)],
        ["read + check + roll up (analyse)", (r) => ms(r.core?.analyseMs)],
        ["  CPU time (all threads)", (r) => ms(r.core?.analyseCpuMs)],
        ["  of which read + check", (r) => ms(r.core?.readMs)],
        ["  of which roll up", (r) => ms(r.core?.rollupMs)],
        ["JSON summary", (r) => ms(r.core?.summaryMs)],
        ["all report descriptions (as the CLI writes them)", (r) => ms(r.core?.descriptionsMs)],
        ["  CPU time (all threads)", (r) => ms(r.core?.descriptionsCpuMs)],
        ["  cells described", (r) => count(r.core?.descriptionCells)],
        ["RSS with the data in memory", (r) => mb(r.core?.dataRssMb)],
        ["peak RSS while the core runs", (r) => mb(r.core?.corePeakRssMb)],
        ["peak RSS of the process (generation incl.)", (r) => mb(r.core?.processPeakRssMb)],
      ],
      results,
    ),
  );
  if (options.cli) {
    out.push(
      table(
        "CLI end to end (nth-rollup report, median wall time)",
        sizes,
        [
          ["runs", (r) => count(cli(r, "xlsx")?.runs)],
          [".xlsx → .xlsx + JSON (--json --out, one run)", (r) => ms(cli(r, "both")?.ms)],
          ["  CPU time (all threads)", (r) => ms(cli(r, "both")?.cpuMs)],
          ["  peak RSS", (r) => mb(cli(r, "both")?.peakRssMb)],
          [".xlsx → .xlsx (--out)", (r) => ms(cli(r, "xlsx")?.ms)],
          ["  CPU time (all threads)", (r) => ms(cli(r, "xlsx")?.cpuMs)],
          ["  peak RSS", (r) => mb(cli(r, "xlsx")?.peakRssMb)],
          ["  report file", (r) => (cli(r, "xlsx") ? `${cli(r, "xlsx")!.outputMb.toFixed(1)} MB` : "–")],
          [".xlsx → JSON (--json)", (r) => ms(cli(r, "json")?.ms)],
          ["  CPU time (all threads)", (r) => ms(cli(r, "json")?.cpuMs)],
          ["  peak RSS", (r) => mb(cli(r, "json")?.peakRssMb)],
        ],
        results,
      ),
    );
  }
  for (const size of sizes) {
    const writers = results[size].reportWriters;
    if (writers) out.push(writeComparisonTable(writers));
  }
  if (options.libreoffice) {
    out.push(
      table(
        "LibreOffice COUNTIFS/SUMIFS alternative (convert-to xlsx, recalculating on load)",
        sizes,
        [
          ["runs", (r) => count(lo(r)?.runs)],
          ["formulas", (r) => count(lo(r)?.formulas)],
          [
            "load + recalculate + save",
            (r) => (lo(r) ? ms(lo(r)!.ms) : r.libreoffice && "error" in r.libreoffice ? "failed" : "–"),
          ],
          [
            "ratio LibreOffice / CLI (.xlsx → .xlsx)",
            (r) => (lo(r) && cli(r, "xlsx") ? `${(lo(r)!.ms / cli(r, "xlsx")!.ms).toFixed(1)}×` : "–"),
          ],
          [
            "villages / consolidated, COUNTIFS",
            (r) =>
              lo(r)
                ? `${count(lo(r)!.total.villages ?? undefined)} / ${count(lo(r)!.total.consolidated ?? undefined)}`
                : "–",
          ],
          [
            "villages / consolidated, nth-rollup",
            (r) => (lo(r) ? `${count(lo(r)!.core.villages)} / ${count(lo(r)!.core.consolidated)}` : "–"),
          ],
        ],
        results,
      ),
    );
  }
  out.push(
    table(
      "Excel add-in shells against the in-memory Excel",
      sizes,
      [
        [
          "read: syncs (names, used ranges, chunks)",
          (r) => (r.excel ? `${r.excel.read.syncs} (1 + 1 + ${r.excel.read.chunkSyncs})` : "–"),
        ],
        ["read: largest response", (r) => bytes(r.excel?.read.fakeLargestResponseBytes)],
        ["read: all responses", (r) => bytes(r.excel?.read.totalResponseBytes)],
        ["write: syncs in all", (r) => count(r.excel?.write.syncs)],
        [
          "write: syncs per report sheet",
          (r) => (r.excel ? r.excel.write.sheets.map((s) => s.syncs).join(" ") : "–"),
        ],
        [
          "write: rows of the largest sheet",
          (r) => count(r.excel ? Math.max(...r.excel.write.sheets.map((s) => s.rows)) : undefined),
        ],
        ["write: largest request", (r) => bytes(r.excel?.write.fakeLargestRequestBytes)],
      ],
      results,
    ),
  );
  out.push(
    `\nNTH.CONSOLIDATION_RATE over ${count(functions.cells)} cells (median of ${functions.runs} calls)\n` +
      functions.cases.map((c) => `  ${c.label.padEnd(58)} ${ms(c.ms)}`).join("\n") +
      `\nNTH.COUNT_CONSOLIDATED over ${count(functions.count.pairs)} name pairs: first call ` +
      `${ms(functions.count.firstMs)} (CPU ${ms(functions.count.firstCpuMs)}), median ${ms(functions.count.ms)} ` +
      `(CPU ${ms(functions.count.cpuMs)})`,
  );
  for (const size of sizes) {
    const read = results[size].read;
    if (read) out.push(formatReadComparison(read));
  }
  const country = results.country;
  if (country) out.push(targetsTable(country));
  const text = out.join("\n");
  console.log(text);
  console.log(`\nload average at end: ${loadAverage()}`);

  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const saved = {
    started: started.toISOString(),
    machine: { ...machine, loadAverageAtEnd: loadAverage() },
    runs,
    results,
    functions,
  };
  fs.writeFileSync(path.join(BENCH_DIR, "results.json"), JSON.stringify(saved, null, 2));
  fs.writeFileSync(path.join(BENCH_DIR, "results.txt"), text + "\n");
  console.log(`\nSaved to ${path.relative(ROOT, path.join(BENCH_DIR, "results.json"))} and results.txt`);
}

main();
