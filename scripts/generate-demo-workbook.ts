/**
 * Writes src/excel/memory/langSonSample.json: samples/lang-son.xlsx as grids (the cells the
 * ExcelJS reader returns), which the task pane's demo mode loads into its in-memory workbook.
 * A JSON file rather than the .xlsx keeps ExcelJS out of the browser bundle; test/app/demoWorkbook
 * checks that it still equals the sample. Run after `npm run samples`:
 *   node bin/dev/run-ts.js scripts/generate-demo-workbook.ts
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsxFile } from "../src/xlsx/readXlsx";
import type { WorkbookGrids } from "../src/core/grid";

export const SAMPLE = path.resolve(__dirname, "../samples/lang-son.xlsx");
export const OUTPUT = path.resolve(__dirname, "../src/excel/memory/langSonSample.json");

/** The sample as JSON-ready grids; throws on a cell that is not a plain value (a date, an error). */
export async function sampleGrids(): Promise<WorkbookGrids> {
  const workbook = await readXlsxFile(SAMPLE, path.basename(SAMPLE));
  for (const sheet of workbook.sheets)
    for (const row of sheet.rows)
      for (const v of row)
        if (v !== null && typeof v === "object")
          throw new Error(`${sheet.name}: a ${v.kind} cell; the demo workbook holds plain values only`);
  return workbook;
}

if (process.argv[1] === __filename) {
  void sampleGrids().then((workbook) => {
    fs.writeFileSync(OUTPUT, JSON.stringify(workbook) + "\n");
    console.log(`wrote ${path.relative(process.cwd(), OUTPUT)}`);
  });
}
