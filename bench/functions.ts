/**
 * Child process of `npm run bench`, and the bench's function part on its own:
 *   node bin/dev/run-ts.js bench/functions.ts --print
 * NTH.CONSOLIDATION_RATE (the custom function's adapter and the core function behind it) over a
 * 100,000-cell range, and NTH.COUNT_CONSOLIDATED over the 100,000 secretary/head name pairs of the
 * generated country (the names as the generator writes them: clerks' variations of tone
 * placement, Unicode form, case and spaces included), as Excel passes them (rows of plain
 * values). The first call of a fresh process is reported apart from the median: it pays for the
 * name normalisation's caches. Prints one result line (with --print, a readable table too).
 */
import { loadavg } from "os";
import { VILLAGES } from "../src/core/schema/sheets";
import { consolidationRate as coreRate } from "../src/core/formulas";
import { consolidationRate, countConsolidated } from "../src/functions/functions";
import { emitResult, median, timeRuns, timeRunsWithCpu } from "./measure";
import { generate, SIZES } from "./generator/generate";
import { Random } from "./generator/random";

export interface FunctionsResult {
  readonly cells: number;
  readonly runs: number;
  /** Median milliseconds per call, by what the range holds. */
  readonly cases: readonly { readonly label: string; readonly ms: number; readonly result: number }[];
  /** NTH.COUNT_CONSOLIDATED over the country's name pairs. */
  readonly count: {
    readonly pairs: number;
    readonly firstMs: number;
    readonly firstCpuMs: number;
    readonly ms: number;
    readonly cpuMs: number;
    readonly result: number;
  };
}

const CELLS = 100_000;
const RUNS = 51;

function column(make: (random: Random) => unknown): unknown[][] {
  const random = new Random(7);
  return Array.from({ length: CELLS }, () => [make(random)]);
}

/** The secretary and head columns of the generated country's village sheet, as Excel passes ranges. */
function namePairs(): { secretaries: unknown[][]; heads: unknown[][] } {
  const { workbook } = generate(SIZES.country);
  const sheet = workbook.sheets.find((s) => s.name === "Thôn") ?? workbook.sheets[0];
  const label = (key: string): string => VILLAGES.columns.find((c) => c.key === key)!.vi;
  const headerRow = sheet.rows.findIndex((row) => row.includes(label("secretary")));
  const s = sheet.rows[headerRow].indexOf(label("secretary"));
  const h = sheet.rows[headerRow].indexOf(label("head"));
  const rows = sheet.rows.slice(headerRow + 1);
  return { secretaries: rows.map((r) => [r[s] ?? null]), heads: rows.map((r) => [r[h] ?? null]) };
}

function main(): void {
  // COUNT_CONSOLIDATED first, so that its first call finds the name caches cold.
  const { secretaries, heads } = namePairs();
  let counted = 0;
  const cpuStart = process.cpuUsage();
  const first = performance.now();
  counted = countConsolidated(secretaries, heads);
  const firstMs = performance.now() - first;
  const firstUsed = process.cpuUsage(cpuStart);
  const firstCpuMs = (firstUsed.user + firstUsed.system) / 1000;
  const timed = timeRunsWithCpu(RUNS, () => (counted = countConsolidated(secretaries, heads)), 0);
  const countMs = median(timed.wall);
  const countCpuMs = median(timed.cpu);

  const cases: { label: string; range: unknown[][] }[] = [
    {
      label: "typed flags: x / Không / Có / blank",
      range: column((r) => r.pick(["x", "x", "Không", "Có", ""])),
    },
    { label: "TRUE/FALSE and 1/0", range: column((r) => r.pick([true, false, 1, 0])) },
    {
      label: "mixed spellings (x, X, Có, có, 1, K, Chưa, TRUE, blank)",
      range: column((r) => r.pick(["x", "X", "Có", "có", 1, "K", "Chưa", true, ""])),
    },
  ];
  const results = cases.map(({ label, range }) => {
    let result = 0;
    const ms = median(timeRuns(RUNS, () => (result = consolidationRate(range, undefined)), 3));
    return { label, ms, result };
  });
  const core = cases[0].range as never;
  const coreMs = median(timeRuns(RUNS, () => coreRate(core, null), 3));
  emitResult({
    cells: CELLS,
    runs: RUNS,
    cases: [...results, { label: "core function, typed flags", ms: coreMs, result: 0 }],
    count: {
      pairs: secretaries.length,
      firstMs,
      firstCpuMs,
      ms: countMs,
      cpuMs: countCpuMs,
      result: counted,
    },
  });
  if (process.argv.includes("--print")) {
    console.log(
      `COUNT_CONSOLIDATED over ${secretaries.length} name pairs: first call ${firstMs.toFixed(1)} ms (CPU ${firstCpuMs.toFixed(1)} ms), median ${countMs.toFixed(2)} ms (CPU ${countCpuMs.toFixed(2)} ms), ${counted} consolidated; load ${loadavg()[0].toFixed(1)}`,
    );
    for (const c of results) console.log(`CONSOLIDATION_RATE ${c.label}: ${c.ms.toFixed(2)} ms`);
    console.log(`CONSOLIDATION_RATE core: ${coreMs.toFixed(2)} ms`);
  }
}

main();
