import type { SheetGrid } from "../../core/grid";
import { MANIFEST_SHEET_NAME, manifestRows, type SubmissionManifest } from "../../core/submission/manifest";
import type { SheetDescription } from "../../report/description";
import { gridOf, gridWorksheet } from "./dataSheet";
import { addReportSheets } from "./reportSheet";
import { XlsxPackage } from "./workbook";
import type { Checksum, Deflater } from "./zip";

export { CellTooLongError, isCellTooLongError } from "./dataSheet";

/** A standard data sheet to carry in a submission, with its header row (Excel row number) to mark. */
export interface DataSheet {
  readonly grid: SheetGrid;
  readonly headerRow: number;
  /** The file it was read from, named in messages. */
  readonly file?: string;
}

/**
 * The submission workbook's bytes: the report sheets for the submitting unit, the standard data
 * sheets they were computed from (values as read, at their addresses, written exactly as the
 * report writer writes text, so the level above reads back the same data), and the manifest
 * sheet, zipped with the deflater the shell gives (no Node API here: the pane uses it too). Plain values and formulas only: it opens in any Excel without the add-in. Text longer
 * than a cell holds throws `CellTooLongError` naming the cell, and nothing is written.
 */
export function submissionPackageBytes(
  reports: readonly SheetDescription[],
  data: readonly DataSheet[],
  manifest: SubmissionManifest,
  deflate: Deflater,
  checksum?: Checksum,
): Uint8Array {
  const pkg = new XlsxPackage();
  addReportSheets(pkg, reports);
  const used = new Set(pkg.sheetNames().map((n) => n.toLocaleLowerCase()));
  const unique = (name: string): string => {
    let candidate = name.slice(0, 31);
    for (let k = 2; used.has(candidate.toLocaleLowerCase()); k++) candidate = `${name.slice(0, 26)} (${k})`;
    used.add(candidate.toLocaleLowerCase());
    return candidate;
  };
  for (const { grid, headerRow, file } of data) {
    const left = grid.firstColumn ?? 1;
    const widest = grid.rows.reduce((w, row) => Math.max(w, row.length), 0);
    const widths = Array.from({ length: left + widest - 1 }, () => 18);
    pkg.addSheet(
      gridWorksheet(
        grid,
        unique(grid.name),
        { file: file ?? null, label: grid.name, boldRows: new Set([headerRow]) },
        pkg.styles,
        { columnWidths: widths, freezeRows: headerRow },
      ),
    );
  }
  const info = gridOf(unique(MANIFEST_SHEET_NAME), manifestRows(manifest));
  pkg.addSheet(
    gridWorksheet(info, info.name, { file: null, label: info.name, boldRows: new Set([1]) }, pkg.styles, {
      columnWidths: [16, 30, 50],
      freezeRows: 0,
    }),
  );
  return pkg.bytes(deflate, checksum);
}
