/**
 * A focused measurement of the text pre-pass (src/core/read/clean.ts) at one size: the CPU time
 * of `cleanWorkbooks` alone over the generated grids, next to the CPU time of the whole core
 * (`analyse`, which includes it), both as medians of the same number of runs in one process.
 *
 *   node --expose-gc bin/dev/run-ts.js bench/clean.ts <size> <runs>
 */
import type { WorkbookGrids } from "../src/core/grid";
import type { Issue } from "../src/core/issues";
import { analyse } from "../src/core/pipeline";
import { cleanWorkbooks } from "../src/core/read/clean";
import { generate, SIZES, type SizeName } from "./generator/generate";
import { collectGarbage, median } from "./measure";

function cpuMs(run: () => void): number {
  collectGarbage();
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const size = process.argv[2] as SizeName;
const runs = Number(process.argv[3] ?? 3);
const workbook = JSON.parse(JSON.stringify(generate(SIZES[size]).workbook)) as WorkbookGrids;
// All runs of one, then all runs of the other: the concurrent sweeping after a forced collection
// of the core's garbage would otherwise be billed to the next measurement.
const clean: number[] = [];
const core: number[] = [];
for (let i = 0; i < runs; i++) {
  clean.push(
    cpuMs(() => {
      const issues: Issue[] = [];
      if (cleanWorkbooks([workbook], issues)[0] !== workbook) throw new Error("clean data was changed");
    }),
  );
}
for (let i = 0; i < runs; i++) core.push(cpuMs(() => analyse([workbook], { referenceYear: 2025 })));
const c = median(clean);
const a = median(core);
console.log(
  JSON.stringify({ size, runs, cleanCpuMs: c, analyseCpuMs: a, share: `${((100 * c) / a).toFixed(1)}%` }),
);
