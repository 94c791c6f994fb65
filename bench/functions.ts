/**
 * Child process of `npm run bench`: NTH.CONSOLIDATION_RATE (the custom function's adapter and the
 * core function behind it) over a 100,000-cell range, as Excel passes it (rows of plain values).
 * Prints one result line.
 */
import { consolidationRate as coreRate } from "../src/core/formulas";
import { consolidationRate } from "../src/functions/functions";
import { emitResult, median, timeRuns } from "./measure";
import { Random } from "./generator/random";

export interface FunctionsResult {
  readonly cells: number;
  readonly runs: number;
  /** Median milliseconds per call, by what the range holds. */
  readonly cases: readonly { readonly label: string; readonly ms: number; readonly result: number }[];
}

const CELLS = 100_000;
const RUNS = 51;

function column(make: (random: Random) => unknown): unknown[][] {
  const random = new Random(7);
  return Array.from({ length: CELLS }, () => [make(random)]);
}

function main(): void {
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
  });
}

main();
