/**
 * Child of the read measurement (bench/read.ts): reads one .xlsx file with the bounded reader
 * (`reader`) or with the ExcelJS conversion it replaced (`exceljs`, test/xlsx/excelJsGrids.ts) and
 * prints wall time, CPU time and peak RSS of the read alone, and the cells read (to show both read
 * the same amount).
 */
import * as fs from "node:fs";
import type { WorkbookGrids } from "../src/core/grid";
import { readXlsxFile } from "../src/xlsx/readXlsx";
import { gridsFromXlsxWithExcelJs } from "../test/xlsx/excelJsGrids";
import { emitResult } from "./measure";

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let workbook: WorkbookGrids;
  if (mode === "reader") workbook = await readXlsxFile(file);
  else if (mode === "exceljs") workbook = await gridsFromXlsxWithExcelJs(fs.readFileSync(file), file);
  else throw new Error(`unknown mode ${mode}`);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  let cells = 0;
  for (const sheet of workbook.sheets)
    for (const row of sheet.rows) for (const v of row) if (v !== null) cells++;
  emitResult({
    mode,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cells,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
