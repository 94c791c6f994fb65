/**
 * Child process of `npm run bench` for one size: the Office.js shells against the in-memory Excel
 * (src/excel/memory): reading the input sheets (syncs, largest response) and writing the six
 * report sheets (syncs per sheet, largest request). Prints one result line.
 *
 *   node --expose-gc bin/dev/run-ts.js bench/excel.ts <size>
 */
import { analyse } from "../src/core/pipeline";
import { FakeRequestContext, FakeWorkbook } from "../src/excel/memory/fakeExcel";
import { readWorkbookFromExcel } from "../src/excel/readWorkbook";
import { writeReportsToExcel } from "../src/excel/writeReport";
import { buildReports } from "../src/report/reports";
import { resolveSettings } from "../src/report/settings";
import { fakeWorkbookOf } from "./fakeWorkbook";
import { generate, SIZES, type SizeName } from "./generator/generate";
import { emitResult } from "./measure";

export interface ExcelResult {
  readonly size: SizeName;
  readonly read: {
    readonly syncs: number;
    readonly chunkSyncs: number;
    readonly largestResponseBytes: number;
    /** Largest response as the in-memory Excel measured it (JSON of the loaded arrays). */
    readonly fakeLargestResponseBytes: number;
    readonly totalResponseBytes: number;
    readonly cells: number;
  };
  readonly write: {
    readonly syncs: number;
    readonly sheets: readonly { name: string; rows: number; syncs: number }[];
    readonly largestRequestBytes: number;
    readonly fakeLargestRequestBytes: number;
    readonly ms: number;
  };
}

async function main(): Promise<void> {
  const size = process.argv[2] as SizeName;
  const grids = generate(SIZES[size]).workbook;

  const input = fakeWorkbookOf(grids);
  const read = await readWorkbookFromExcel(new FakeRequestContext(input));
  const cells = read.workbook.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);

  const result = analyse([grids], { referenceYear: 2025 });
  if (!result.ok) throw new Error(result.unusable.en);
  const { rollup, issues } = result.analysis;
  const sheets = buildReports(rollup, issues, resolveSettings(rollup, {}, { year: 2025, month: 6, day: 30 }));
  const book = new FakeWorkbook();
  book.addSheet("Thôn", [["Tỉnh", "Xã", "Thôn"]]);
  const start = performance.now();
  const written = await writeReportsToExcel(new FakeRequestContext(book), sheets);
  const ms = performance.now() - start;

  const out: ExcelResult = {
    size,
    read: {
      syncs: read.syncs,
      chunkSyncs: read.chunkSyncs,
      largestResponseBytes: read.largestResponseBytes,
      fakeLargestResponseBytes: input.largestResponseBytes,
      totalResponseBytes: input.responses.reduce((a, b) => a + b, 0),
      cells,
    },
    write: {
      syncs: written.syncs,
      sheets: written.sheets.map((s, i) => ({ name: s.name, rows: sheets[i].cells.length, syncs: s.syncs })),
      largestRequestBytes: written.largestRequestBytes,
      fakeLargestRequestBytes: book.largestRequestBytes,
      ms,
    },
  };
  emitResult(out);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
