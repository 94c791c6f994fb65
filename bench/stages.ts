/**
 * Where the command line's time goes, stage by stage, in one process: the steps of
 * `nth-rollup report <file> --json … --out …` (src/cli/commands.ts) called one after the other on
 * one .xlsx file, each with its wall time and CPU time (user + system, all threads: garbage
 * collection on helper threads counts), then the whole. Nothing is written to disk.
 *
 *   node bin/dev/run-ts.js bench/stages.ts out/bench/data/country-*.xlsx [runs]
 *
 * Not part of `npm run bench`; a tool for finding what to make faster (docs/performance.md).
 */
import * as os from "node:os";
import * as path from "node:path";
import { analyse, summaryOf } from "../src/core/pipeline";
import { reportsFor } from "../src/report/reports";
import { dateOf } from "../src/report/settings";
import { collectReportSettings } from "../src/report/settingsSheet";
import { reportXlsxBytes } from "../src/xlsx/writeReport";
import { readXlsxFile } from "../src/xlsx/readXlsx";

interface Lap {
  readonly stage: string;
  readonly wallMs: number;
  readonly cpuMs: number;
}

async function once(file: string): Promise<Lap[]> {
  const laps: Lap[] = [];
  let wall = performance.now();
  let cpu = process.cpuUsage();
  const lap = (stage: string): void => {
    const w = performance.now();
    const c = process.cpuUsage(cpu);
    laps.push({ stage, wallMs: w - wall, cpuMs: (c.user + c.system) / 1000 });
    wall = w;
    cpu = process.cpuUsage();
  };
  const workbook = await readXlsxFile(file, path.basename(file));
  lap("read .xlsx (bounded reader)");
  const options = new Map<string, string>();
  const result = analyse([workbook], {
    referenceYear: new Date().getFullYear(),
    givenPeriod: collectReportSettings([workbook], options).settings.period ?? null,
    period: null,
    previous: [],
  });
  lap("analyse (read + check + roll up)");
  if (!result.ok) throw new Error(result.unusable.en);
  const a = result.analysis;
  const summary = summaryOf(a, "vi");
  const json = JSON.stringify(summary, null, 2);
  lap(`JSON summary (${(json.length / 1e6).toFixed(1)} MB)`);
  const reports = reportsFor(a.rollup, a.issues, {
    workbooks: [workbook],
    options,
    language: "vi",
    today: dateOf(new Date()),
    inThisWorkbook: () => false,
    completeness: a.completeness,
    changes: a.changes,
    plan: summary.plan,
    dataPeriod: a.period?.period.text ?? null,
    unitOrder: a.unitList,
    officeHolders: a.read.dataset.officeHolders,
  });
  lap(`report descriptions (${reports.sheets.length} sheets)`);
  const bytes = await reportXlsxBytes(reports.sheets);
  lap(`report workbook (${(bytes.length / 1e6).toFixed(1)} MB)`);
  return laps;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  const runs = Number(process.argv[3] ?? 1);
  if (!file) throw new Error("usage: bench/stages.ts <file.xlsx> [runs]");
  const load = (): string =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
  for (let r = 1; r <= runs; r++) {
    process.stdout.write(`run ${r} of ${runs}, load average ${load()}\n`);
    const laps = await once(file);
    for (const l of laps)
      process.stdout.write(
        `  ${l.stage.padEnd(40)} wall ${(l.wallMs / 1000).toFixed(2).padStart(6)} s   CPU ${(l.cpuMs / 1000).toFixed(2).padStart(6)} s\n`,
      );
    const wall = laps.reduce((s, l) => s + l.wallMs, 0);
    const cpu = laps.reduce((s, l) => s + l.cpuMs, 0);
    process.stdout.write(
      `  ${"all".padEnd(40)} wall ${(wall / 1000).toFixed(2).padStart(6)} s   CPU ${(cpu / 1000).toFixed(2).padStart(6)} s   RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB, load average ${load()}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
