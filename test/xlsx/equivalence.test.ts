import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import type { CellValue } from "../../src/core/cells";
import type { GridRange, SheetGrid, WorkbookGrids } from "../../src/core/grid";
import { analyse } from "../../src/core/pipeline";
import { isUnusableInputError } from "../../src/xlsx/errors";
import { readXlsxBuffer } from "../../src/xlsx/readXlsx";
import { gridsFromXlsx } from "../../src/xlsx/grids";
import { gridsFromXlsxWithExcelJs } from "./excelJsGrids";
import { xlsxFilesUnder } from "./xlsxFiles";

/**
 * The bounded reader against the ExcelJS conversion it replaced, on every trusted workbook of the
 * project: the reader cases (test/cases/reader), the samples and the submissions. Both must give
 * the same grids (values, offsets, report marks, visibility) and the same analysis. Where they may
 * legitimately differ it is normalised here, and said why:
 * - merged ranges: ExcelJS kept each range whole (and expanded it into cells: a merge over the
 *   whole sheet became a billion cells); the reader clips ranges to the data's extent, keeping a
 *   range of several rows or columns at least two (src/xlsx/xml/worksheet.ts, clipMerges). The
 *   grids are compared after the same clipping of ExcelJS's ranges; the analyses unchanged.
 * - an empty cell inside a row: ExcelJS's conversion wrote null, the reader writes null too; a
 *   hole (undefined) would read the same in the core (`cellAt`), but none is produced.
 * - files refused: the reason may be more precise now (e.g. a cut zip is "corrupt" for both).
 */

const ROOT = path.resolve(__dirname, "..", "..");
const CASES = path.join(ROOT, "test", "cases", "reader");

const caseFolders = readdirSync(CASES)
  .filter((name) => statSync(path.join(CASES, name)).isDirectory())
  .sort();
const samples = xlsxFilesUnder(path.join(ROOT, "samples"));

type Outcome = { error: string } | { workbook: WorkbookGrids };

async function both(file: string): Promise<[Outcome, Outcome, Outcome]> {
  const bytes = new Uint8Array(readFileSync(file));
  const label = path.basename(file);
  const attempt = async (read: () => Promise<WorkbookGrids>): Promise<Outcome> => {
    try {
      return { workbook: await read() };
    } catch (error) {
      if (!isUnusableInputError(error)) throw error;
      return { error: error.reason };
    }
  };
  return [
    await attempt(() => gridsFromXlsxWithExcelJs(bytes, label)),
    await attempt(() => readXlsxBuffer(bytes, label)),
    // The pane's path: the same parsing with fflate instead of Node's zlib.
    await attempt(() => gridsFromXlsx(bytes, label)),
  ];
}

/** A grid in a comparable form: nulls for holes, ExcelJS's merges clipped as the reader clips them. */
function comparable(grid: SheetGrid): unknown {
  const rows = grid.rows.map((row) => Array.from(row, (v: CellValue | undefined) => v ?? null));
  const bottom = (grid.firstRow ?? 1) + grid.rows.length - 1;
  const right = (grid.firstColumn ?? 1) + grid.rows.reduce((w, r) => Math.max(w, r.length), 0) - 1;
  const merges = (grid.merges ?? [])
    .filter((m: GridRange) => m.top <= bottom && m.left <= right)
    .map((m) => ({
      top: m.top,
      left: m.left,
      bottom: Math.max(Math.min(m.bottom, bottom), Math.min(m.bottom, m.top + 1)),
      right: Math.max(Math.min(m.right, right), Math.min(m.right, m.left + 1)),
    }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  return {
    name: grid.name,
    rows,
    firstRow: grid.firstRow ?? 1,
    firstColumn: grid.firstColumn ?? 1,
    merges,
    report: grid.report ?? false,
    visibility: grid.visibility ?? "visible",
  };
}

function expectSameOutcome(old: Outcome, fresh: Outcome): void {
  if ("error" in old) {
    expect(fresh).toEqual({ error: old.error });
    return;
  }
  if ("error" in fresh) throw new Error(`the reader refused a file ExcelJS read: ${fresh.error}`);
  expect(fresh.workbook.file).toBe(old.workbook.file);
  expect(fresh.workbook.sheets.map(comparable)).toEqual(old.workbook.sheets.map(comparable));
}

const analysisOf = (outcomes: Outcome[]): unknown => {
  const workbooks = outcomes.flatMap((o) => ("workbook" in o ? [o.workbook] : []));
  return workbooks.length === 0 ? null : analyse(workbooks, { referenceYear: 2025 });
};

describe("the bounded reader reads what ExcelJS read", () => {
  it.each(caseFolders)("reader case %s", async (folder) => {
    const dir = path.join(CASES, folder);
    const inputs = readdirSync(dir)
      .filter((f) => /^input.*\.xlsx$/.test(f))
      .sort();
    const olds: Outcome[] = [];
    const news: Outcome[] = [];
    for (const input of inputs) {
      const [old, fresh, pane] = await both(path.join(dir, input));
      expectSameOutcome(old, fresh);
      expect(pane).toEqual(fresh);
      olds.push(old);
      news.push(fresh);
    }
    expect(analysisOf(news)).toEqual(analysisOf(olds));
  });

  it.each(samples.map((f) => path.relative(ROOT, f)))("sample %s", async (relative) => {
    const [old, fresh, pane] = await both(path.join(ROOT, relative));
    expectSameOutcome(old, fresh);
    expect(pane).toEqual(fresh);
    expect(analysisOf([fresh])).toEqual(analysisOf([old]));
  });
});
