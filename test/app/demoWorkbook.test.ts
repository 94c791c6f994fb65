/**
 * The demo workbook: the committed grids equal samples/lang-son.xlsx as the ExcelJS reader sees it
 * (run `node bin/dev/run-ts.js scripts/generate-demo-workbook.ts` after `npm run samples` if not),
 * and the in-memory workbook holds them plus exactly the listed typing mistakes.
 */
import { sampleGrids } from "../../scripts/generate-demo-workbook";
import { analyse } from "../../src/core/pipeline";
import {
  createDemoWorkbook,
  DEMO_MISTAKES,
  demoGrids,
  SAMPLE_GRIDS,
} from "../../src/excel/memory/demoWorkbook";
import { memoryExcelHost } from "../../src/excel/memory/memoryHost";
import { WorkbookSession } from "../../src/excel/session";

it("holds the sample workbook's cells exactly", async () => {
  expect(SAMPLE_GRIDS).toEqual(await sampleGrids());
});

it("reads back from the in-memory workbook as the sample plus the demo mistakes", async () => {
  const { workbook } = await new WorkbookSession(memoryExcelHost(createDemoWorkbook())).readWorkbook();
  const expected = demoGrids();
  expect(workbook.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
  workbook.sheets.forEach((sheet, i) => {
    const want = expected.sheets[i];
    // The reader gives the used range; trailing blanks of a row are the same cells.
    const trim = (rows: readonly (readonly unknown[])[]): unknown[][] =>
      rows.map((r) => {
        const row = [...r];
        while (row.length > 0 && row[row.length - 1] === null) row.pop();
        return row;
      });
    expect(trim(sheet.rows)).toEqual(trim(want.rows));
  });
});

it("the mistakes change no headline figure of the sample", () => {
  const before = analyse([SAMPLE_GRIDS], { referenceYear: 2026 });
  const after = analyse([demoGrids()], { referenceYear: 2026 });
  if (!before.ok || !after.ok) throw new Error("unusable");
  expect(before.analysis.issues).toEqual([]);
  expect(after.analysis.issues.map((i) => `${i.sheet}!${i.cell}`).sort()).toEqual(
    DEMO_MISTAKES.map((m) => `${m.sheet}!${m.cell}`).sort(),
  );
  const figures = (units: typeof before.analysis.rollup.units) =>
    units.map((u) => [
      u.id,
      u.villages,
      u.consolidated,
      u.assessments.village_secretary_head?.needed ?? null,
    ]);
  expect(figures(after.analysis.rollup.units)).toEqual(figures(before.analysis.rollup.units));
});
